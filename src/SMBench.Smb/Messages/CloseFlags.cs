namespace SMBench.Smb.Messages;

/// <summary>CLOSE Flags (§2.2.15).</summary>
[Flags]
public enum CloseFlags : ushort
{
    None = 0,

    /// <summary>SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB: the response carries the file's attributes.</summary>
    PostQueryAttrib = 0x0001,
}
