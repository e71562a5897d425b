namespace SMBench.TestSupport;

/// <summary>Locates the repository (the folder holding SMBench.sln) from the test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedExample => Path.Combine(Root, "samples", "seed-example");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SMBench.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SMBench.sln not found above {AppContext.BaseDirectory}");
    }
}
