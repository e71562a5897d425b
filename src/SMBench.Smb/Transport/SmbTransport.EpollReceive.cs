using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;

namespace SMBench.Smb.Transport;

/// <summary>The receive side when an <see cref="EpollReceiver"/> thread reads the socket (the default on Linux).</summary>
public sealed partial class SmbTransport : IReceiveTarget
{
    /// <summary>
    /// Inline reader: the receive thread's flush runs the read loop, and with it the callers' continuations, on the
    /// spot. No pause threshold: the read loop never waits for anyone, so the pipe holds at most one partial frame.
    /// </summary>
    private static readonly PipeOptions ReceivePipeOptions = new(readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline, pauseWriterThreshold: 0, resumeWriterThreshold: 0,
        minimumSegmentSize: 4096, useSynchronizationContext: false);

    private Pipe? _receivePipe;
    private SafeHandle? _socketHandle;
    private EpollReceiver.Registration? _receiveRegistration;
    private bool _receiveEnded; // receive thread only

    private PipeReader StartEpollReceive(System.Net.Sockets.Socket socket)
    {
        _receivePipe = new Pipe(ReceivePipeOptions);
        _socketHandle = socket.SafeHandle;
        return _receivePipe.Reader;
    }

    void IReceiveTarget.OnReadable(Span<byte> scratch)
    {
        if (_receiveEnded) return;
        if (_failure != null)
        {
            EndReceive(null); // the connection failed elsewhere: nobody reads the pipe any more
            return;
        }
        var writer = _receivePipe!.Writer;
        // A few reads per wake-up, then the next socket's turn: epoll reports this one again while data waits.
        for (var i = 0; i < 4; i++)
        {
            int n, errno;
            try
            {
                n = Epoll.Receive(_socketHandle!, scratch, out errno);
            }
            catch (ObjectDisposedException)
            {
                EndReceive(null);
                return;
            }
            if (n == 0)
            {
                EndReceive(null);
                return;
            }
            if (n < 0)
            {
                if (errno != 0) EndReceive(new IOException($"receiving from {Endpoint} failed (errno {errno})"));
                return;
            }
            writer.Write(scratch[..n]);
            // Runs the read loop inline; never pending because the pipe has no pause threshold. The loop may have
            // failed the connection meanwhile, which the flush's own result does not show.
            var flush = writer.FlushAsync();
            if ((flush.IsCompletedSuccessfully && flush.Result.IsCompleted) || _failure != null)
            {
                EndReceive(null);
                return;
            }
            if (n < scratch.Length) return;
        }
    }

    void IReceiveTarget.OnReceiveFailed(Exception error)
    {
        Fail(new SmbConnectionException($"receiving from {Endpoint} failed: {error.Message}", error));
        EndReceive(error);
    }

    private void EndReceive(Exception? error)
    {
        if (_receiveEnded) return;
        _receiveEnded = true;
        _receiveRegistration?.Dispose();
        _receivePipe!.Writer.Complete(error);
    }

    /// <summary>Called by <see cref="Fail"/> from any thread: stop watching the socket and end the read loop.</summary>
    private void StopEpollReceive()
    {
        if (_receivePipe == null) return;
        _receiveRegistration?.Dispose();
        _receivePipe.Reader.CancelPendingRead();
    }
}
