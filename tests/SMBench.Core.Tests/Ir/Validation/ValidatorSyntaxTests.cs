using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir.Validation;

/// <summary>Documents the reader refuses: bad version, unknown type, missing fields, broken or absurd JSON.</summary>
public sealed class ValidatorSyntaxTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Unknown_version_in_json_is_rejected_at_its_line()
    {
        var report = ValidateText(_tmp, false, "{\n  \"metadata\": {},\n  \"version\": 2,\n  \"operations\": []\n}\n");
        AssertSingleError(report, false, 3, null, "unknown IR version 2; this SMBench reads version 1");
    }

    [Fact]
    public void Unknown_version_in_jsonl_header_is_rejected()
    {
        var report = ValidateText(_tmp, true, "{\"version\":\"7\",\"clients\":[]}\n" + Delete("o1", "c1", 0, "a") + "\n");
        AssertSingleError(report, true, 1, null, "unknown IR version \"7\"");
    }

    [Fact]
    public void Missing_version_is_rejected()
    {
        var report = ValidateText(_tmp, true, "{\"clients\":[]}\n");
        AssertSingleError(report, true, 1, null, "line 1 must be the header object with 'version'");
        var json = ValidateText(_tmp, false, "{\"operations\":[]}", "json");
        AssertSingleError(json, false, 1, null, "missing field 'version'");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unknown_type_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), Op("o2", "c1", 1, "frobnicate", "\"path\":\"a\""));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "unknown operation type 'frobnicate'");
    }

    [Theory]
    [InlineData(true, "read", "\"handle_ref\":\"h1\",\"offset\":0", "missing field 'length'")]
    [InlineData(false, "open", "\"path\":\"a\",\"handle_ref\":\"h1\"", "missing field 'mode'")]
    [InlineData(true, "rename", "\"source_path\":\"a\"", "missing field 'dest_path'")]
    [InlineData(false, "write", "\"offset\":0,\"length\":1", "missing field 'handle_ref'")]
    [InlineData(true, "stat", "", "stat needs 'path' or 'handle_ref'")]
    public void Missing_field_is_rejected(bool jsonl, string type, string fields, string reason)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), Op("o2", "c1", 1, type, fields));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", reason);
    }

    [Theory]
    [InlineData(true, "{\"client_id\":\"c1\",\"timestamp_us\":0,\"type\":\"delete\",\"path\":\"a\"}", "missing field 'op_id'")]
    [InlineData(false, "{\"op_id\":\"o2\",\"timestamp_us\":0,\"type\":\"delete\",\"path\":\"a\"}", "missing field 'client_id'")]
    [InlineData(true, "{\"op_id\":\"o2\",\"client_id\":\"c1\",\"type\":\"delete\",\"path\":\"a\"}", "missing field 'timestamp_us'")]
    [InlineData(false, "{\"op_id\":\"o2\",\"client_id\":\"c1\",\"timestamp_us\":0,\"path\":\"a\"}", "missing field 'type'")]
    public void Missing_common_field_is_rejected(bool jsonl, string op, string reason)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), op);
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), null, reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_file_cut_mid_operation_is_rejected_where_the_value_starts(bool jsonl)
    {
        var ops = Enumerable.Range(1, 6).Select(i => Delete($"o{i}", "c1", i, $"f{i}")).ToArray();
        var full = jsonl ? JsonLines(ops) : Json(ops);
        var cut = full.IndexOf("\"o4\"", StringComparison.Ordinal) + 10;

        var report = ValidateText(_tmp, jsonl, full[..cut]);

        AssertSingleError(report, jsonl, LineOf(jsonl, 4), null, "unexpected end of file inside the value starting here (truncated JSON?)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_file_cut_between_operations_is_rejected(bool jsonl)
    {
        var ops = Enumerable.Range(1, 6).Select(i => Delete($"o{i}", "c1", i, $"f{i}")).ToArray();
        var full = jsonl ? JsonLines(ops) : Json(ops);
        var cut = full.IndexOf("{\"op_id\":\"o4\"", StringComparison.Ordinal);

        var report = ValidateText(_tmp, jsonl, full[..cut]);

        if (jsonl)
        {
            // Whole lines survived: JSON Lines cannot tell, by design, a cut at a line break from a shorter workload.
            Assert.True(report.IsValid);
            Assert.Equal(3, report.OpsTotal);
        }
        else
        {
            var e = Assert.Single(report.Errors);
            Assert.Contains("truncated JSON?", e.Message, StringComparison.Ordinal);
            Assert.Contains($"workload.json:{LineOf(false, 4)}:", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_cut_after_the_operations_array_is_rejected()
    {
        var full = Json(Delete("o1", "c1", 0, "a"));
        var report = ValidateText(_tmp, false, full[..(full.LastIndexOf(']') + 1)]);
        var e = Assert.Single(report.Errors);
        Assert.Contains("truncated JSON?", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "\nnot json at all\n", 3)]
    [InlineData(true, "\n{\"version\":1} {\"x\":1}\n", 3)]
    [InlineData(false, "garbage\n", 4)]
    [InlineData(false, "{\"another\":\"document\"}\n", 4)]
    public void Garbage_after_the_document_is_rejected(bool jsonl, string garbage, long line)
    {
        var text = (jsonl ? JsonLines(Delete("o1", "c1", 0, "a")) : Json(Delete("o1", "c1", 0, "a"))).TrimEnd('\n') + garbage;
        var report = ValidateText(_tmp, jsonl, text);
        var e = Assert.Single(report.Errors);
        Assert.Contains($"{FileName(jsonl)}:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Matches("invalid JSON|one JSON value per line|unexpected data after the top-level object", e.Message);
    }

    [Theory]
    [InlineData(true, "read", "\"handle_ref\":\"h1\",\"offset\":0,\"length\":1099511627776", "field 'length' is 1099511627776, outside 0..2147483647")]
    [InlineData(false, "write", "\"handle_ref\":\"h1\",\"offset\":0,\"length\":-5", "field 'length' is -5")]
    [InlineData(true, "read", "\"handle_ref\":\"h1\",\"offset\":-1,\"length\":1", "field 'offset' is negative (-1)")]
    [InlineData(false, "read", "\"handle_ref\":\"h1\",\"offset\":99999999999999999999,\"length\":1", "field 'offset' must be an integer")]
    public void Absurd_numbers_are_rejected(bool jsonl, string type, string fields, string reason)
    {
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Op("o2", "c1", 1, type, fields));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", reason);
    }

    [Theory]
    [InlineData("\"ctl_code\":4294967296", "field 'ctl_code' is 4294967296, outside 0..0xFFFFFFFF")]
    [InlineData("\"ctl_code\":\"0x00140204\",\"input_length\":4294967297", "field 'input_length' is 4294967297")]
    [InlineData("\"ctl_code\":1,\"max_output_length\":-1", "field 'max_output_length' is -1")]
    public void Ioctl_numbers_out_of_range_are_rejected_not_wrapped(string fields, string reason)
    {
        var report = Validate(_tmp, true, Open("o1", "c1", 0, "h1"), Op("o2", "c1", 1, "ioctl", "\"handle_ref\":\"h1\"," + fields));
        AssertSingleError(report, true, 3, "o2", reason);
    }

    [Fact]
    public void Json_without_an_operations_array_is_rejected()
    {
        var report = ValidateText(_tmp, false, "{\"version\":1,\"operation\":[]}");
        AssertSingleError(report, false, 1, null, "missing field 'operations'");
        Assert.True(ValidateText(_tmp, false, "{\"version\":1,\"operations\":[]}", "empty").IsValid);
    }

    [Fact]
    public void Negative_timestamp_is_rejected()
    {
        var report = Validate(_tmp, true, Delete("o1", "c1", -3, "a"));
        AssertSingleError(report, true, 2, "o1", "timestamp_us is negative (-3)");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_single_json_value_above_64_MiB_is_refused_without_reading_it_all(bool jsonl)
    {
        var huge = Op("o2", "c1", 1, "delete", "\"path\":\"" + new string('a', 65 * 1024 * 1024) + "\"");
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "a"), huge);
        var e = Assert.Single(report.Errors);
        Assert.Contains("a single JSON value exceeds 64 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{FileName(jsonl)}:{LineOf(jsonl, 2)}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_workload_is_reported_as_such()
    {
        var report = new SMBench.Core.Ir.Validation.WorkloadValidator().Validate(_tmp.Combine("nothing-here"));
        var e = Assert.Single(report.Errors);
        Assert.Contains("no such workload file or directory", e.Message, StringComparison.Ordinal);
        Directory.CreateDirectory(_tmp.Combine("empty"));
        var empty = new SMBench.Core.Ir.Validation.WorkloadValidator().Validate(_tmp.Combine("empty"));
        Assert.Contains("no workload.json or workload.jsonl", Assert.Single(empty.Errors).Message, StringComparison.Ordinal);
    }
}
