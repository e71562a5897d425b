namespace SMBench.Core.Ir;

/// <summary>
/// A workload that cannot be used, with where the problem is: <c>file:line</c> and/or the op id, plus a one-line
/// reason a user can act on.
/// </summary>
public sealed class WorkloadException : Exception
{
    public string File { get; }
    public long Line { get; }
    public string? OpId { get; }
    public string Reason { get; }

    public WorkloadException(string file, long line, string? opId, string reason, Exception? inner = null)
        : base(Format(file, line, opId, reason), inner)
    {
        File = file;
        Line = line;
        OpId = opId;
        Reason = reason;
    }

    private static string Format(string file, long line, string? opId, string reason)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return opId != null ? $"{where}: op {opId}: {reason}" : $"{where}: {reason}";
    }
}
