using System.Globalization;
using System.Text;

namespace SMBench.TestSupport;

/// <summary>
/// Writes a synthetic <c>workload.jsonl</c>: each client opens a file, reads it <c>reads</c> times, closes it.
/// Written as plain lines (header, then one op per line, in timestamp order) exactly as the IR defines them.
/// </summary>
public static class GeneratedWorkload
{
    public static string Write(string dir, int clients, int reads, long spacingUs)
    {
        Directory.CreateDirectory(dir);
        var ic = CultureInfo.InvariantCulture;
        using var w = new StreamWriter(Path.Combine(dir, "workload.jsonl"), false, new UTF8Encoding(false));
        var clientList = string.Join(",", Enumerable.Range(0, clients).Select(c => $"{{\"client_id\":\"client_{c:D4}\",\"operation_count\":{reads + 2}}}"));
        w.WriteLine(string.Create(ic, $"{{\"version\":1,\"metadata\":{{\"source\":\"generated for tests\",\"duration_seconds\":{(reads + 1) * spacingUs / 1e6},\"client_count\":{clients}}},\"clients\":[{clientList}]}}"));
        var n = 0;
        for (var step = 0; step < reads + 2; step++)
            for (var c = 0; c < clients; c++)
            {
                var head = $"\"op_id\":\"op_{++n:D8}\",\"client_id\":\"client_{c:D4}\",\"timestamp_us\":{step * spacingUs}";
                w.WriteLine(step switch
                {
                    0 => $"{{{head},\"type\":\"open\",\"path\":\"data/client_{c:D4}.bin\",\"mode\":\"read\",\"handle_ref\":\"h1\"}}",
                    _ when step == reads + 1 => $"{{{head},\"type\":\"close\",\"handle_ref\":\"h1\"}}",
                    _ => $"{{{head},\"type\":\"read\",\"handle_ref\":\"h1\",\"offset\":0,\"length\":4096}}",
                });
            }
        return dir;
    }
}
