using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// The 4-byte body (StructureSize 4 + Reserved) of FLUSH and LOCK responses, ECHO, CANCEL,
/// LOGOFF and TREE_DISCONNECT (§2.2.7, §2.2.8, §2.2.11, §2.2.12, §2.2.18, §2.2.27–30); SET_INFO response uses 2.
/// </summary>
internal static class EmptyBody
{
    public const ushort StructureSize = 4;

    public static void Check(ReadOnlySpan<byte> message, string what) => SmbWire.Body(message, StructureSize, what);

    public static int Write(Span<byte> message, string what, ushort structureSize = StructureSize)
    {
        SmbWire.EnsureRoom(message, Smb2Header.Size + structureSize, what);
        var body = message.Slice(Smb2Header.Size, structureSize);
        body.Clear();
        SmbWire.StructureSize(body, structureSize);
        return Smb2Header.Size + structureSize;
    }
}
