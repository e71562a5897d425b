namespace SMBench.Compiler.Smb;

/// <summary>An SMB session on a connection and the user NTLM authenticated (null for Kerberos/anonymous).</summary>
public sealed class SessionInfo
{
    public NtlmIdentity? Identity { get; set; }

    public bool Established { get; set; }
}

/// <summary>A tree connect: the share name and whether it is IPC$/a pipe share (not part of the workload).</summary>
public sealed record TreeInfo(string Share, bool IsPipe);
