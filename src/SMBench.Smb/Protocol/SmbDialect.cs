namespace SMBench.Smb.Protocol;

/// <summary>SMB2 dialect revisions (MS-SMB2 §2.2.3).</summary>
public enum SmbDialect : ushort
{
    Smb202 = 0x0202,
    Smb210 = 0x0210,
    Smb300 = 0x0300,
    Smb302 = 0x0302,
    Smb311 = 0x0311,

    /// <summary>"SMB 2.???": the answer to a multi-protocol SMB1 NEGOTIATE that offered "SMB 2.???".</summary>
    Wildcard = 0x02FF,
}
