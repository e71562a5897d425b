using SMBench.Compiler.Smb.Decryption;
using Xunit;

namespace SMBench.Compiler.Tests.Smb;

public sealed class SessionKeyTableTests
{
    [Fact]
    public void Session_ids_parse_with_or_without_0x()
    {
        var table = SessionKeyTable.Parse(["0x00000000c8565596:5BCB36AFE9E88FF3FE70E7B056D84572", "10:00112233445566778899aabbccddeeff"]);
        Assert.True(table.TryGet(0xc8565596, out var key));
        Assert.Equal(16, key.Length);
        Assert.True(table.TryGet(0x10, out _));
    }

    [Theory]
    [InlineData("no-colon-here")]
    [InlineData("zz:00112233445566778899aabbccddeeff")]
    [InlineData("10:0011")]
    [InlineData("10:not-hex-at-all-not-hex-at-all!!")]
    public void Bad_entries_fail_with_a_message_that_does_not_echo_the_key(string entry)
    {
        var e = Assert.Throws<CompileFailedException>(() => SessionKeyTable.Parse([entry]));
        Assert.Contains("--session-key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("00112233445566778899aabbccddeeff", e.Message, StringComparison.Ordinal);
    }
}
