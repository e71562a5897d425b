using System.Buffers.Binary;
using System.Text;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb.Wire;

/// <summary>
/// Bounds-checked little-endian reads from one compound part, offsets from the start of its SMB2 header (the way
/// MS-SMB2 states them). Captured bytes are untrusted: every read past the end throws
/// <see cref="SmbProtocolException"/> naming the command, which the decoder counts as a malformed message.
/// </summary>
public readonly ref struct PartReader
{
    private readonly ReadOnlySpan<byte> _part;
    private readonly string _what;

    public PartReader(ReadOnlySpan<byte> part, string what)
    {
        _part = part;
        _what = what;
    }

    public int Length => _part.Length;

    public byte U8(int offset) => Slice(offset, 1)[0];

    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));

    public uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    public ulong U64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(offset, 8));

    public FileId FileIdAt(int offset) => FileId.Parse(Slice(offset, FileId.Size));

    /// <summary>UTF-16LE text; an odd length or a range past the end is malformed.</summary>
    public string Utf16(int offset, int length)
    {
        if (length == 0) return "";
        if ((length & 1) != 0) throw Fail($"odd UTF-16 length {length} at {offset}");
        return Encoding.Unicode.GetString(Slice(offset, length));
    }

    public ReadOnlySpan<byte> Slice(int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > _part.Length)
            throw Fail($"{length} bytes at offset {offset} run past the {_part.Length}-byte message");
        return _part.Slice(offset, length);
    }

    /// <summary>Like <see cref="Slice"/> but clamps to what was captured (payloads may be cut by the capture).</summary>
    public ReadOnlySpan<byte> SliceAvailable(int offset, int length)
    {
        if (offset < 0 || offset > _part.Length || length < 0) return [];
        return _part.Slice(offset, Math.Min(length, _part.Length - offset));
    }

    public SmbProtocolException Fail(string detail) => new($"{_what}: {detail}");
}
