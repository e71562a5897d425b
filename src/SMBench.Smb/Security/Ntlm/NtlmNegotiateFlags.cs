namespace SMBench.Smb.Security.Ntlm;

/// <summary>NTLM NegotiateFlags (MS-NLMP §2.2.2.5).</summary>
[Flags]
public enum NtlmNegotiateFlags : uint
{
    None = 0,
    Unicode = 0x0000_0001,
    Oem = 0x0000_0002,
    RequestTarget = 0x0000_0004,
    Sign = 0x0000_0010,
    Seal = 0x0000_0020,
    Datagram = 0x0000_0040,
    LanManagerKey = 0x0000_0080,
    Ntlm = 0x0000_0200,
    Anonymous = 0x0000_0800,
    OemDomainSupplied = 0x0000_1000,
    OemWorkstationSupplied = 0x0000_2000,
    AlwaysSign = 0x0000_8000,
    TargetTypeDomain = 0x0001_0000,
    TargetTypeServer = 0x0002_0000,
    ExtendedSessionSecurity = 0x0008_0000,
    Identify = 0x0010_0000,
    RequestNonNtSessionKey = 0x0040_0000,
    TargetInfo = 0x0080_0000,
    Version = 0x0200_0000,
    Use128BitEncryption = 0x2000_0000,
    KeyExchange = 0x4000_0000,
    Use56BitEncryption = 0x8000_0000,
}
