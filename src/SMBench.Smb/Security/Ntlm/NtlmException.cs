namespace SMBench.Smb.Security.Ntlm;

/// <summary>A malformed or unexpected NTLM token from the server.</summary>
public sealed class NtlmException : Exception
{
    public NtlmException(string message) : base(message) { }
    public NtlmException() { }
    public NtlmException(string message, Exception inner) : base(message, inner) { }
}
