using System.Buffers.Binary;
using System.Text;

namespace SMBench.Smb.Protocol;

/// <summary>
/// Bounds-checked helpers the message codecs share. Every check throws <see cref="SmbProtocolException"/> naming the
/// message and field, so hostile input never surfaces as IndexOutOfRange or a huge allocation.
/// </summary>
public static class SmbWire
{
    /// <summary>
    /// Checks that <paramref name="message"/> (starting at its SMB2 header) holds the fixed body part for this
    /// StructureSize and that the StructureSize field matches; returns the body span.
    /// </summary>
    public static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> message, ushort structureSize, string what)
    {
        // An odd StructureSize counts one byte of the variable buffer, which may be absent when the buffer is empty.
        var fixedLength = structureSize & ~1;
        if (message.Length < Smb2Header.Size + fixedLength)
            throw new SmbProtocolException($"{what}: needs {Smb2Header.Size + fixedLength} bytes (header + fixed body), got {message.Length}");
        var body = message[Smb2Header.Size..];
        var actual = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (actual != structureSize)
            throw new SmbProtocolException($"{what}: StructureSize is {actual}, expected {structureSize}");
        return body;
    }

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/> from the start of the SMB2 header.
    /// A zero length yields an empty span whatever the offset (servers send offset 0 or garbage with no data).
    /// </summary>
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> message, long offset, long length, string what)
    {
        if (length == 0) return [];
        if (offset < Smb2Header.Size || length < 0 || offset + length > message.Length)
            throw new SmbProtocolException($"{what}: {length} bytes at offset {offset} lie outside the {message.Length}-byte message");
        return message.Slice((int)offset, (int)length);
    }

    /// <summary>Same as <see cref="Slice"/> for a structure not anchored at the SMB2 header (offset 0 allowed).</summary>
    public static ReadOnlySpan<byte> SliceLocal(ReadOnlySpan<byte> buffer, long offset, long length, string what)
    {
        if (length == 0 && offset >= 0 && offset <= buffer.Length) return [];
        if (offset < 0 || length < 0 || offset + length > buffer.Length)
            throw new SmbProtocolException($"{what}: {length} bytes at offset {offset} lie outside the {buffer.Length}-byte buffer");
        return buffer.Slice((int)offset, (int)length);
    }

    /// <summary>
    /// <see cref="SliceLocal(ReadOnlySpan{byte}, long, long, string)"/> for an item of a chain: the message names the
    /// item's position, formatted only on failure so hot loops build no strings.
    /// </summary>
    public static ReadOnlySpan<byte> SliceLocal(ReadOnlySpan<byte> buffer, long offset, long length, string what, int position)
    {
        if (length == 0 && offset >= 0 && offset <= buffer.Length) return [];
        if (offset < 0 || length < 0 || offset + length > buffer.Length)
            throw new SmbProtocolException($"{what} at {position}: {length} bytes at offset {offset} lie outside the {buffer.Length}-byte item");
        return buffer.Slice((int)offset, (int)length);
    }

    /// <summary>Requires at least <paramref name="length"/> bytes in a structure.</summary>
    public static void Need(ReadOnlySpan<byte> buffer, int length, string what)
    {
        if (buffer.Length < length)
            throw new SmbProtocolException($"{what}: needs {length} bytes, got {buffer.Length}");
    }

    public static string Utf16(ReadOnlySpan<byte> bytes, string what)
    {
        if ((bytes.Length & 1) != 0)
            throw new SmbProtocolException($"{what}: UTF-16 name has odd length {bytes.Length}");
        return Encoding.Unicode.GetString(bytes);
    }

    public static int Utf16Length(string? s) => string.IsNullOrEmpty(s) ? 0 : checked(s.Length * 2);

    public static int WriteUtf16(string? s, Span<byte> destination) =>
        string.IsNullOrEmpty(s) ? 0 : Encoding.Unicode.GetBytes(s, destination);

    /// <summary>Rounds up to a multiple of 8 (create contexts, compound parts, directory entries).</summary>
    public static int Align8(int value) => (value + 7) & ~7;

    /// <summary>Checks a caller-supplied destination is large enough before writing a message.</summary>
    public static void EnsureRoom(Span<byte> destination, int needed, string what)
    {
        if (destination.Length < needed)
            throw new ArgumentException($"{what}: needs {needed} bytes of room, got {destination.Length}", nameof(destination));
    }

    public static void StructureSize(Span<byte> body, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(body, value);
}
