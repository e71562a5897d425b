namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>Create context tags (MS-SMB2 §2.2.13.2, §2.2.14.2).</summary>
public static class CreateContextNames
{
    public const string ExtendedAttributes = "ExtA";
    public const string SecurityDescriptor = "SecD";
    public const string DurableHandleRequest = "DHnQ";
    public const string DurableHandleReconnect = "DHnC";
    public const string AllocationSize = "AlSi";
    public const string QueryMaximalAccess = "MxAc";
    public const string TimewarpToken = "TWrp";
    public const string QueryOnDiskId = "QFid";
    public const string Lease = "RqLs";
    public const string DurableHandleRequestV2 = "DH2Q";
    public const string DurableHandleReconnectV2 = "DH2C";
}
