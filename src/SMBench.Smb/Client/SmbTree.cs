using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

/// <summary>A connected share. Opens files with <c>CreateAsync</c>; encrypted when the session or share demands it.</summary>
public sealed partial class SmbTree : IAsyncDisposable
{
    private int _disconnected;

    internal SmbTree(SmbSession session, uint treeId, string path, TreeConnectResponse response, bool encrypt)
    {
        Session = session;
        TreeId = treeId;
        Path = path;
        Response = response;
        EncryptData = encrypt;
    }

    public SmbSession Session { get; }
    public SmbConnection Connection => Session.Connection;
    public uint TreeId { get; }
    public string Path { get; }
    public TreeConnectResponse Response { get; }
    public bool EncryptData { get; }

    /// <summary>A request addressed to this tree (session, tree id, encryption filled in).</summary>
    public Smb2Request NewRequest(Smb2Command command, int bodyLength, Smb2BodyWriter writer) =>
        new(command, bodyLength, writer) { SessionId = Session.SessionId, TreeId = TreeId, Encrypt = EncryptData, Sign = Session.SignRequests };

    /// <summary>A codec message addressed to this tree.</summary>
    public Smb2Request For<T>(T message) where T : ISmb2Message =>
        Smb2Request.For(message) with { SessionId = Session.SessionId, TreeId = TreeId, Encrypt = EncryptData, Sign = Session.SignRequests };

    /// <summary>Sends a request on this tree and waits for the final response (callers check the status).</summary>
    public Task<Smb2Response> SendAsync(Smb2Request request, CancellationToken cancellationToken = default)
        => Connection.Transport.SendAsync(request, cancellationToken);

    /// <summary>Sends requests as one compound on this tree; see <see cref="SmbTransport.SendCompoundAsync"/>.</summary>
    public Task<Smb2Response[]> SendCompoundAsync(IReadOnlyList<Smb2Request> requests, CancellationToken cancellationToken = default)
        => Connection.Transport.SendCompoundAsync(requests, cancellationToken);

    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0) return;
        using var response = await SendAsync(For(new TreeDisconnectRequest()), cancellationToken)
            .ConfigureAwait(false);
        response.EnsureStatus();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Connection.IsConnected) return;
        try
        {
            await DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmbConnectionException or SmbStatusException or OperationCanceledException)
        {
        }
    }
}
