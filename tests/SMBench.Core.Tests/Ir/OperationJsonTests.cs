using System.Text;
using System.Text.Json;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Json;
using Xunit;

namespace SMBench.Core.Tests.Ir;

public sealed class OperationJsonTests
{
    // The same ops as SampleOps.EveryType(), written by hand the way a compiler or a person would: names for flags,
    // hex text, the blob_path alias, numeric and textual expected statuses.
    internal static readonly string[] HandWritten =
    [
        """{"op_id":"op_001","client_id":"c1","timestamp_us":1000,"type":"mkdir","path":"dir/sub","expected":{"status":"status_success","oplock_level":"batch","lease_state":"RH","create_action":"created","bytes":4096}}""",
        """{"op_id":"op_002","client_id":"c1","timestamp_us":2000,"type":"open","path":"dir/sub/file.txt","mode":"read_write","handle_ref":"h1","directory":false,"expected":{"status":0,"oplock_level":"batch","lease_state":"RH","create_action":"created","bytes":"4096"},"extensions":{"smb_protocol":{"access_mask":"0x0012019F","share_mode":"read|write|delete","disposition":"FILE_OPEN_IF","create_options":68,"file_attributes":"0x80","requested_oplock":"SMB2_OPLOCK_LEVEL_LEASE","lease":{"key":"00112233445566778899aabbccddeeff","state":"rwh","version":2,"parent_key":"ffeeddccbbaa99887766554433221100","epoch":3},"durable":{"version":2,"timeout_ms":60000,"persistent":true,"create_guid":"0f0e0d0c-0b0a-0908-0706-050403020100"},"on_break":[{"action":"ack","level":"RH"},{"action":"close"}],"create_contexts":["DH2Q","RqLs"],"impersonation":2}}}""",
        """{"op_id":"op_003","client_id":"c1","timestamp_us":3000,"type":"write","handle_ref":"h1","offset":8192,"length":5,"blob_path":"blobs/abc","expected":{"status":"0x00000000","bytes":5}}""",
        """{"op_id":"op_004","client_id":"c1","timestamp_us":4000,"type":"read","handle_ref":"h1","offset":4096,"length":100,"expected":{"status":3221225489}}""",
        """{"op_id":"op_005","client_id":"c1","timestamp_us":5000,"type":"stat","handle_ref":"h1"}""",
        """{"op_id":"op_006","client_id":"c1","timestamp_us":6000,"type":"truncate","handle_ref":"h1","length":12345}""",
        """{"op_id":"op_007","client_id":"c1","timestamp_us":7000,"type":"flush","handle_ref":"h1"}""",
        """{"op_id":"op_008","client_id":"c1","timestamp_us":8000,"type":"lock","handle_ref":"h1","offset":10,"length":20,"exclusive":false,"fail_immediately":false}""",
        """{"op_id":"op_009","client_id":"c1","timestamp_us":9000,"type":"unlock","handle_ref":"h1","offset":10,"length":20}""",
        """{"op_id":"op_010","client_id":"c1","timestamp_us":10000,"type":"ioctl","handle_ref":"h1","ctl_code":"0x00140204","input_length":24,"max_output_length":65536,"expected":{"status":"0xc0dec0de"}}""",
        """{"op_id":"op_011","client_id":"c1","timestamp_us":11000,"type":"close","handle_ref":"h1"}""",
        """{"op_id":"op_012","client_id":"c1","timestamp_us":12000,"type":"open","path":"dir","mode":"read","handle_ref":"h2","directory":true}""",
        """{"op_id":"op_013","client_id":"c1","timestamp_us":13000,"type":"close","handle_ref":"h2"}""",
        """{"op_id":"op_014","client_id":"c1","timestamp_us":14000,"type":"stat","path":"dir/sub/file.txt"}""",
        """{"op_id":"op_015","client_id":"c1","timestamp_us":15000,"type":"list","path":"dir/sub","pattern":"*.txt"}""",
        """{"op_id":"op_016","client_id":"c1","timestamp_us":16000,"type":"rename","source_path":"dir/sub/file.txt","dest_path":"dir/sub/final.txt","replace_if_exists":true}""",
        """{"op_id":"op_017","client_id":"c1","timestamp_us":17000,"type":"delete","path":"dir/sub/final.txt","expected":{"status":"STATUS_OBJECT_NAME_NOT_FOUND"}}""",
        """{"op_id":"op_018","client_id":"c1","timestamp_us":18000,"type":"rmdir","path":"dir/sub"}""",
    ];

