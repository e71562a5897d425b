namespace SMBench.Daemon.Runs;

/// <summary>The states of a daemon run, as <c>GET /api/runs/{id}</c> reports them (design.md §5).</summary>
public static class RunStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stopped = "stopped";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Queued, Running, Completed, Stopped, Failed];

    public static bool IsTerminal(string state) => state is Completed or Stopped or Failed;
}
