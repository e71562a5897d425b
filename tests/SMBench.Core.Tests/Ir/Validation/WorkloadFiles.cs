using SMBench.Core.Ir.Validation;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Ir.Validation;

/// <summary>
/// Builds small workload files by hand, one op per line, so a test knows the line each op sits on:
/// JSON Lines puts op i (1-based) on line i + 1, the JSON form on line i + 2.
/// </summary>
public static class WorkloadFiles
{
    public const string Header = """{"version":1,"metadata":{"source":"test"},"clients":[{"client_id":"c1"},{"client_id":"c2"}]}""";

    public static string JsonLines(params string[] ops) => string.Join('\n', [Header, .. ops]) + "\n";

    public static string Json(params string[] ops) =>
        Header[..^1] + ",\n\"operations\":[\n" + string.Join(",\n", ops) + "\n]}\n";

    public static long LineOf(bool jsonLines, int opIndex1) => jsonLines ? opIndex1 + 1 : opIndex1 + 2;

    public static string FileName(bool jsonLines) => jsonLines ? "workload.jsonl" : "workload.json";

    public static string Op(string id, string client, long ts, string type, string fields) =>
        $$"""{"op_id":"{{id}}","client_id":"{{client}}","timestamp_us":{{ts}},"type":"{{type}}"{{(fields.Length > 0 ? "," + fields : "")}}}""";

    public static string Open(string id, string client, long ts, string handle, string path = "a.txt") =>
        Op(id, client, ts, "open", $"\"path\":\"{path}\",\"mode\":\"read_write\",\"handle_ref\":\"{handle}\"");

    public static string Read(string id, string client, long ts, string handle) =>
        Op(id, client, ts, "read", $"\"handle_ref\":\"{handle}\",\"offset\":0,\"length\":10");

    public static string Write(string id, string client, long ts, string handle, string blob, int length) =>
        Op(id, client, ts, "write", $"\"handle_ref\":\"{handle}\",\"offset\":0,\"length\":{length},\"blob\":\"{blob}\"");

    public static string Close(string id, string client, long ts, string handle) =>
        Op(id, client, ts, "close", $"\"handle_ref\":\"{handle}\"");

    public static string Delete(string id, string client, long ts, string path) =>
        Op(id, client, ts, "delete", $"\"path\":\"{path.Replace("\\", "\\\\", StringComparison.Ordinal)}\"");

    /// <summary>Writes the workload (file name by form) into a fresh folder of <paramref name="tmp"/> and validates it.</summary>
    public static ValidationReport ValidateText(TempDir tmp, bool jsonLines, string content, string folder = "w")
    {
        tmp.WriteText(Path.Combine(folder, FileName(jsonLines)), content);
        return new WorkloadValidator().Validate(tmp.Combine(folder));
    }

    public static ValidationReport Validate(TempDir tmp, bool jsonLines, params string[] ops) =>
        ValidateText(tmp, jsonLines, jsonLines ? JsonLines(ops) : Json(ops));

    /// <summary>Exactly one error, whose message names file:line, the op (when given) and the reason.</summary>
    public static void AssertSingleError(ValidationReport report, bool jsonLines, long line, string? opId, string reason)
    {
        Assert.False(report.IsValid);
        var e = Assert.Single(report.Errors);
        Assert.Contains($"{FileName(jsonLines)}:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        if (opId != null)
        {
            Assert.Contains($"op {opId}:", e.Message, StringComparison.Ordinal);
            Assert.Equal(opId, e.OpId);
        }
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
