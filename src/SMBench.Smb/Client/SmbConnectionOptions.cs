using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Client;

/// <summary>How one simulated client connects. Defaults offer SMB 2.0.2 through 3.1.1 with signing enabled.</summary>
public sealed record SmbConnectionOptions
{
    public SmbDialect MinDialect { get; init; } = SmbDialect.Smb202;
    public SmbDialect MaxDialect { get; init; } = SmbDialect.Smb311;

    /// <summary>Null: a fresh random GUID per connection. Samba hands connections with one ClientGuid to one process.</summary>
    public Guid? ClientGuid { get; init; }

    /// <summary>Sets SIGNING_REQUIRED in NEGOTIATE. Requests of authenticated sessions are signed either way unless
    /// <see cref="SignOnlyWhenRequired"/>.</summary>
    public bool RequireSigning { get; init; }

    /// <summary>
    /// Sign a session's file requests only when the client or the server requires signing, as Windows clients
    /// before 11 24H2 and Samba's own tools do (MS-SMB2 §3.2.4.1.1). Off (the default): every request of an
    /// authenticated session is signed. TREE_CONNECT and VALIDATE_NEGOTIATE are signed either way; signed responses are
    /// always verified.
    /// </summary>
    public bool SignOnlyWhenRequired { get; init; }

    /// <summary>Encrypt every request of the session on 3.x even when the server does not demand it.</summary>
    public bool RequireEncryption { get; init; }

    /// <summary>3.1.1 ciphers in order of preference.</summary>
    public IReadOnlyList<Smb2CipherId> Ciphers { get; init; } =
        [Smb2CipherId.Aes128Gcm, Smb2CipherId.Aes128Ccm, Smb2CipherId.Aes256Gcm, Smb2CipherId.Aes256Ccm];

    /// <summary>3.1.1 signing algorithms in order of preference.</summary>
    public IReadOnlyList<NegotiateSigningAlgorithm> SigningAlgorithms { get; init; } =
        [NegotiateSigningAlgorithm.AesGmac, NegotiateSigningAlgorithm.AesCmac];

    /// <summary>NTLMSSP_NEGOTIATE_KEY_EXCH: send a random, RC4-wrapped session key.</summary>
    public bool NtlmKeyExchange { get; init; } = true;

    /// <summary>Send FSCTL_VALIDATE_NEGOTIATE_INFO after the first tree connect on 3.0 / 3.0.2 (never on 3.1.1).</summary>
    public bool ValidateNegotiate { get; init; } = true;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Send ECHO when idle this long; a missing answer within the same time fails the connection. Null: off.</summary>
    public TimeSpan? KeepAliveInterval { get; init; }

    /// <summary>
    /// A request with neither a response nor an interim STATUS_PENDING after this long fails with
    /// <c>SmbRequestTimeoutException</c> and closes the connection (MS-SMB2 §3.2.6.1). Null: wait forever.
    /// </summary>
    public TimeSpan? RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Receive on SMBench's own epoll threads, where responses resume their callers without a thread-pool hop
    /// (threads: <c>SMBENCH_SMB_RECEIVE_THREADS</c>). False: through .NET's socket engine. Code after an awaited
    /// call must not block either way; with this on, blocking would stall every connection of that thread.
    /// </summary>
    public bool DedicatedReceiveThreads { get; init; } = true;

    /// <summary>Credits kept back for oplock / lease break acknowledgments.</summary>
    public int BreakAckCreditReserve { get; init; } = 2;
}
