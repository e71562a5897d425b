namespace SMBench.Smb.Messages;

/// <summary>IOCTL CtlCode values seen over SMB2 (MS-SMB2 §2.2.31, MS-FSCC §2.3).</summary>
public static class FsctlCodes
{
    public const uint DfsGetReferrals = 0x0006_0194;
    public const uint DfsGetReferralsEx = 0x0006_01B0;
    public const uint PipePeek = 0x0011_400C;
    public const uint PipeWait = 0x0011_0018;
    public const uint PipeTransceive = 0x0011_C017;
    public const uint SrvCopyChunk = 0x0014_40F2;
    public const uint SrvCopyChunkWrite = 0x0014_80F2;
    public const uint SrvEnumerateSnapshots = 0x0014_4064;
    public const uint SrvRequestResumeKey = 0x0014_0078;
    public const uint SrvReadHash = 0x0014_41BB;
    public const uint LmrRequestResiliency = 0x0014_01D4;
    public const uint QueryNetworkInterfaceInfo = 0x0014_01FC;
    public const uint ValidateNegotiateInfo = 0x0014_0204;
    public const uint GetReparsePoint = 0x0009_00A8;
    public const uint SetReparsePoint = 0x0009_00A4;
    public const uint CreateOrGetObjectId = 0x0009_00C0;
    public const uint SetSparse = 0x0009_00C4;
    public const uint SetZeroData = 0x0009_80C8;
    public const uint QueryAllocatedRanges = 0x0009_40CF;
    public const uint GetCompression = 0x0009_003C;
    public const uint SetCompression = 0x0009_C040;
    public const uint GetIntegrityInformation = 0x0009_027C;
    public const uint SetIntegrityInformation = 0x0009_C280;
    public const uint DuplicateExtentsToFile = 0x0009_8344;
    public const uint FileLevelTrim = 0x0009_8208;
    public const uint OffloadRead = 0x0009_4264;
    public const uint OffloadWrite = 0x0009_8268;
}
