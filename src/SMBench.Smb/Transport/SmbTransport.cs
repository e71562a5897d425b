using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Transport;

/// <summary>
/// One SMB2 TCP connection: a single read loop that routes responses to their waiters by MessageId (and keeps
/// AsyncIds from interim responses), serialized writes, the credit window, CANCEL on caller cancellation, and
/// unsolicited break notifications on <see cref="Breaks"/>. When the connection dies every waiter fails with an
/// <see cref="SmbConnectionException"/>; nothing hangs. A response resumes its caller inline on the read loop, so
/// code after an awaited call must not block synchronously on another call of the same connection.
/// </summary>
public sealed partial class SmbTransport : IAsyncDisposable
{
    private const int TargetCreditWindow = 512;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<ulong, PendingRequest> _pending = new();
    private readonly Channel<BreakNotification> _breaks =
        Channel.CreateUnbounded<BreakNotification>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Task _readLoop;
    private volatile Exception? _failure;

    private SmbTransport(Socket socket, string endpoint, int creditReserve, bool epollReceive)
    {
        _socket = socket;
        Endpoint = endpoint;
        Credits = new CreditWindow(1, creditReserve);
        _stream = new NetworkStream(socket, ownsSocket: true);
        // Both ways an idle connection holds no receive buffer, which keeps thousands of them cheap: the receive
        // thread copies into the pipe only what it read; the stream reader uses zero-byte reads.
        _reader = epollReceive
            ? StartEpollReceive(socket)
            : PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4096, useZeroByteReads: true));
        // Kept before it is armed: the first event (data, or an early FIN) may come at once and end the registration.
        if (epollReceive) _receiveRegistration = EpollReceiver.Prepare(_socketHandle!, this);
        _readLoop = Task.Run(ReadLoopAsync);
        if (epollReceive)
        {
            try
            {
                _receiveRegistration!.Arm();
            }
            catch (IOException e)
            {
                Fail(new SmbConnectionException($"cannot watch the connection to {endpoint}: {e.Message}", e));
                throw;
            }
        }
    }

    public string Endpoint { get; }

    public CreditWindow Credits { get; }

    /// <summary>Signing and encryption state per SessionId; set by the connection once sessions exist.</summary>
    public ISmb2SessionSecurity? Security { get; set; }

    /// <summary>LARGE_MTU was negotiated (2.1+): CreditCharge is sent and large I/O takes several credits.</summary>
    public bool MultiCredit { get; set; }

    /// <summary>Largest frame accepted from the server; anything bigger is a protocol violation that fails the connection.</summary>
    public int MaxFrameLength { get; set; } = DirectTcpFraming.DefaultMaxFrameLength;

    /// <summary>Unsolicited oplock and lease break notifications, in arrival order.</summary>
    public ChannelReader<BreakNotification> Breaks => _breaks.Reader;

    /// <summary>Completes when the read loop ends (peer closed, error, or dispose).</summary>
    public Task Completion => _readLoop;

    public bool IsConnected => _failure == null;

    /// <summary>Why the connection is unusable, once it is.</summary>
    public Exception? Failure => _failure;

    /// <param name="epollReceive">
    /// Receive on SMBench's own receive threads (<see cref="EpollReceiver"/>) rather than through .NET's socket
    /// engine: one thread wake-up less per response.
    /// </param>
    public static async Task<SmbTransport> ConnectAsync(string host, int port, int creditReserve, TimeSpan timeout, CancellationToken ct,
        bool epollReceive = true)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (epollReceive) await ConnectOutsideSocketEngineAsync(socket, host, port, cts.Token).ConfigureAwait(false);
            else await socket.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SmbConnectionException($"connecting to {host}:{port} timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SmbConnectionException($"cannot connect to {host}:{port}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        try
        {
            return new SmbTransport(socket, $"{host}:{port}", creditReserve, epollReceive);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A blocking connect on a thread of its own (not a pool thread: an unreachable server would hold it for the whole
    /// timeout). An async connect would register the socket with .NET's socket engine, whose epoll thread would then
    /// wake for every response as well, although the receive thread reads them. Cancellation closes the socket.
    /// </summary>
    private static async Task ConnectOutsideSocketEngineAsync(Socket socket, string host, int port, CancellationToken ct)
    {
        var addresses = await System.Net.Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var abort = ct.Register(static s => ((Socket)s!).Dispose(), socket);
        try
        {
            await Task.Factory.StartNew(() => socket.Connect(addresses, port), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException && ct.IsCancellationRequested)
        {
        }
        finally
        {
            // Waits for a callback already running: after this the socket is either untouched or closed.
            abort.Dispose();
        }
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Sends one request and waits for its final response (interim STATUS_PENDING answers are absorbed).</summary>
    public async Task<Smb2Response> SendAsync(Smb2Request request, CancellationToken ct)
    {
        var pending = await TransmitAsync([request], ct).ConfigureAwait(false);
        return await WaitAsync(pending[0], ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the requests as one compound (each part 8-byte aligned and signed on its own) and waits for every
    /// part's response; a part that went async may be answered later than the others.
    /// </summary>
    public async Task<Smb2Response[]> SendCompoundAsync(IReadOnlyList<Smb2Request> requests, CancellationToken ct)
    {
        var pending = await TransmitAsync(requests, ct).ConfigureAwait(false);
        var results = new Smb2Response[pending.Length];
        try
        {
            for (var i = 0; i < pending.Length; i++) results[i] = await WaitAsync(pending[i], ct).ConfigureAwait(false);
        }
        catch
        {
            foreach (var r in results) r?.Dispose();
            // Parts nobody will await any more must not surface as unobserved task exceptions.
            foreach (var p in pending)
            {
                _ = p.Completion.Task.ContinueWith(static t =>
                {
                    if (t.IsCompletedSuccessfully) t.Result.Dispose();
                    else _ = t.Exception;
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            throw;
        }
        return results;
    }

    private async Task<Smb2Response> WaitAsync(PendingRequest pending, CancellationToken ct)
    {
        if (!ct.CanBeCanceled) return await pending.Completion.Task.ConfigureAwait(false);
        await using (ct.Register(static state =>
                     {
                         var (transport, p) = ((SmbTransport, PendingRequest))state!;
                         transport.Abandon(p);
                     }, (this, pending)).ConfigureAwait(false))
        {
            return await pending.Completion.Task.ConfigureAwait(false);
        }
    }

    private void Abandon(PendingRequest pending)
    {
        if (pending.Completion.Task.IsCompleted) return;
        pending.Abandoned = true;
        pending.Completion.TrySetCanceled();
        _ = SendCancelAsync(pending);
    }

    private int ChargeOf(Smb2Request r)
    {
        if (!MultiCredit) return 1;
        var size = Math.Max(r.MessageLength - Smb2Header.Size, r.ExpectedResponseLength);
        return Math.Max(1, (size - 1) / 65536 + 1);
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } f) throw new SmbConnectionException($"connection to {Endpoint} is closed: {f.Message}", f);
    }

    /// <summary>Fails the connection from outside (keepalive timeout, protocol violation seen by the client layer).</summary>
    public void Abort(Exception reason) => Fail(reason);

    /// <summary>Cuts the TCP connection with a reset (no FIN, no LOGOFF): what a crashed client looks like.</summary>
    public void Reset()
    {
        try
        {
            _socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            _socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        Fail(new SmbConnectionException($"connection to {Endpoint} was reset by the client"));
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new SmbConnectionException($"connection to {Endpoint} was closed by the client"));
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        _writeLock.Dispose();
    }
}
