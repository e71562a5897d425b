using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// The 24-byte oplock break layout (OplockLevel, Reserved, Reserved2, FileId) shared by the notification
/// (§2.2.23.1), the acknowledgment (§2.2.24.1) and the response (§2.2.25.1).
/// </summary>
internal static class OplockBreakBody
{
    public const ushort StructureSize = 24;

    public static (OplockLevel Level, FileId FileId) Parse(ReadOnlySpan<byte> message, string what)
    {
        var body = SmbWire.Body(message, StructureSize, what);
        return ((OplockLevel)body[2], FileId.Parse(body[8..]));
    }

    public static int Write(Span<byte> message, OplockLevel level, FileId fileId, string what)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + StructureSize, what);
        var body = message.Slice(Smb2Header.Size, StructureSize);
        body.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(body, StructureSize);
        body[2] = (byte)level;
        fileId.WriteTo(body[8..]);
        return Smb2Header.Size + StructureSize;
    }
}
