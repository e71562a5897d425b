using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Fixtures;

public sealed class SambaFixtureSmokeTests
{
    [RequiresSambaFact]
    public async Task Smbclient_can_write_and_list_on_the_fixture_share()
    {
        await using var smbd = await SambaServer.StartAsync();
        File.WriteAllText(Path.Combine(smbd.Root, "hello.txt"), "hello");
        var (code, output) = smbd.SmbClient($"put {Path.Combine(smbd.Root, "hello.txt")} hello.txt; ls");
        Assert.True(code == 0, output);
        Assert.Contains("hello.txt", output);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(smbd.SharePath, "hello.txt")));
    }
}
