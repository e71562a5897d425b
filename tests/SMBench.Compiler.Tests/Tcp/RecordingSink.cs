using SMBench.Compiler.Tcp;

namespace SMBench.Compiler.Tests.Tcp;

/// <summary>Collects what a reassembler delivers: bytes in order, with gaps written as '#' runs.</summary>
internal sealed class RecordingSink : ITcpStreamSink
{
    private readonly List<byte> _stream = [];

    public List<long> Gaps { get; } = [];

    public string Text => System.Text.Encoding.ASCII.GetString(_stream.ToArray());

    public void OnData(ReadOnlySpan<byte> data, long timestampUs, long frame) => _stream.AddRange(data.ToArray());

    public void OnGap(long missingBytes, long frame)
    {
        Gaps.Add(missingBytes);
        for (var i = 0; i < Math.Min(missingBytes, 64); i++) _stream.Add((byte)'#');
    }
}
