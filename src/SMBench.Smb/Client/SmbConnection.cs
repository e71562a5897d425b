using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.KeyDerivation;
using SMBench.Smb.Security.Signing;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

/// <summary>
/// One SMB2/3 connection to a server: TCP, NEGOTIATE, and the sessions logged in over it. Break notifications for
/// any open on this connection arrive on <see cref="Breaks"/>. Thread-safe: requests may run concurrently.
/// </summary>
public sealed partial class SmbConnection : IAsyncDisposable, ISmb2SessionSecurity
{
    private static readonly SmbDialect[] AllDialects =
        [SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302, SmbDialect.Smb311];

    private readonly ConcurrentDictionary<ulong, SessionSecurityState> _sessions = new();
    private readonly CancellationTokenSource _lifetime = new();
    private PreauthIntegrityHash? _preauth;

    private SmbConnection(SmbTransport transport, string host, int port, SmbConnectionOptions options)
    {
        Transport = transport;
        Host = host;
        Port = port;
        Options = options;
        transport.Security = this;
    }

    public string Host { get; }
    public int Port { get; }
    public SmbConnectionOptions Options { get; }
    public Guid ClientGuid { get; private set; }
    public SmbDialect Dialect => Negotiated.DialectRevision;
    public NegotiateResponse Negotiated { get; private set; } = null!;
    public Smb2CipherId Cipher { get; private set; }
    public NegotiateSigningAlgorithm SigningAlgorithm { get; private set; }
    public uint MaxReadSize => Dialect == SmbDialect.Smb202 ? Math.Min(65536u, Negotiated.MaxReadSize) : Negotiated.MaxReadSize;
    public uint MaxWriteSize => Dialect == SmbDialect.Smb202 ? Math.Min(65536u, Negotiated.MaxWriteSize) : Negotiated.MaxWriteSize;
    public uint MaxTransactSize => Negotiated.MaxTransactSize;
    public bool IsConnected => Transport.IsConnected;

    /// <summary>The wire: send raw requests or compounds here when the typed API lacks something.</summary>
    public SmbTransport Transport { get; }

    /// <summary>Oplock and lease break notifications for opens on this connection.</summary>
    public ChannelReader<BreakNotification> Breaks => Transport.Breaks;

    /// <summary>Opens TCP, negotiates the dialect and security parameters. Log in with <see cref="LoginAsync"/>.</summary>
    public static async Task<SmbConnection> ConnectAsync(string host, int port = 445, SmbConnectionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SmbConnectionOptions();
        var transport = await SmbTransport.ConnectAsync(host, port, options.BreakAckCreditReserve, options.ConnectTimeout, cancellationToken,
                options.DedicatedReceiveThreads).ConfigureAwait(false);
        transport.RequestTimeout = options.RequestTimeout;
        var connection = new SmbConnection(transport, host, port, options);
        try
        {
            await connection.NegotiateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (options.KeepAliveInterval is { } interval) _ = connection.KeepAliveLoopAsync(interval);
        return connection;
    }

    private async Task NegotiateAsync(CancellationToken ct)
    {
        var dialects = AllDialects.Where(d => d >= Options.MinDialect && d <= Options.MaxDialect).ToArray();
        if (dialects.Length == 0) throw new ArgumentException("no SMB dialect between MinDialect and MaxDialect");
        ClientGuid = Options.ClientGuid ?? Guid.NewGuid();
        var contexts = new List<NegotiateContext>();
        if (dialects.Contains(SmbDialect.Smb311))
        {
            contexts.Add(NegotiateContext.PreauthIntegrity(RandomNumberGenerator.GetBytes(32)));
            if (Options.Ciphers.Count > 0) contexts.Add(NegotiateContext.Encryption(Options.Ciphers));
            if (Options.SigningAlgorithms.Count > 0) contexts.Add(NegotiateContext.Signing(Options.SigningAlgorithms));
        }
        var capabilities = NegotiateCapabilities.LargeMtu | NegotiateCapabilities.Leasing
                           | (dialects.Any(d => d >= SmbDialect.Smb300) ? NegotiateCapabilities.Encryption : 0);
        var request = new NegotiateRequest(dialects,
            NegotiateSecurityMode.SigningEnabled | (Options.RequireSigning ? NegotiateSecurityMode.SigningRequired : 0),
            capabilities, ClientGuid, contexts);
        RememberNegotiate(request);
        var hash = new PreauthIntegrityHash();
        using var response = await Transport.SendAsync(Smb2Request.For(request) with
        {
            UseCreditReserve = true,
            Sign = false,
            OnSent = hash.Update,
        }, ct).ConfigureAwait(false);
        response.EnsureStatus();
        var negotiated = NegotiateResponse.Parse(response.Message);
        if (!dialects.Contains(negotiated.DialectRevision))
            throw new SmbConnectionException($"{Host}:{Port} chose dialect 0x{(ushort)negotiated.DialectRevision:x4}, which was not offered");
        Negotiated = negotiated;
        Cipher = negotiated.Cipher;
        SigningAlgorithm = negotiated.SigningAlgorithm;
        if (negotiated.DialectRevision == SmbDialect.Smb311)
        {
            hash.Update(response.Message);
            _preauth = hash;
        }
        // Room for the largest READ / QUERY / IOCTL answer plus headers, a transform header and compound padding.
        var largest = Math.Max(negotiated.MaxReadSize, Math.Max(negotiated.MaxTransactSize, negotiated.MaxWriteSize));
        Transport.MaxFrameLength = (int)Math.Min(0x00FF_FFFFu, largest + 64 * 1024u);
        Transport.MultiCredit = negotiated.DialectRevision >= SmbDialect.Smb210
                                && negotiated.Capabilities.HasFlag(NegotiateCapabilities.LargeMtu);
    }

    /// <summary>
    /// Logs in with NTLMv2 over SPNEGO. <paramref name="user"/> may be "DOMAIN\user", "user@realm" or a bare name.
    /// A wrong password, unknown or locked account throws <see cref="SmbStatusException"/> with the server's status
    /// (STATUS_LOGON_FAILURE, STATUS_ACCOUNT_LOCKED_OUT, …).
    /// </summary>
    public Task<SmbSession> LoginAsync(string user, string? domain, string password, CancellationToken cancellationToken = default)
        => SmbSession.LoginAsync(this, Security.Ntlm.NtlmCredential.Parse(user, domain, password), cancellationToken);

    internal PreauthIntegrityHash? ConnectionPreauthHash => _preauth;

    internal void RegisterSession(ulong sessionId, ISmb2Signer? signer, Smb2Encryptor? encryptor)
        => _sessions[sessionId] = new SessionSecurityState(signer, encryptor);

    internal void ForgetSession(ulong sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var state)) state.Encryptor?.Dispose();
    }

    ISmb2Signer? ISmb2SessionSecurity.GetSigner(ulong sessionId) => _sessions.TryGetValue(sessionId, out var s) ? s.Signer : null;

    Smb2Encryptor? ISmb2SessionSecurity.GetEncryptor(ulong sessionId) => _sessions.TryGetValue(sessionId, out var s) ? s.Encryptor : null;

    /// <summary>Drops the TCP connection abruptly (reset). Durable handles survive it; everything else is lost.</summary>
    public void Abort() => Transport.Reset();

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        foreach (var id in _sessions.Keys) ForgetSession(id);
        _lifetime.Dispose();
    }
}
