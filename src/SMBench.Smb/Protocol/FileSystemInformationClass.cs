namespace SMBench.Smb.Protocol;

/// <summary>FSCC file system information classes (MS-FSCC §2.5), for QUERY_INFO with InfoType FileSystem.</summary>
public enum FileSystemInformationClass : byte
{
    FileFsVolumeInformation = 1,
    FileFsLabelInformation = 2,
    FileFsSizeInformation = 3,
    FileFsDeviceInformation = 4,
    FileFsAttributeInformation = 5,
    FileFsControlInformation = 6,
    FileFsFullSizeInformation = 7,
    FileFsObjectIdInformation = 8,
    FileFsDriverPathInformation = 9,
    FileFsVolumeFlagsInformation = 10,
    FileFsSectorSizeInformation = 11,
}
