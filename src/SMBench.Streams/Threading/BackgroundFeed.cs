using System.Threading.Channels;

namespace SMBench.Streams.Threading;

/// <summary>
/// Enumerates a sequence on a dedicated, niced thread into a bounded channel of chunks: the IR is parsed ahead of
/// the timeline without taking thread-pool time from the release path. Chunks, not items, cross the channel, so
/// the two sides meet (and contend for the channel's lock) once per chunk rather than once per op.
/// </summary>
public static class BackgroundFeed
{
    public static ChannelReader<T[]> Start<T>(Func<IEnumerable<T>> items, int chunkSize, int chunksAhead, string name,
        CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(chunksAhead)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        var thread = new Thread(() => Pump(items, chunkSize, channel.Writer, ct)) { IsBackground = true, Name = name };
        thread.Start();
        return channel.Reader;
    }

    private static void Pump<T>(Func<IEnumerable<T>> items, int chunkSize, ChannelWriter<T[]> writer, CancellationToken ct)
    {
        OsThreadPriority.TrySetCurrent(OsThreadPriority.Background);
        try
        {
            var chunk = new List<T>(chunkSize);
            foreach (var item in items())
            {
                chunk.Add(item);
                if (chunk.Count < chunkSize) continue;
                if (!Send(writer, chunk.ToArray(), ct)) return;
                chunk.Clear();
            }
            if (chunk.Count > 0 && !Send(writer, chunk.ToArray(), ct)) return;
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

    private static bool Send<T>(ChannelWriter<T[]> writer, T[] chunk, CancellationToken ct)
    {
        while (!writer.TryWrite(chunk))
        {
            // Full: block this thread (it is ours) until the timeline has taken some.
            if (!writer.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult()) return false;
        }
        return true;
    }
}
