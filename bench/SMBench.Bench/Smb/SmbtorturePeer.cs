using System.Globalization;
using System.Text.RegularExpressions;
using SMBench.Bench.Replay;

namespace SMBench.Bench.Smb;

/// <summary>
/// Samba's own client as the peer of a benchmark: runs one <c>smb2.bench.*</c> test against the same server with
/// the same number of connections and one request in flight per connection, and reads its steady rate.
/// </summary>
internal static class SmbtorturePeer
{
    public static bool Available() => BenchSmbd.Run("bash", "-c \"command -v smbtorture\"").Code == 0;

    /// <summary>The median of the per-second rates smbtorture printed (the first second is warm-up), or null.</summary>
    public static double? Rate(string test, int port, string share, string user, string password, int connections, int seconds)
    {
        var args = $"//127.0.0.1/{share} -p {port} -U {user}%{password} --option=torture:timelimit={seconds} " +
                   $"--option=torture:nprocs={connections} --option=torture:qdepth=1 {test}";
        var (code, output) = BenchSmbd.Run("smbtorture", args, timeoutMs: (seconds + 60) * 1000);
        if (code != 0)
        {
            Console.WriteLine($"  smbtorture {test} exited {code}: {output.Split('\n').LastOrDefault(l => l.Length > 0)}");
            return null;
        }
        // Progress: "2.00 second: open[num/s=16465,avslat=…] close[num/s=16466,…]": the first counter of each second
        // (ECHOs, or opens = open/close pairs).
        var rates = Regex.Matches(output, @"\d+\.\d+ seconds?: \w+\[num/s=(\d+)")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Skip(1).Order().ToList();
        if (rates.Count == 0) Console.WriteLine($"  smbtorture {test} printed no rate: {output[Math.Max(0, output.Length - 400)..]}");
        return rates.Count == 0 ? null : rates[rates.Count / 2];
    }
}
