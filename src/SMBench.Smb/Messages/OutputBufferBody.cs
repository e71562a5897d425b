using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// The StructureSize 9 layout with OutputBufferOffset (2) and OutputBufferLength (4) shared by the QUERY_INFO,
/// QUERY_DIRECTORY and CHANGE_NOTIFY responses.
/// </summary>
internal static class OutputBufferBody
{
    private const int FixedLength = 8;

    public static int Write(Span<byte> message, ushort structureSize, ReadOnlySpan<byte> output, string what)
    {
        var bodyLength = FixedLength + Math.Max(output.Length, 1);
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, what);
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, structureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], output.IsEmpty ? (ushort)0 : (ushort)(Smb2Header.Size + FixedLength));
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)output.Length);
        if (output.IsEmpty) body[FixedLength] = 0;
        else output.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
