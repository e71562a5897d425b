using System.Security.Cryptography;

namespace SMBench.Smb.Security.KeyDerivation;

/// <summary>
/// The SMB 3.1.1 preauthentication integrity hash (MS-SMB2 §3.2.5.2, §3.2.5.3.1): starts as 64 zero bytes and
/// becomes SHA-512(previous ‖ message) for every NEGOTIATE and SESSION_SETUP message exchanged, exact wire bytes
/// without the transport prefix.
/// </summary>
public sealed class PreauthIntegrityHash
{
    private readonly byte[] _value;

    public PreauthIntegrityHash() => _value = new byte[64];

    private PreauthIntegrityHash(byte[] value) => _value = value;

    public ReadOnlySpan<byte> Value => _value;

    public void Update(ReadOnlySpan<byte> message)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        sha.AppendData(_value);
        sha.AppendData(message);
        sha.GetHashAndReset(_value);
    }

    /// <summary>A session starts from the connection's value after NEGOTIATE; each session then goes its own way.</summary>
    public PreauthIntegrityHash Clone() => new((byte[])_value.Clone());
}
