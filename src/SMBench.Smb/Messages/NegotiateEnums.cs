namespace SMBench.Smb.Messages;

/// <summary>SecurityMode of NEGOTIATE and SESSION_SETUP (MS-SMB2 §2.2.3).</summary>
[Flags]
public enum NegotiateSecurityMode : ushort
{
    None = 0,
    SigningEnabled = 0x0001,
    SigningRequired = 0x0002,
}

/// <summary>Global Capabilities (MS-SMB2 §2.2.3).</summary>
[Flags]
public enum NegotiateCapabilities : uint
{
    None = 0,
    Dfs = 0x01,
    Leasing = 0x02,
    LargeMtu = 0x04,
    MultiChannel = 0x08,
    PersistentHandles = 0x10,
    DirectoryLeasing = 0x20,
    Encryption = 0x40,
}

/// <summary>NEGOTIATE context types (MS-SMB2 §2.2.3.1).</summary>
public enum NegotiateContextType : ushort
{
    PreauthIntegrityCapabilities = 0x0001,
    EncryptionCapabilities = 0x0002,
    CompressionCapabilities = 0x0003,
    NetnameNegotiateContextId = 0x0005,
    TransportCapabilities = 0x0006,
    RdmaTransformCapabilities = 0x0007,
    SigningCapabilities = 0x0008,
}

/// <summary>SigningAlgorithms of SMB2_SIGNING_CAPABILITIES (MS-SMB2 §2.2.3.1.7).</summary>
public enum NegotiateSigningAlgorithm : ushort
{
    HmacSha256 = 0,
    AesCmac = 1,
    AesGmac = 2,
}