    private static IrOperation Read(string json, Func<string, SmbOpExtensions?>? ext = null)
    {
        using var doc = JsonDocument.Parse(json);
        return OperationJson.Read(doc.RootElement, "test.jsonl", 7, ext);
    }

    private static string Write(IrOperation op, bool inline)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) OperationJson.Write(w, op, inline);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public void Hand_written_ops_of_every_type_parse_to_the_expected_records()
    {
        var expected = SampleOps.EveryType();
        Assert.Equal(expected.Count, HandWritten.Length);
        Assert.Equal(OpTypes.All.OrderBy(t => t), expected.Select(o => o.Type).Distinct().OrderBy(t => t));
        for (var i = 0; i < HandWritten.Length; i++)
        {
            var op = Read(HandWritten[i]);
            IrAssert.Equal(expected[i], op);
            Assert.Equal(7, op.SourceLine);
        }
    }

    [Fact]
    public void Every_op_written_then_read_is_equal_with_inline_extensions()
    {
        foreach (var op in SampleOps.EveryType()) IrAssert.Equal(op, Read(Write(op, inline: true)));
    }

    [Fact]
    public void Without_inline_extensions_the_op_takes_them_from_the_lookup()
    {
        var open = SampleOps.EveryType()[1];
        var json = Write(open, inline: false);
        Assert.DoesNotContain("extensions", json, StringComparison.Ordinal);

        var looked = new List<string>();
        var read = Read(json, id => { looked.Add(id); return SampleOps.FullExtensions(); });
        Assert.Equal(["op_002"], looked);
        IrAssert.Equal(open, read);
        Assert.Null(Read(json).Smb);
    }

    [Fact]
    public void Inline_extensions_win_over_the_top_level_map()
    {
        var op = Read("""{"op_id":"x","client_id":"c","timestamp_us":0,"type":"open","path":"a","mode":"read","handle_ref":"h","extensions":{"smb_protocol":{"disposition":"create"}}}""",
            _ => new SmbOpExtensions { Disposition = 1 });
        Assert.Equal(2u, op.Smb!.Disposition);
    }

    [Fact]
    public void Inline_extensions_may_omit_the_smb_protocol_level()
    {
        var op = Read("""{"op_id":"x","client_id":"c","timestamp_us":0,"type":"open","path":"a","mode":"read","handle_ref":"h","extensions":{"share_mode":"read"}}""");
        Assert.Equal(1u, op.Smb!.ShareAccess);
    }

    [Theory]
    [InlineData("\"disposition\":\"supersede\"", 0u)]
    [InlineData("\"disposition\":\"open\"", 1u)]
    [InlineData("\"disposition\":\"create\"", 2u)]
    [InlineData("\"disposition\":\"open_if\"", 3u)]
    [InlineData("\"disposition\":\"OVERWRITE\"", 4u)]
    [InlineData("\"disposition\":\"FILE_OVERWRITE_IF\"", 5u)]
    [InlineData("\"disposition\":\"0x3\"", 3u)]
    [InlineData("\"disposition\":5", 5u)]
    public void Disposition_accepts_names_hex_and_numbers(string field, uint expected)
    {
        Assert.Equal(expected, ReadExt(field).Disposition);
    }

    [Theory]
    [InlineData("\"share_mode\":\"read\"", 1u)]
    [InlineData("\"share_mode\":\"read|write\"", 3u)]
    [InlineData("\"share_mode\":\"FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE\"", 7u)]
    [InlineData("\"share_mode\":\"read, delete\"", 5u)]
    [InlineData("\"share_mode\":[\"write\",\"delete\"]", 6u)]
    [InlineData("\"share_mode\":\"none\"", 0u)]
    [InlineData("\"share_mode\":\"0x00000007\"", 7u)]
    [InlineData("\"share_mode\":3", 3u)]
    [InlineData("\"share_access\":\"write\"", 2u)]
    public void Share_mode_accepts_flag_names_lists_hex_and_numbers(string field, uint expected)
    {
        Assert.Equal(expected, ReadExt(field).ShareAccess);
    }

    [Theory]
    [InlineData("\"requested_oplock\":\"none\"", 0)]
    [InlineData("\"requested_oplock\":\"level_ii\"", 1)]
    [InlineData("\"requested_oplock\":\"II\"", 1)]
    [InlineData("\"requested_oplock\":\"exclusive\"", 8)]
    [InlineData("\"requested_oplock\":\"batch\"", 9)]
    [InlineData("\"requested_oplock\":\"SMB2_OPLOCK_LEVEL_BATCH\"", 9)]
    [InlineData("\"requested_oplock\":\"lease\"", 0xFF)]
    [InlineData("\"requested_oplock\":\"0xff\"", 0xFF)]
    [InlineData("\"requested_oplock\":8", 8)]
    public void Requested_oplock_accepts_names_hex_and_numbers(string field, int expected)
    {
        Assert.Equal((byte)expected, ReadExt(field).RequestedOplock);
    }

    [Theory]
    [InlineData("\"access_mask\":\"0x0012019f\"", 0x0012019Fu)]
    [InlineData("\"access_mask\":1180063", 0x0012019Fu)]
    [InlineData("\"access_mask\":\"1180063\"", 0x0012019Fu)]
    [InlineData("\"create_options\":\"0x40\"", 0x40u)]
    [InlineData("\"file_attributes\":128", 0x80u)]
    public void Masks_accept_hex_text_decimal_text_and_numbers(string field, uint expected)
    {
        var x = ReadExt(field);
        Assert.Equal(expected, x.AccessMask ?? x.CreateOptions ?? x.FileAttributes);
    }

    [Theory]
    [InlineData("\"disposition\":\"sometimes\"", "disposition")]
    [InlineData("\"share_mode\":\"read|exec\"", "unknown flag 'exec'")]
    [InlineData("\"requested_oplock\":\"huge\"", "unknown level 'huge'")]
    [InlineData("\"access_mask\":\"everything\"", "access_mask")]
    [InlineData("\"lease\":{\"key\":\"0011\",\"state\":\"R\"}", "32 hex digits")]
    [InlineData("\"lease\":{\"key\":\"00112233445566778899aabbccddeeff\",\"state\":\"RX\"}", "R, W, H")]
    [InlineData("\"durable\":{\"version\":3}", "durable.version must be 1 or 2")]
    [InlineData("\"on_break\":[{\"action\":\"ignore\"}]", "'ack' or 'close'")]
    public void Bad_extension_values_name_the_field_and_the_op(string field, string reason)
    {
        var e = Assert.Throws<WorkloadException>(() => ReadExt(field));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains("test.jsonl:7", e.Message, StringComparison.Ordinal);
        Assert.Equal("x", e.OpId);
    }

    private static SmbOpExtensions ReadExt(string field) =>
        Read("""{"op_id":"x","client_id":"c","timestamp_us":0,"type":"open","path":"a","mode":"read","handle_ref":"h","extensions":{"smb_protocol":{"""
            + field + "}}}").Smb!;

    [Theory]
    [InlineData("\"STATUS_SUCCESS\"", "STATUS_SUCCESS")]
    [InlineData("\"status_access_denied\"", "STATUS_ACCESS_DENIED")]
    [InlineData("\"0xC0000022\"", "STATUS_ACCESS_DENIED")]
    [InlineData("3221225506", "STATUS_ACCESS_DENIED")]
    [InlineData("\"3221225506\"", "STATUS_ACCESS_DENIED")]
    [InlineData("-1073741790", "STATUS_ACCESS_DENIED")]
    [InlineData("\"0xC0DEC0DE\"", "0xC0DEC0DE")]
    [InlineData("\"STATUS_SOMETHING_NEW\"", "STATUS_SOMETHING_NEW")]
    public void Expected_status_is_normalised_from_any_spelling(string status, string expected)
    {
        var op = Read("""{"op_id":"x","client_id":"c","timestamp_us":0,"type":"delete","path":"a","expected":{"status":"""
            + status + "}}");
        Assert.Equal(expected, op.Expected!.Status);
    }

    [Fact]
    public void An_unparseable_expected_status_is_an_error()
    {
        var e = Assert.Throws<WorkloadException>(() =>
            Read("""{"op_id":"x","client_id":"c","timestamp_us":0,"type":"delete","path":"a","expected":{"status":"fine"}}"""));
        Assert.Contains("expected.status", e.Message, StringComparison.Ordinal);
    }
}
