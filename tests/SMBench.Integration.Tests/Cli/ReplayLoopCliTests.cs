using System.Text.Json;
using SMBench.Core.Results;
using Xunit;

namespace SMBench.Integration.Tests.Cli;

/// <summary><c>smbench replay --loop/--duration</c> on the real executable.</summary>
public sealed class ReplayLoopCliTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-cli-loop-").FullName;
    private static string Seed => Path.Combine(SmbenchProcess.RepoRoot(), "samples", "seed-example");

    /// <summary>
    /// The seed renames report.txt onto report-final.txt, which the first pass leaves behind: from the second pass on
    /// that rename collides, as the server would answer (files stay between passes; docs/replay-modes.md#looping).
    /// </summary>
    [Fact]
    public async Task Loop_3_replays_the_seed_three_times_with_the_pass_on_every_op_id()
    {
        var (code, stdout, stderr) = await SmbenchProcess.RunAsync(
            $"replay {Seed} --target file://{_tmp}/share --results {_tmp}/r --time-scale 0 --loop 3 --json --max-error-rate 0.1");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(39, doc.RootElement.GetProperty("ops_total").GetInt64());
        var records = ResultsJournal.ReadAll(Path.Combine(_tmp, "r", "ops.jsonl")).ToList();
        var ids = records.Select(r => r.GetProperty("op_id").GetString()!).ToList();
        Assert.Equal(39, ids.Distinct().Count());
        Assert.Equal(13, ids.Count(i => i.EndsWith("#3", StringComparison.Ordinal)));
        var failed = records.Where(r => r.GetProperty("status").GetString() != StatusText.Success).ToList();
        Assert.Equal(["op_000011#2", "op_000011#3"], failed.Select(r => r.GetProperty("op_id").GetString()).Order());
        Assert.All(failed, r => Assert.Equal("STATUS_OBJECT_NAME_COLLISION", r.GetProperty("status").GetString()));
        using var info = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_tmp, "r", "run.json")));
        Assert.Equal(3, info.RootElement.GetProperty("loop").GetInt32());
    }

    [Theory]
    [InlineData("--loop 0", "--loop must be 1 or more")]
    [InlineData("--duration 5x", "is not a positive duration")]
    public async Task Bad_loop_options_exit_2_and_run_nothing(string option, string message)
    {
        var (code, _, stderr) = await SmbenchProcess.RunAsync($"replay {Seed} --backend null --results {_tmp}/r {option}");
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(Path.Combine(_tmp, "r")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
