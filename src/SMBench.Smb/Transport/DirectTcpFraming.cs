using System.Buffers;
using System.Buffers.Binary;

namespace SMBench.Smb.Transport;

/// <summary>Direct TCP transport framing (MS-SMB2 §2.1): a zero byte and a 24-bit big-endian length per message.</summary>
public static class DirectTcpFraming
{
    public const int PrefixLength = 4;

    /// <summary>Frame limit before NEGOTIATE fixed the real one: a NEGOTIATE answer is a few hundred bytes.</summary>
    public const int DefaultMaxFrameLength = 1024 * 1024;

    public static void WritePrefix(Span<byte> destination, int length)
    {
        if ((uint)length > 0x00FF_FFFF) throw new ArgumentOutOfRangeException(nameof(length), "a direct-TCP frame holds at most 16 MiB");
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)length);
    }

    /// <summary>Tries to cut one frame (without its prefix) off the front of <paramref name="buffer"/>.</summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame,
        int maxFrameLength = DefaultMaxFrameLength)
    {
        frame = default;
        if (buffer.Length < PrefixLength) return false;
        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        if (prefix[0] != 0) throw new SmbConnectionException($"malformed direct-TCP frame: first byte 0x{prefix[0]:X2}, expected 0x00");
        var length = (int)(BinaryPrimitives.ReadUInt32BigEndian(prefix) & 0x00FF_FFFF);
        if (length > maxFrameLength) throw new SmbConnectionException($"direct-TCP frame of {length} bytes exceeds the {maxFrameLength}-byte limit");
        if (buffer.Length < PrefixLength + length) return false;
        frame = buffer.Slice(PrefixLength, length);
        buffer = buffer.Slice(PrefixLength + length);
        return true;
    }
}
