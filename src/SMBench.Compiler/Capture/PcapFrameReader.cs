using SharpPcap;
using SharpPcap.LibPcap;

namespace SMBench.Compiler.Capture;

/// <summary>
/// Streams the frames of a pcap or pcapng file through libpcap, one at a time, so memory never depends on the
/// capture's length.
/// </summary>
public sealed class PcapFrameReader : IDisposable
{
    private readonly CaptureFileReaderDevice _device;
    private readonly string _path;
    private long _number;

    public PcapFrameReader(string path)
    {
        _path = path;
        if (!File.Exists(path)) throw new CaptureFormatException($"{path}: file not found");
        _device = new CaptureFileReaderDevice(path);
        try
        {
            _device.Open();
        }
        catch (PcapException e)
        {
            _device.Dispose();
            throw new CaptureFormatException($"{path}: not a readable pcap/pcapng capture ({e.Message})", e);
        }
    }

    /// <summary>Bytes in the file, for progress reporting.</summary>
    public long FileSize => new FileInfo(_path).Length;

    /// <summary>Set when the file ended inside a frame (a capture cut short); the frames before it were read.</summary>
    public string? TruncationWarning { get; private set; }

    /// <summary>Next frame, or false at the end of the file.</summary>
    public bool TryRead(out CaptureFrame frame)
    {
        frame = default;
        GetPacketStatus status;
        PacketCapture capture;
        try
        {
            status = _device.GetNextPacket(out capture);
        }
        catch (PcapException e)
        {
            TruncationWarning = $"{_path}: reading stopped after frame {_number}: {e.Message}";
            return false;
        }
        if (status == GetPacketStatus.NoRemainingPackets) return false;
        if (status != GetPacketStatus.PacketRead)
        {
            // libpcap reports a file cut mid-record as an error; everything before it is still good data.
            TruncationWarning = $"{_path}: reading stopped after frame {_number}: {_device.LastError}";
            return false;
        }
        _number++;
        var raw = capture.GetPacket();
        var ts = checked((long)raw.Timeval.Seconds * 1_000_000 + (long)raw.Timeval.MicroSeconds);
        frame = new CaptureFrame(_number, ts, raw.LinkLayerType, raw.Data, raw.PacketLength);
        return true;
    }

    public void Dispose() => _device.Dispose();
}
