namespace SMBench.Daemon.Reports;

/// <summary>A report cannot be made from what is on disk; the message says which file and why.</summary>
public sealed class ReportException : Exception
{
    public ReportException(string message) : base(message) { }
    public ReportException(string message, Exception inner) : base(message, inner) { }
    public ReportException() { }
}
