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

    /// <summary>9999-12-31T23:59:59Z, the last second a <see cref="DateTimeOffset"/> (the compile report) can show.</summary>
    private const ulong MaxSeconds = 253_402_300_799;

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
        if (!TryTimestampUs(raw.Timeval, out var ts))
        {
            // A corrupt record header holds any seconds value (pcapng: any 64-bit count at any resolution); the
            // capture is damaged from here on, like a record cut short.
            TruncationWarning = $"{_path}: reading stopped at frame {_number}: impossible timestamp (corrupt record header)";
            return false;
        }
        frame = new CaptureFrame(_number, ts, raw.LinkLayerType, raw.Data, raw.PacketLength);
        return true;
    }

    private static bool TryTimestampUs(PosixTimeval timeval, out long timestampUs)
    {
        timestampUs = 0;
        ulong seconds, micros;
        try
        {
            // PosixTimeval keeps a decimal and converts on each read; out-of-range values throw OverflowException.
            seconds = timeval.Seconds;
            micros = timeval.MicroSeconds;
        }
        catch (OverflowException)
        {
            return false;
        }
        if (seconds > MaxSeconds || micros >= 1_000_000) return false;
        timestampUs = (long)seconds * 1_000_000 + (long)micros;
        return true;
    }

    public void Dispose() => _device.Dispose();
}
