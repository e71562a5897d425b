namespace SMBench.Smb.Protocol;

/// <summary>QUERY_INFO / SET_INFO InfoType (MS-SMB2 §2.2.37).</summary>
public enum InfoType : byte
{
    File = 0x01,
    FileSystem = 0x02,
    Security = 0x03,
    Quota = 0x04,
}
