using System.Security.Cryptography;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>
/// Client side of one NTLMv2 exchange (MS-NLMP §3.1.5.1): NEGOTIATE out, CHALLENGE in, AUTHENTICATE out, and the
/// exported session key that SMB signs and encrypts with. With <see cref="UseKeyExchange"/> a random session key
/// travels RC4-encrypted; without it the SessionBaseKey is the session key.
/// </summary>
public sealed class NtlmClient
{
    private readonly NtlmCredential _credential;
    private readonly Func<int, byte[]> _random;
    private readonly Func<long> _clock;

    public NtlmClient(NtlmCredential credential, bool useKeyExchange = true)
        : this(credential, useKeyExchange, RandomNumberGenerator.GetBytes, () => DateTime.UtcNow.ToFileTimeUtc())
    {
    }

    /// <summary>For tests: fixed client challenge, random session key and clock.</summary>
    public NtlmClient(NtlmCredential credential, bool useKeyExchange, Func<int, byte[]> random, Func<long> clock)
    {
        _credential = credential;
        UseKeyExchange = useKeyExchange;
        _random = random;
        _clock = clock;
    }

    public bool UseKeyExchange { get; }

    /// <summary>The key SMB derives its keys from; set once <see cref="Authenticate"/> ran.</summary>
    public byte[]? ExportedSessionKey { get; private set; }

    public NtlmNegotiateFlags OfferedFlags =>
        NtlmNegotiateFlags.Unicode | NtlmNegotiateFlags.RequestTarget | NtlmNegotiateFlags.Sign |
        NtlmNegotiateFlags.Ntlm | NtlmNegotiateFlags.AlwaysSign | NtlmNegotiateFlags.ExtendedSessionSecurity |
        NtlmNegotiateFlags.TargetInfo | NtlmNegotiateFlags.Version | NtlmNegotiateFlags.Use128BitEncryption |
        NtlmNegotiateFlags.Use56BitEncryption | (UseKeyExchange ? NtlmNegotiateFlags.KeyExchange : 0);

    public byte[] Negotiate() => new NtlmNegotiateMessage(OfferedFlags).ToArray();

    public byte[] Authenticate(ReadOnlySpan<byte> challengeToken)
    {
        var challenge = NtlmChallengeMessage.Parse(challengeToken);
        var flags = challenge.Flags & OfferedFlags | NtlmNegotiateFlags.Unicode;
        var responseKey = NtlmCrypto.NtOwfV2(_credential.Password, _credential.UserName, _credential.Domain);
        var clientChallenge = _random(8);
        var serverTime = challenge.Timestamp;
        var temp = NtlmCrypto.BuildTemp(serverTime ?? _clock(), clientChallenge, challenge.TargetInfo);
        var proof = NtlmCrypto.NtProofStr(responseKey, challenge.ServerChallenge, temp);
        var ntResponse = new byte[proof.Length + temp.Length];
        proof.CopyTo(ntResponse, 0);
        temp.CopyTo(ntResponse, proof.Length);
        // With a server timestamp the LMv2 response SHOULD be Z(24) (MS-NLMP §3.1.5.1.2).
        var lmResponse = serverTime.HasValue
            ? new byte[24]
            : NtlmCrypto.LmV2Response(responseKey, challenge.ServerChallenge, clientChallenge);
        var keyExchangeKey = NtlmCrypto.SessionBaseKey(responseKey, proof);
        CryptographicOperations.ZeroMemory(responseKey);

        byte[] encryptedKey = [];
        if (flags.HasFlag(NtlmNegotiateFlags.KeyExchange))
        {
            ExportedSessionKey = _random(16);
            encryptedKey = NtlmCrypto.Rc4(keyExchangeKey, ExportedSessionKey);
            CryptographicOperations.ZeroMemory(keyExchangeKey);
        }
        else
        {
            ExportedSessionKey = keyExchangeKey;
        }

        return new NtlmAuthenticateMessage(flags, lmResponse, ntResponse, _credential.Domain, _credential.UserName,
            _credential.Workstation, encryptedKey).ToArray();
    }
}
