using System.Text;
using System.Text.RegularExpressions;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Fuzz;

/// <summary>
/// Crashers the IR fuzzer (<c>fuzz ir-json</c>, <c>fuzz ir-jsonl</c>) found: a string value holding invalid UTF-8
/// made System.Text.Json throw InvalidOperationException from whichever field reader decoded it first (op fields,
/// expected, SMB extensions, metadata, clients). Now each is a located <see cref="WorkloadException"/>.
/// </summary>
public sealed class IrUtf8RegressionTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // <FF> never occurs in UTF-8; <C0> starts an overlong form; <E2><82> is a sequence cut short.
    public static TheoryData<string, string> Cases() => new()
    {
        { "op path", """{"op_id":"o1","client_id":"c1","timestamp_us":0,"type":"open","path":"a<FF>b","mode":"read","handle_ref":"h1"}""" },
        { "op type", """{"op_id":"o1","client_id":"c1","timestamp_us":0,"type":"op<C0><AF>en","path":"a","mode":"read","handle_ref":"h1"}""" },
        { "op id", """{"op_id":"o<E2><82>","client_id":"c1","timestamp_us":0,"type":"delete","path":"a"}""" },
        { "expected status", """{"op_id":"o1","client_id":"c1","timestamp_us":0,"type":"delete","path":"a","expected":{"status":"STATUS_<FF>"}}""" },
        { "extension", """{"op_id":"o1","client_id":"c1","timestamp_us":0,"type":"delete","path":"a","extensions":{"smb_protocol":{"disposition":"<FF>"}}}""" },
    };

    // Test texts are ASCII with <XX> standing for the raw byte 0xXX.
    private static byte[] Latin1(string s) =>
        Encoding.Latin1.GetBytes(Regex.Replace(s, "<([0-9A-F]{2})>", m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_utf8_in_an_operation_is_a_located_error_in_jsonl(string where, string op)
    {
        var dir = _tmp.Combine("l-" + where.Replace(' ', '-'));
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "workload.jsonl"), [.. Latin1("""{"version":1}""" + "\n"), .. Latin1(op + "\n")]);
        var report = new WorkloadValidator().Validate(dir);
        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("invalid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_utf8_in_an_operation_is_a_located_error_in_json(string where, string op)
    {
        var dir = _tmp.Combine("j-" + where.Replace(' ', '-'));
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "workload.json"), Latin1("{\"version\":1,\n\"operations\":[\n" + op + "\n]}"));
        var report = new WorkloadValidator().Validate(dir);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("invalid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":1,"metadata":{"source":"cap<FF>.pcap"}}""")]
    [InlineData("""{"version":1,"clients":[{"client_id":"c<FF>"}]}""")]
    public void Invalid_utf8_in_the_header_is_a_workload_error(string header)
    {
        var file = _tmp.Combine("h" + header.Length + ".jsonl");
        File.WriteAllBytes(file, Latin1(header + "\n"));
        var e = Assert.Throws<WorkloadException>(() => WorkloadReader.Open(file));
        Assert.Contains("invalid UTF-8", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_the_top_level_extensions_map_is_a_workload_error()
    {
        var file = _tmp.Combine("map", "workload.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Latin1("""{"version":1,"operations":[],"extensions":{"smb_protocol":{"operations":{"o1":{"disposition":"<FF>"}}}}}"""));
        var report = new WorkloadValidator().Validate(file);
        Assert.Contains("invalid UTF-8", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }
}
