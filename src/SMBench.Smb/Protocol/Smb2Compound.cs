using System.Buffers.Binary;

namespace SMBench.Smb.Protocol;

/// <summary>
/// Compounded messages (MS-SMB2 §3.2.4.1.4): parts linked by the header's NextCommand, each starting on an 8-byte
/// boundary. <see cref="Enumerate"/> walks a received buffer; <see cref="Build"/> lays parts out for sending.
/// </summary>
public static class Smb2Compound
{
    public const int Alignment = 8;

    /// <summary>Walks the NextCommand chain; each item is one part (header + body, including any padding before the next part).</summary>
    public static PartEnumerator Enumerate(ReadOnlySpan<byte> buffer) => new(buffer);

    /// <summary>Number of parts in the chain (validates the chain).</summary>
    public static int CountParts(ReadOnlySpan<byte> buffer)
    {
        var count = 0;
        foreach (var _ in Enumerate(buffer)) count++;
        return count;
    }

    /// <summary>Bytes <see cref="Build"/> needs for these part lengths: each but the last padded to 8.</summary>
    public static int GetLength(ReadOnlySpan<int> partLengths)
    {
        long total = 0;
        for (var i = 0; i < partLengths.Length; i++)
            total += i < partLengths.Length - 1 ? Align(partLengths[i]) : partLengths[i];
        return checked((int)total);
    }

    /// <summary>
    /// Copies the parts (each a complete message starting at its header) into one compound, padding with zeros to
    /// 8 bytes and patching each NextCommand; the last part's NextCommand is set to 0. Flags (RELATED_OPERATIONS)
    /// and signatures are the caller's: sign each part after building, over its own bytes.
    /// </summary>
    public static byte[] Build(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("a compound needs at least one part", nameof(parts));
        var lengths = new int[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Length < Smb2Header.Size)
                throw new ArgumentException($"compound part {i} is {parts[i].Length} bytes, shorter than a header", nameof(parts));
            lengths[i] = parts[i].Length;
        }
        var result = new byte[GetLength(lengths)];
        var offset = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i].Span;
            part.CopyTo(result.AsSpan(offset));
            var next = i < parts.Count - 1 ? Align(part.Length) : 0;
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(offset + Smb2Header.NextCommandOffset), (uint)next);
            offset += next;
        }
        return result;
    }

    /// <summary>
    /// Same as <see cref="Build"/> into a caller's buffer (e.g. pooled): parts are copied in order, padded and
    /// linked; returns the compound length.
    /// </summary>
    public static int BuildInto(Span<byte> destination, params ReadOnlySpan<ReadOnlyMemory<byte>> parts)
    {
        if (parts.Length == 0) throw new ArgumentException("a compound needs at least one part", nameof(parts));
        var offset = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Span;
            if (part.Length < Smb2Header.Size)
                throw new ArgumentException($"compound part {i} is {part.Length} bytes, shorter than a header", nameof(parts));
            var isLast = i == parts.Length - 1;
            var next = isLast ? 0 : Align(part.Length);
            var room = isLast ? part.Length : next;
            if (destination.Length - offset < room)
                throw new ArgumentException($"compound needs more than the {destination.Length} bytes of room given", nameof(destination));
            part.CopyTo(destination[offset..]);
            destination.Slice(offset + part.Length, room - part.Length).Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(offset + Smb2Header.NextCommandOffset)..], (uint)next);
            offset += room;
        }
        return offset;
    }

    /// <summary>Rounds up to the 8-byte boundary compound parts start on.</summary>
    public static int Align(int length) => (length + Alignment - 1) & ~(Alignment - 1);

    /// <summary>Allocation-free walk of a NextCommand chain.</summary>
    public ref struct PartEnumerator
    {
        private readonly ReadOnlySpan<byte> _buffer;
        private int _offset;
        private bool _done;

        internal PartEnumerator(ReadOnlySpan<byte> buffer)
        {
            _buffer = buffer;
            _offset = 0;
            _done = false;
            Current = default;
        }

        public ReadOnlySpan<byte> Current { get; private set; }

        /// <summary>Offset of <see cref="Current"/> within the buffer.</summary>
        public int CurrentOffset { get; private set; }

        public readonly PartEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done) return false;
            var rest = _buffer[_offset..];
            if (rest.Length < Smb2Header.Size)
                throw new SmbProtocolException($"compound part at offset {_offset} has {rest.Length} bytes, less than a {Smb2Header.Size}-byte header");
            if (!Smb2Header.HasProtocolId(rest))
                throw new SmbProtocolException($"compound part at offset {_offset} does not start with 0xFE 'SMB'");
            var next = BinaryPrimitives.ReadUInt32LittleEndian(rest[Smb2Header.NextCommandOffset..]);
            CurrentOffset = _offset;
            if (next == 0)
            {
                Current = rest;
                _done = true;
                return true;
            }
            if (next < Smb2Header.Size || next > (uint)rest.Length)
                throw new SmbProtocolException($"compound part at offset {_offset} has NextCommand {next}, outside 64..{rest.Length}");
            if (next % Alignment != 0)
                throw new SmbProtocolException($"compound part at offset {_offset} has NextCommand {next}, not 8-byte aligned");
            if (next == (uint)rest.Length)
                throw new SmbProtocolException($"compound part at offset {_offset} has NextCommand {next} pointing at the end of the buffer");
            Current = rest[..(int)next];
            _offset += (int)next;
            return true;
        }
    }
}
