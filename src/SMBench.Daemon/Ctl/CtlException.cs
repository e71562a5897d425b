namespace SMBench.Daemon.Ctl;

/// <summary>A ctl command failed; <see cref="ExitCode"/> follows the CLI's codes (2 usage, 3 daemon unreachable or refused, 1 otherwise).</summary>
public sealed class CtlException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
