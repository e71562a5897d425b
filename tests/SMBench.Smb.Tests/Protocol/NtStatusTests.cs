using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Protocol;

public class NtStatusTests
{
    [Theory]
    [InlineData(0x00000000u, "STATUS_SUCCESS")]
    [InlineData(0x00000103u, "STATUS_PENDING")]
    [InlineData(0xC0000016u, "STATUS_MORE_PROCESSING_REQUIRED")]
    [InlineData(0x80000005u, "STATUS_BUFFER_OVERFLOW")]
    [InlineData(0x80000006u, "STATUS_NO_MORE_FILES")]
    [InlineData(0xC0000011u, "STATUS_END_OF_FILE")]
    [InlineData(0xC0000034u, "STATUS_OBJECT_NAME_NOT_FOUND")]
    [InlineData(0xC0000035u, "STATUS_OBJECT_NAME_COLLISION")]
    [InlineData(0xC000003Au, "STATUS_OBJECT_PATH_NOT_FOUND")]
    [InlineData(0xC0000043u, "STATUS_SHARING_VIOLATION")]
    [InlineData(0xC0000022u, "STATUS_ACCESS_DENIED")]
    [InlineData(0xC000006Du, "STATUS_LOGON_FAILURE")]
    [InlineData(0xC0000234u, "STATUS_ACCOUNT_LOCKED_OUT")]
    [InlineData(0xC0000064u, "STATUS_NO_SUCH_USER")]
    [InlineData(0xC0000072u, "STATUS_ACCOUNT_DISABLED")]
    [InlineData(0xC0000071u, "STATUS_PASSWORD_EXPIRED")]
    [InlineData(0xC00000BBu, "STATUS_NOT_SUPPORTED")]
    [InlineData(0xC000000Du, "STATUS_INVALID_PARAMETER")]
    [InlineData(0xC0000128u, "STATUS_FILE_CLOSED")]
    [InlineData(0xC0000225u, "STATUS_NOT_FOUND")]
    [InlineData(0xC0000056u, "STATUS_DELETE_PENDING")]
    [InlineData(0xC0000101u, "STATUS_DIRECTORY_NOT_EMPTY")]
    [InlineData(0xC0000103u, "STATUS_NOT_A_DIRECTORY")]
    [InlineData(0xC00000BAu, "STATUS_FILE_IS_A_DIRECTORY")]
    [InlineData(0xC0000055u, "STATUS_LOCK_NOT_GRANTED")]
    [InlineData(0xC000007Eu, "STATUS_RANGE_NOT_LOCKED")]
    [InlineData(0xC0000054u, "STATUS_FILE_LOCK_CONFLICT")]
    [InlineData(0xC00000C9u, "STATUS_NETWORK_NAME_DELETED")]
    [InlineData(0xC0000203u, "STATUS_USER_SESSION_DELETED")]
    [InlineData(0xC000035Cu, "STATUS_NETWORK_SESSION_EXPIRED")]
    [InlineData(0xC0000120u, "STATUS_CANCELLED")]
    [InlineData(0xC000009Au, "STATUS_INSUFFICIENT_RESOURCES")]
    [InlineData(0xC00000CCu, "STATUS_BAD_NETWORK_NAME")]
    [InlineData(0x00000108u, "STATUS_OPLOCK_BREAK_IN_PROGRESS")]
    [InlineData(0x0000010Cu, "STATUS_NOTIFY_ENUM_DIR")]
    [InlineData(0xC0000033u, "STATUS_OBJECT_NAME_INVALID")]
    [InlineData(0xC000000Fu, "STATUS_NO_SUCH_FILE")]
    public void Known_codes_print_and_parse_by_name(uint value, string name)
    {
        Assert.Equal(name, new NtStatus(value).ToString());
        Assert.Equal(new NtStatus(value), NtStatus.Parse(name));
        Assert.Equal(new NtStatus(value), NtStatus.Parse(name.ToLowerInvariant()));
    }

    [Fact]
    public void Every_named_code_has_a_unique_name_that_parses_back()
    {
        var fields = typeof(NtStatus).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(NtStatus))
            .Select(f => (NtStatus)f.GetValue(null)!)
            .ToList();
        Assert.True(fields.Count > 90);
        Assert.Equal(fields.Count, fields.Distinct().Count());
        var names = fields.Select(s => s.ToString()).ToList();
        Assert.All(names, n => Assert.StartsWith("STATUS_", n, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(fields, s => Assert.Equal(s, NtStatus.Parse(s.ToString())));

        // The table's spelling follows the field name (PascalCase → UPPER_SNAKE), so the two cannot drift apart.
        foreach (var field in typeof(NtStatus).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(f => f.FieldType == typeof(NtStatus)))
        {
            var expected = "STATUS_" + string.Concat(field.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
            Assert.Equal(expected.ToUpperInvariant(), ((NtStatus)field.GetValue(null)!).ToString());
        }
        Assert.Equal("STATUS_SMB_NO_PREAUTH_INTEGRITY_HASH_OVERLAP", NtStatus.SmbNoPreauthIntegrityHashOverlap.ToString());
        Assert.Equal("STATUS_IO_REPARSE_TAG_NOT_HANDLED", NtStatus.IoReparseTagNotHandled.ToString());
    }

    [Fact]
    public void Unknown_codes_print_as_hex_and_parse_back()
    {
        var status = new NtStatus(0xC0DE0001);
        Assert.Equal("0xC0DE0001", status.ToString());
        Assert.Equal(status, NtStatus.Parse("0xC0DE0001"));
        Assert.Equal(status, NtStatus.Parse("0xc0de0001"));
        Assert.Null(status.Name);
    }

    [Fact]
    public void Severity_helpers_follow_the_top_bits()
    {
        Assert.True(NtStatus.AccessDenied.IsError);
        Assert.True(NtStatus.BufferOverflow.IsWarning);
        Assert.False(NtStatus.BufferOverflow.IsError);
        Assert.True(NtStatus.Success.IsSuccess);
        Assert.False(NtStatus.Pending.IsError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("STATUS_NOT_A_REAL_THING")]
    [InlineData("0xZZ")]
    [InlineData("0x1FFFFFFFF")]
    public void Garbage_does_not_parse(string text)
    {
        Assert.False(NtStatus.TryParse(text, out _));
        if (text.Length > 0) Assert.Throws<FormatException>(() => NtStatus.Parse(text));
    }

    [Fact]
    public void Status_exception_says_which_command_failed_and_how()
    {
        var ex = new SmbStatusException(NtStatus.ObjectNameNotFound, Smb2Command.Create, @"of 'dir\a.txt'");
        Assert.Equal(NtStatus.ObjectNameNotFound, ex.Status);
        Assert.Equal(Smb2Command.Create, ex.Command);
        Assert.Equal(@"SMB2 CREATE of 'dir\a.txt' failed with STATUS_OBJECT_NAME_NOT_FOUND", ex.Message);
    }
}
