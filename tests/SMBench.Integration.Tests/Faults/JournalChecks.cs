using System.Text;
using System.Text.Json;
using Xunit;

namespace SMBench.Integration.Tests.Faults;

/// <summary>What every fault test asks of <c>ops.jsonl</c>: whole lines of valid JSON, one record per op id.</summary>
internal static class JournalChecks
{
    /// <summary>
    /// Reads the journal byte for byte: it must end with a newline (no torn last record) and every line must parse as
    /// a JSON object with an op id; op ids must be unique. Returns the records by op id.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonElement> ReadIntact(string journalPath)
    {
        var bytes = File.ReadAllBytes(journalPath);
        Assert.True(bytes.Length == 0 || bytes[^1] == (byte)'\n', $"{journalPath} ends in a torn record: " +
            Encoding.UTF8.GetString(bytes, Math.Max(0, bytes.Length - 200), Math.Min(200, bytes.Length)));
        var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNo++;
            if (line.Length == 0) continue;
            JsonElement record;
            try
            {
                using var doc = JsonDocument.Parse(line);
                record = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"{journalPath}:{lineNo} is not valid JSON ({e.Message}): {line}");
            }
            var id = record.GetProperty("op_id").GetString()!;
            Assert.True(records.TryAdd(id, record), $"{journalPath}:{lineNo}: op {id} has a second record");
        }
        return records;
    }

    public static string Status(this JsonElement record) => record.GetProperty("status").GetString()!;

    /// <summary>Asserts every status is one of <paramref name="allowed"/>; the message lists the others.</summary>
    public static void OnlyStatuses(IReadOnlyDictionary<string, JsonElement> records, params string[] allowed)
    {
        var other = records.Values.Where(r => !allowed.Contains(r.Status())).Select(r => r.GetRawText()).Take(10).ToList();
        Assert.True(other.Count == 0, "unexpected statuses:\n" + string.Join("\n", other));
    }

    public static string Counts(IReadOnlyDictionary<string, JsonElement> records) =>
        string.Join(", ", records.Values.GroupBy(r => r.Status()).Select(g => $"{g.Key}={g.Count()}"));
}
