namespace SMBench.Smb.Protocol;

/// <summary>
/// The server answered a request with a failing NTSTATUS. Carries the status and the command so callers (and the
/// replay's result records) can tell STATUS_ACCESS_DENIED on CREATE from a transport fault.
/// </summary>
public sealed class SmbStatusException : Exception
{
    public SmbStatusException(NtStatus status, Smb2Command command, string? detail = null)
        : base(Describe(status, command, detail))
    {
        Status = status;
        Command = command;
    }

    public SmbStatusException()
        : base("SMB2 request failed")
    {
    }

    public SmbStatusException(string message)
        : base(message)
    {
    }

    public SmbStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NtStatus Status { get; }

    public Smb2Command Command { get; }

    private static string Describe(NtStatus status, Smb2Command command, string? detail)
    {
        var what = Smb2CommandNames.ToWireName(command);
        return string.IsNullOrEmpty(detail)
            ? $"SMB2 {what} failed with {status}"
            : $"SMB2 {what} {detail} failed with {status}";
    }
}
