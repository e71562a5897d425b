using System.Text;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Tests.Support;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Core.Tests.Ir.Validation;

/// <summary>
/// Whatever the bytes, validation ends in a report: every problem is a located <see cref="WorkloadException"/>,
/// never another exception escaping from the reader (InvalidOperationException, FormatException, overflow…).
/// </summary>
public sealed class ValidatorRobustnessTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private byte[] SeedBytes(bool jsonl)
    {
        if (!jsonl) return File.ReadAllBytes(Path.Combine(RepoPaths.SeedExample, "workload.json"));
        var ops = WorkloadReader.Open(RepoPaths.SeedExample).ReadOperations().ToList();
        using (var writer = new WorkloadWriter(_tmp.Combine("seed-jsonl"), jsonLines: true))
        {
            foreach (var op in ops) writer.Write(op);
            writer.Complete();
        }
        return File.ReadAllBytes(_tmp.Combine("seed-jsonl", "workload.jsonl"));
    }

    private ValidationReport ValidateBytes(bool jsonl, byte[] bytes)
    {
        var dir = _tmp.Combine("case");
        if (!Directory.Exists(dir))
        {
            Directory.CreateDirectory(Path.Combine(dir, "blobs"));
            foreach (var blob in Directory.GetFiles(Path.Combine(RepoPaths.SeedExample, "blobs")))
                File.Copy(blob, Path.Combine(dir, "blobs", Path.GetFileName(blob)));
        }
        File.WriteAllBytes(Path.Combine(dir, jsonl ? "workload.jsonl" : "workload.json"), bytes);
        return new WorkloadValidator().Validate(dir);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cutting_the_seed_anywhere_gives_a_located_error_or_a_valid_prefix(bool jsonl)
    {
        var bytes = SeedBytes(jsonl);
        // Every 4th byte, plus both sides of every line break (where JSON Lines may legitimately end).
        var cuts = Enumerable.Range(0, bytes.Length)
            .Where(i => i % 4 == 0 || bytes[i] == '\n' || (i > 0 && bytes[i - 1] == '\n'));
        foreach (var cut in cuts)
        {
            var report = ValidateBytes(jsonl, bytes[..cut]);
            if (report.IsValid)
            {
                // A cut that only drops trailing whitespace leaves the whole document; otherwise only JSON Lines can
                // end early and still be whole: at a line break.
                if (bytes[cut..].All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r')) continue;
                Assert.True(jsonl, $"JSON cut at byte {cut} validated");
                Assert.True(cut == 0 || bytes[cut - 1] == '\n' || bytes[cut] == '\n', $"cut at {cut} validated mid-line");
                continue;
            }
            Assert.All(report.Errors, e => Assert.True(e.Line >= 0 && e.Reason.Length > 0));
        }
    }

    // Every op type and every extension field, so mutations reach lease, durable, on_break and expected parsing.
    private byte[] EveryTypeBytes(bool jsonl)
    {
        var dir = _tmp.Combine(jsonl ? "every-jsonl" : "every-json");
        using (var writer = new WorkloadWriter(dir, jsonl))
        {
            foreach (var op in SampleOps.EveryType()) writer.Write(op);
            writer.Complete();
        }
        return File.ReadAllBytes(Path.Combine(dir, jsonl ? "workload.jsonl" : "workload.json"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Replacing_any_byte_with_json_punctuation_never_escapes_as_another_exception(bool jsonl, bool everyType)
    {
        var bytes = everyType ? EveryTypeBytes(jsonl) : SeedBytes(jsonl);
        var replacements = "{}[]\",:0-ax \\\n"u8.ToArray();
        var rng = new Random(20261127);
        for (var i = 0; i < 600; i++)
        {
            var copy = (byte[])bytes.Clone();
            var at = rng.Next(copy.Length);
            copy[at] = replacements[rng.Next(replacements.Length)];
            var report = ValidateBytes(jsonl, copy);
            Assert.All(report.Errors, e => Assert.NotEmpty(e.Reason));
        }
    }

    [Theory]
    [InlineData("{\"version\":1,\"metadata\":[],\"operations\":[]}", "'metadata' must be an object")]
    [InlineData("{\"version\":1,\"clients\":{},\"operations\":[]}", "'clients' must be an array")]
    [InlineData("{\"version\":1,\"clients\":[3],\"operations\":[]}", "each client must be an object")]
    [InlineData("{\"version\":1,\"clients\":[{}],\"operations\":[]}", "missing field 'client_id'")]
    [InlineData("{\"version\":1,\"metadata\":{\"duration_seconds\":\"long\"},\"operations\":[]}", "duration_seconds must be a number")]
    [InlineData("{\"version\":1,\"operations\":[3]}", "an operation must be a JSON object")]
    [InlineData("{\"version\":1,\"operations\":{}}", "\"operations\" must be an array")]
    [InlineData("[1,2]", "the workload must be a JSON object")]
    [InlineData("{\"version\":1,\"operations\":[{\"op_id\":{},\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"delete\",\"path\":\"a\"}]}", "field 'op_id' must be a string")]
    [InlineData("{\"version\":1,\"operations\":[{\"op_id\":\"x\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"lock\",\"handle_ref\":\"h\",\"offset\":0,\"length\":1,\"exclusive\":\"yes\"}]}", "field 'exclusive' must be true or false")]
    [InlineData("{\"version\":1,\"operations\":[{\"op_id\":\"x\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"open\",\"path\":\"a\",\"mode\":\"read\",\"handle_ref\":\"h\",\"extensions\":{\"on_break\":[3]}}]}", "on_break")]
    [InlineData("{\"version\":1,\"operations\":[{\"op_id\":\"x\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"open\",\"path\":\"a\",\"mode\":\"read\",\"handle_ref\":\"h\",\"extensions\":{\"share_mode\":[3]}}]}", "share_mode")]
    [InlineData("{\"version\":1,\"operations\":[{\"op_id\":\"x\",\"client_id\":\"c\",\"timestamp_us\":0,\"type\":\"delete\",\"path\":\"a\",\"expected\":[]}]}", "expected")]
    public void Wrongly_shaped_members_are_located_workload_errors(string json, string reason)
    {
        var report = ValidateBytes(false, Encoding.UTF8.GetBytes(json));
        var e = Assert.Single(report.Errors);
        Assert.Contains("workload.json:1:", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
