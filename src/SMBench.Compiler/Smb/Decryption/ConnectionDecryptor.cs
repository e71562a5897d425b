using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.KeyDerivation;

namespace SMBench.Compiler.Smb.Decryption;

/// <summary>
/// Decrypts one connection's SMB3 transform messages (MS-SMB2 §3.1.4.3) with keys derived from the given
/// session keys: the dialect and cipher come from the NEGOTIATE response, and for 3.1.1 the preauth integrity
/// hash (§3.2.5.2, §3.3.5.5) is computed from the cleartext NEGOTIATE and SESSION_SETUP exchange in the capture.
/// </summary>
public sealed class ConnectionDecryptor : IDisposable
{
    private readonly SessionKeyTable _keys;
    private readonly PreauthIntegrityHash _connectionHash = new();
    private readonly Dictionary<ulong, PreauthIntegrityHash> _sessionHashes = [];
    private readonly Dictionary<ulong, (Smb2Encryptor FromClient, Smb2Encryptor FromServer)> _sessions = [];
    private PreauthIntegrityHash? _unassigned;
    private ushort _dialect;
    private Smb2CipherId _cipher = Smb2CipherId.None;

    public ConnectionDecryptor(SessionKeyTable keys) => _keys = keys;

    /// <summary>Feeds a cleartext NEGOTIATE or SESSION_SETUP message (whole, as on the wire) into the key schedule.</summary>
    public void Observe(in Smb2Header header, ReadOnlySpan<byte> message)
    {
        switch (header.Command)
        {
            case Smb2Command.Negotiate:
                _connectionHash.Update(message);
                if (header.IsResponse && !header.Status.IsError)
                {
                    try
                    {
                        var negotiate = NegotiateResponse.Parse(message);
                        _dialect = (ushort)negotiate.DialectRevision;
                        _cipher = negotiate.Cipher;
                    }
                    catch (SmbProtocolException)
                    {
                        // Without a readable NEGOTIATE response this connection cannot be decrypted; it stays counted as encrypted.
                    }
                }
                break;
            case Smb2Command.SessionSetup when !header.IsResponse:
                if (header.SessionId == 0)
                {
                    _unassigned = _connectionHash.Clone();
                    _unassigned.Update(message);
                }
                else if (_sessionHashes.TryGetValue(header.SessionId, out var hash))
                {
                    hash.Update(message);
                }
                else
                {
                    // A binding or re-authentication of a session that started elsewhere.
                    hash = _connectionHash.Clone();
                    hash.Update(message);
                    _sessionHashes[header.SessionId] = hash;
                }
                break;
            case Smb2Command.SessionSetup:
                if (_unassigned != null && !_sessionHashes.ContainsKey(header.SessionId))
                {
                    _sessionHashes[header.SessionId] = _unassigned;
                    _unassigned = null;
                }
                // The final SUCCESS response is not part of the hash (§3.2.5.3.1).
                if (header.Status == NtStatus.MoreProcessingRequired && _sessionHashes.TryGetValue(header.SessionId, out var h))
                    h.Update(message);
                break;
        }
    }

    /// <summary>Decrypts a 0xFD transform message; null with <paramref name="reason"/> when it cannot.</summary>
    public byte[]? TryDecrypt(ReadOnlySpan<byte> frame, bool fromClient, out string? reason)
    {
        reason = null;
        if (frame.Length < Smb2TransformHeader.Length)
        {
            reason = "encrypted message shorter than a transform header";
            return null;
        }
        var header = Smb2TransformHeader.Parse(frame);
        if (header.OriginalMessageSize != frame.Length - Smb2TransformHeader.Length)
        {
            reason = "encrypted message whose size does not match its transform header";
            return null;
        }
        if (!_sessions.TryGetValue(header.SessionId, out var pair))
        {
            if (!_keys.TryGet(header.SessionId, out var sessionKey))
            {
                reason = "encrypted message (SMB3 transform, no session key)";
                return null;
            }
            var cipher = _cipher == Smb2CipherId.None && _dialect is 0x0300 or 0x0302 ? Smb2CipherId.Aes128Ccm : _cipher;
            if (cipher == Smb2CipherId.None)
            {
                reason = "encrypted message (cipher unknown: NEGOTIATE not in the capture)";
                return null;
            }
            var preauth = _sessionHashes.TryGetValue(header.SessionId, out var hash) ? hash.Value : default;
            if (_dialect >= 0x0311 && preauth.IsEmpty)
            {
                reason = "encrypted message (3.1.1 session setup not in the capture)";
                return null;
            }
            var keys = Smb3KeyDerivation.DeriveSessionKeys(_dialect, sessionKey, preauth, Smb2Encryptor.KeyLength(cipher));
            pair = (new Smb2Encryptor(cipher, keys.DecryptionKey, keys.EncryptionKey, header.SessionId),
                new Smb2Encryptor(cipher, keys.EncryptionKey, keys.DecryptionKey, header.SessionId));
            _sessions[header.SessionId] = pair;
        }
        var plaintext = new byte[header.OriginalMessageSize];
        try
        {
            var n = (fromClient ? pair.FromClient : pair.FromServer).Decrypt(frame, plaintext);
            return n == plaintext.Length ? plaintext : plaintext[..n];
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            reason = "encrypted message that failed to decrypt (wrong session key?)";
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var (a, b) in _sessions.Values)
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
