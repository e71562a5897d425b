using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>The NTLMv2 one-way functions of MS-NLMP §3.3.2, kept pure so the §4.2.4 example values test them.</summary>
public static class NtlmCrypto
{
    /// <summary>NT hash: MD4 of the UTF-16LE password (MS-NLMP §3.3.1 NTOWFv1).</summary>
    public static byte[] NtHash(string password)
    {
        var data = Encoding.Unicode.GetBytes(password);
        var md4 = new MD4Digest();
        md4.BlockUpdate(data, 0, data.Length);
        var hash = new byte[16];
        md4.DoFinal(hash, 0);
        CryptographicOperations.ZeroMemory(data);
        return hash;
    }

    /// <summary>NTOWFv2 = HMAC-MD5(NT hash, UTF-16LE(UPPER(user) ‖ domain)); the domain keeps its case.</summary>
    public static byte[] NtOwfV2(string password, string user, string domain)
    {
        var ntHash = NtHash(password);
        try
        {
            return HMACMD5.HashData(ntHash, Encoding.Unicode.GetBytes(user.ToUpperInvariant() + domain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ntHash);
        }
    }

    /// <summary>
    /// The NTLMv2 client blob "temp": 0x0101, reserved, timestamp, client challenge, 4 zero bytes, TargetInfo,
    /// 4 zero bytes.
    /// </summary>
    public static byte[] BuildTemp(long timestamp, ReadOnlySpan<byte> clientChallenge, ReadOnlySpan<byte> targetInfo)
    {
        var temp = new byte[28 + targetInfo.Length + 4];
        temp[0] = 1;
        temp[1] = 1;
        BitConverter.TryWriteBytes(temp.AsSpan(8, 8), timestamp);
        clientChallenge.CopyTo(temp.AsSpan(16, 8));
        targetInfo.CopyTo(temp.AsSpan(28));
        return temp;
    }

    /// <summary>NTProofStr = HMAC-MD5(ResponseKeyNT, ServerChallenge ‖ temp).</summary>
    public static byte[] NtProofStr(ReadOnlySpan<byte> responseKeyNt, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> temp)
    {
        var input = new byte[serverChallenge.Length + temp.Length];
        serverChallenge.CopyTo(input);
        temp.CopyTo(input.AsSpan(serverChallenge.Length));
        return HMACMD5.HashData(responseKeyNt, input);
    }

    /// <summary>LMv2 response = HMAC-MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge.</summary>
    public static byte[] LmV2Response(ReadOnlySpan<byte> responseKeyLm, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> clientChallenge)
    {
        Span<byte> input = stackalloc byte[16];
        serverChallenge.CopyTo(input);
        clientChallenge.CopyTo(input[8..]);
        var result = new byte[24];
        HMACMD5.HashData(responseKeyLm, input, result);
        clientChallenge.CopyTo(result.AsSpan(16));
        return result;
    }

    /// <summary>SessionBaseKey = HMAC-MD5(ResponseKeyNT, NTProofStr); for NTLMv2 it is also the KeyExchangeKey.</summary>
    public static byte[] SessionBaseKey(ReadOnlySpan<byte> responseKeyNt, ReadOnlySpan<byte> ntProofStr)
        => HMACMD5.HashData(responseKeyNt, ntProofStr);

    /// <summary>RC4(key, data): how KEY_EXCH carries the ExportedSessionKey.</summary>
    public static byte[] Rc4(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var rc4 = new RC4Engine();
        rc4.Init(true, new KeyParameter(key.ToArray()));
        var input = data.ToArray();
        var output = new byte[input.Length];
        rc4.ProcessBytes(input, 0, input.Length, output, 0);
        return output;
    }
}
