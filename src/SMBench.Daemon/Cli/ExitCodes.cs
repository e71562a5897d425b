namespace SMBench.Daemon.Cli;

/// <summary>The CLI's exit codes (design.md §6); scripts rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run finished, but with failures beyond --max-error-rate.</summary>
    public const int RunFailures = 1;
    /// <summary>Usage or validation error: nothing was run.</summary>
    public const int Usage = 2;
    /// <summary>Could not reach or log in to the target.</summary>
    public const int Unreachable = 3;
}
