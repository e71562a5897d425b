namespace SMBench.Compiler.Tests;

/// <summary>Where the repository and the shared corpus are, seen from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = SMBench.TestSupport.RepoPaths.Root;

    /// <summary>
    /// ../shared next to the repository (absent on machines without the corpus). SMBENCH_SHARED_DIR overrides it
    /// for checkouts that live elsewhere (a git worktree).
    /// </summary>
    public static string Shared => Environment.GetEnvironmentVariable("SMBENCH_SHARED_DIR") is { Length: > 0 } dir
        ? dir
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string CorpusDir => Path.Combine(Shared, "corpus", "pcap");

    public static string NewTempDir(string prefix)
        => Directory.CreateTempSubdirectory("smbench-" + prefix + "-").FullName;
}
