using System.Text.Json;
using SMBench.Core.Ir;
using Xunit;

namespace SMBench.Integration.Tests.Cli;

/// <summary>What is on disk when the process dies: every journal line complete and parseable, nothing duplicated.</summary>
public sealed class JournalDurabilityTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-kill-").FullName;

    [Fact]
    public async Task A_replay_killed_with_sigkill_leaves_a_journal_of_whole_records()
    {
        var dir = Path.Combine(_tmp, "w");
        using (var w = new WorkloadWriter(dir))
        {
            for (var i = 0; i < 20_000; i++)
            {
                var client = $"c{i % 50}";
                w.Write(new MkdirOp { OpId = i.ToString(), ClientId = client, TimestampUs = i * 500L, Path = $"d{i}" });
            }
            w.Complete();
        }
        using var p = SmbenchProcess.Start($"replay {dir} --backend null --results {_tmp}/r --json");
        var journal = Path.Combine(_tmp, "r", "ops.jsonl");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (!File.Exists(journal) || new FileInfo(journal).Length < 50_000)) await Task.Delay(100);
        p.Kill(); // SIGKILL: no chance to flush anything more
        await p.WaitForExitAsync();

        var lines = File.ReadAllLines(journal);
        Assert.NotEmpty(lines);
        Assert.InRange(lines.Length, 1, 19_999);
        var ids = new HashSet<string>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line); // throws on a torn record
            Assert.True(ids.Add(doc.RootElement.GetProperty("op_id").GetString()!), "an op was journaled twice");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
