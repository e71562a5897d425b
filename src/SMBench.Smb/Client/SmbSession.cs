using System.Security.Cryptography;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.KeyDerivation;
using SMBench.Smb.Security.Ntlm;
using SMBench.Smb.Security.Signing;
using SMBench.Smb.Security.Spnego;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

/// <summary>
/// An authenticated SMB session. Every request it sends is signed (unless guest/anonymous) and encrypted when the
/// server or the options demand it.
/// </summary>
public sealed class SmbSession : IAsyncDisposable
{
    private int _loggedOff;

    private SmbSession(SmbConnection connection, ulong sessionId, SessionSetupFlags flags, string user, bool encrypt)
    {
        Connection = connection;
        SessionId = sessionId;
        SessionFlags = flags;
        UserName = user;
        EncryptData = encrypt;
        var options = connection.Options;
        SignRequests = !IsGuest && (!options.SignOnlyWhenRequired || options.RequireSigning
                                    || connection.Negotiated.SecurityMode.HasFlag(NegotiateSecurityMode.SigningRequired));
    }

    /// <summary>File requests of this session are signed (see <see cref="SmbConnectionOptions.SignOnlyWhenRequired"/>).</summary>
    public bool SignRequests { get; }

    public SmbConnection Connection { get; }
    public ulong SessionId { get; }
    public SessionSetupFlags SessionFlags { get; }
    public string UserName { get; }
    public bool IsGuest => (SessionFlags & (SessionSetupFlags.IsGuest | SessionSetupFlags.IsNull)) != 0;

    /// <summary>Every request of this session travels encrypted.</summary>
    public bool EncryptData { get; }

    internal static async Task<SmbSession> LoginAsync(SmbConnection connection, NtlmCredential credential, CancellationToken ct)
    {
        var ntlm = new NtlmClient(credential, connection.Options.NtlmKeyExchange);
        var preauth = connection.ConnectionPreauthHash?.Clone();
        var token = SpnegoToken.EncodeNegTokenInit(ntlm.Negotiate());
        var securityMode = connection.Options.RequireSigning ? NegotiateSecurityMode.SigningRequired : NegotiateSecurityMode.SigningEnabled;
        ulong sessionId = 0;
        while (true)
        {
            var request = new SessionSetupRequest(securityMode, NegotiateCapabilities.None, token);
            using var response = await connection.Transport.SendAsync(
                Smb2Request.For(request) with
                {
                    SessionId = sessionId,
                    Sign = false,
                    UseCreditReserve = true,
                    OnSent = preauth == null ? null : preauth.Update,
                }, ct).ConfigureAwait(false);
            sessionId = response.Header.SessionId;
            var status = response.Status;
            if (status == NtStatus.MoreProcessingRequired)
            {
                preauth?.Update(response.Message);
                var spnego = SpnegoToken.DecodeNegTokenResp(SessionSetupResponse.Parse(response.Message).SecurityBuffer);
                if (spnego.ResponseToken == null) throw new NtlmException("server's SPNEGO answer carries no NTLM challenge");
                token = SpnegoToken.EncodeNegTokenResp(ntlm.Authenticate(spnego.ResponseToken));
                continue;
            }
            if (status != NtStatus.Success)
                throw new SmbStatusException(status, Smb2Command.SessionSetup, $"for user {credential}");

            var setup = SessionSetupResponse.Parse(response.Message);
            var session = Establish(connection, sessionId, setup.SessionFlags, ntlm.ExportedSessionKey!, preauth, response, credential);
            return session;
        }
    }

