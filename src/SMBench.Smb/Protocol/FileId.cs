using System.Buffers.Binary;

namespace SMBench.Smb.Protocol;

/// <summary>SMB2_FILEID (MS-SMB2 §2.2.14.1): 16 bytes, Persistent then Volatile.</summary>
public readonly record struct FileId(ulong Persistent, ulong Volatile)
{
    public const int Size = 16;

    /// <summary>All 0xFF: in a related compound, "the file the previous part opened" (§3.2.4.1.4).</summary>
    public static FileId Related { get; } = new(ulong.MaxValue, ulong.MaxValue);

    public static FileId Zero { get; } = default;

    public bool IsRelated => Persistent == ulong.MaxValue && Volatile == ulong.MaxValue;

    public static FileId Parse(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
            throw new SmbProtocolException($"FileId needs {Size} bytes, got {source.Length}");
        return new FileId(
            BinaryPrimitives.ReadUInt64LittleEndian(source),
            BinaryPrimitives.ReadUInt64LittleEndian(source[8..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, Persistent);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], Volatile);
    }

    public override string ToString() => $"{Persistent:x16}:{Volatile:x16}";
}
