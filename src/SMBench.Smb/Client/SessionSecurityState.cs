using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.Signing;

namespace SMBench.Smb.Client;

/// <summary>Keys of one authenticated session as the transport uses them.</summary>
internal sealed class SessionSecurityState(ISmb2Signer? signer, Smb2Encryptor? encryptor)
{
    public ISmb2Signer? Signer { get; } = signer;
    public Smb2Encryptor? Encryptor { get; } = encryptor;
}
