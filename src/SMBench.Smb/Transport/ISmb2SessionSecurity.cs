using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.Signing;

namespace SMBench.Smb.Transport;

/// <summary>What the transport needs to know about a session to sign, verify, encrypt and decrypt its messages.</summary>
public interface ISmb2SessionSecurity
{
    ISmb2Signer? GetSigner(ulong sessionId);

    Smb2Encryptor? GetEncryptor(ulong sessionId);
}
