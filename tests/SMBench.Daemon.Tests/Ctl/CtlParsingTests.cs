using SMBench.Daemon.Ctl;
using Xunit;

namespace SMBench.Daemon.Tests.Ctl;

public sealed class CtlParsingTests
{
    [Fact]
    public void Arguments_options_and_flags_are_told_apart()
    {
        var args = new CtlArgs(["/data/w", "--mode", "full", "-d", "4", "--wait", "--time-scale=0.5"], "wait");
        Assert.Equal(["/data/w"], args.Positionals);
        Assert.Equal("full", args.Option("mode"));
        Assert.Equal(4, args.Int(3, "d", "depth"));
        Assert.True(args.Flag("wait"));
        Assert.Equal("0.5", args.Option("time-scale"));
        Assert.Throws<CtlException>(() => args.OnlyKnown("mode", "d", "wait"));
    }

    [Fact]
    public void Command_lines_split_on_spaces_and_keep_quoted_words()
        => Assert.Equal(["run", "start", "/tmp/my workload", "--mode", "mvp"],
            InteractiveShell.Split("run  start \"/tmp/my workload\" --mode mvp"));

    [Fact]
    public void Completion_offers_palettes_then_commands_then_the_options_of_the_usage_line()
    {
        var palettes = PaletteCatalog.All;
        Assert.Contains("cluster", InteractiveShell.Completions(palettes, "cl"));
        Assert.Contains("help", InteractiveShell.Completions(palettes, ""));
        Assert.Equal(["start", "list", "status", "stop", "watch"], InteractiveShell.Completions(palettes, "run "));
        var options = InteractiveShell.Completions(palettes, "run start /w --");
        Assert.Contains("--time-scale", options);
        Assert.Contains("--backend", options);
        Assert.Contains("--json", options);
        Assert.Contains("-d", InteractiveShell.Completions(palettes, "actor hierarchy "));
        Assert.Equal(["run-1", "run-2"], InteractiveShell.Completions(palettes, "run watch ", () => ["run-1", "run-2"]));
        Assert.DoesNotContain("run-1", InteractiveShell.Completions(palettes, "run list ", () => ["run-1"]));
    }

    [Fact]
    public void The_catalog_has_the_palettes_of_the_design()
    {
        var names = PaletteCatalog.All.ToDictionary(p => p.Name, p => p.Commands.Select(c => c.Name).ToList());
        Assert.Equal(["start", "list", "status", "stop", "watch"], names["run"]);
        Assert.Superset(new HashSet<string> { "show", "status", "leader", "leave", "down" }, names["cluster"].ToHashSet());
        Assert.Equal(["hierarchy"], names["actor"]);
        Assert.Equal(["tail", "peek"], names["log"]);
        Assert.All(PaletteCatalog.All.SelectMany(p => p.Commands), c => Assert.StartsWith("/api/", c.Path, StringComparison.Ordinal));
    }
}