    private static SmbSession Establish(SmbConnection connection, ulong sessionId, SessionSetupFlags flags, byte[] sessionKey,
        PreauthIntegrityHash? preauth, Smb2Response finalResponse, NtlmCredential credential)
    {
        var dialect = connection.Dialect;
        var guest = (flags & (SessionSetupFlags.IsGuest | SessionSetupFlags.IsNull)) != 0;
        ISmb2Signer? signer = null;
        Smb2Encryptor? encryptor = null;
        try
        {
            if (dialect < SmbDialect.Smb300)
            {
                signer = new HmacSha256Signer(sessionKey);
            }
            else
            {
                var cipher = connection.Cipher;
                var keys = Smb3KeyDerivation.DeriveSessionKeys((ushort)dialect, sessionKey, preauth != null ? preauth.Value : default,
                    cipher == Smb2CipherId.None ? 16 : Smb2Encryptor.KeyLength(cipher));
                signer = connection.SigningAlgorithm switch
                {
                    NegotiateSigningAlgorithm.AesGmac => new AesGmacSigner(keys.SigningKey),
                    NegotiateSigningAlgorithm.HmacSha256 => new HmacSha256Signer(keys.SigningKey),
                    _ => new AesCmacSigner(keys.SigningKey),
                };
                if (cipher != Smb2CipherId.None) encryptor = new Smb2Encryptor(cipher, keys.EncryptionKey, keys.DecryptionKey, sessionId);
                CryptographicOperations.ZeroMemory(keys.SigningKey);
            }

            // 3.1.1 always signs the final SESSION_SETUP response: it proves the preauth transcript was not tampered with.
            var mustVerify = dialect == SmbDialect.Smb311 && !guest;
            if (finalResponse.Header.IsSigned || mustVerify)
            {
                if (!finalResponse.Header.IsSigned || !signer.Verify(finalResponse.MutableMessage))
                    throw new SmbConnectionException($"final SESSION_SETUP response from {connection.Host} failed signature verification");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sessionKey);
        }

        var encrypt = (flags & SessionSetupFlags.EncryptData) != 0 || (connection.Options.RequireEncryption && encryptor != null);
        if (connection.Options.RequireEncryption && encryptor == null)
            throw new SmbConnectionException($"encryption was required but {connection.Host} negotiated {connection.Dialect} without a cipher");
        connection.RegisterSession(sessionId, guest ? null : signer, encryptor);
        return new SmbSession(connection, sessionId, flags, credential.ToString(), encrypt);
    }

    /// <summary>Connects to a share: "\\server\share", "//server/share" or just "share" (on this connection's host).</summary>
    public async Task<SmbTree> TreeConnectAsync(string share, CancellationToken cancellationToken = default)
    {
        var path = share.Replace('/', '\\');
        if (!path.StartsWith(@"\\", StringComparison.Ordinal)) path = $@"\\{Connection.Host}\{path.TrimStart('\\')}";
        var request = new TreeConnectRequest(path);
        using var response = await SendAsync(Smb2Request.For(request) with
        {
            SessionId = SessionId,
            Encrypt = EncryptData,
            UseCreditReserve = true,
        }, cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.TreeConnect, path);
        var tree = TreeConnectResponse.Parse(response.Message);
        var encrypt = EncryptData || (tree.ShareFlags.HasFlag(TreeConnectShareFlags.EncryptData) && Connection.Dialect >= SmbDialect.Smb300);
        var result = new SmbTree(this, response.Header.TreeId, path, tree, encrypt);
        await Connection.ValidateNegotiateOnceAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal Task<Smb2Response> SendAsync(Smb2Request request, CancellationToken ct) => Connection.Transport.SendAsync(request, ct);

    /// <summary>SMB2 LOGOFF; the session's keys are forgotten afterwards.</summary>
    public async Task LogoffAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _loggedOff, 1) != 0) return;
        try
        {
            using var response = await SendAsync(Smb2Request.For(new LogoffRequest()) with
            {
                SessionId = SessionId,
                Encrypt = EncryptData,
            }, cancellationToken).ConfigureAwait(false);
            response.EnsureStatus();
        }
        finally
        {
            Connection.ForgetSession(SessionId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Connection.IsConnected)
        {
            Connection.ForgetSession(SessionId);
            return;
        }
        try
        {
            await LogoffAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmbConnectionException or SmbStatusException or OperationCanceledException)
        {
        }
    }
}
