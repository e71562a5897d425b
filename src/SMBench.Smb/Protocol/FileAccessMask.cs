namespace SMBench.Smb.Protocol;

/// <summary>File/pipe/printer access mask (MS-SMB2 §2.2.13.1.1), including the generic rights.</summary>
[Flags]
public enum FileAccessMask : uint
{
    None = 0,
    ReadData = 0x0000_0001,
    WriteData = 0x0000_0002,
    AppendData = 0x0000_0004,
    ReadEa = 0x0000_0008,
    WriteEa = 0x0000_0010,
    Execute = 0x0000_0020,
    DeleteChild = 0x0000_0040,
    ReadAttributes = 0x0000_0080,
    WriteAttributes = 0x0000_0100,
    Delete = 0x0001_0000,
    ReadControl = 0x0002_0000,
    WriteDac = 0x0004_0000,
    WriteOwner = 0x0008_0000,
    Synchronize = 0x0010_0000,
    AccessSystemSecurity = 0x0100_0000,
    MaximumAllowed = 0x0200_0000,
    GenericAll = 0x1000_0000,
    GenericExecute = 0x2000_0000,
    GenericWrite = 0x4000_0000,
    GenericRead = 0x8000_0000,

    // Directory aliases of the same bits (§2.2.13.1.2).
    ListDirectory = ReadData,
    AddFile = WriteData,
    AddSubdirectory = AppendData,
    Traverse = Execute,
}
