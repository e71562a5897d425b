using System.Threading.Channels;

namespace SMBench.Streams.Threading;

/// <summary>
/// Enumerates a sequence on a dedicated, niced thread into a bounded channel: the IR is parsed ahead of the
/// timeline without taking thread-pool time from the release path. The channel's bound is the read-ahead.
/// </summary>
public static class BackgroundFeed
{
    public static ChannelReader<T> Start<T>(Func<IEnumerable<T>> items, int readAhead, string name, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(readAhead)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        var thread = new Thread(() => Pump(items, channel.Writer, ct)) { IsBackground = true, Name = name };
        thread.Start();
        return channel.Reader;
    }

    private static void Pump<T>(Func<IEnumerable<T>> items, ChannelWriter<T> writer, CancellationToken ct)
    {
        OsThreadPriority.TrySetCurrent(OsThreadPriority.Background);
        try
        {
            foreach (var item in items())
            {
                while (!writer.TryWrite(item))
                {
                    // Full: block this thread (it is ours) until the timeline has taken some.
                    if (!writer.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult()) return;
                }
            }
            writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            // A broken IR line surfaces in the stream as its failure, with the reader's own message.
            writer.TryComplete(e);
        }
    }
}
