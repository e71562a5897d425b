using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 TREE_CONNECT request body (MS-SMB2 §2.2.9): the UNC path \\server\share in UTF-16.</summary>
public sealed record TreeConnectRequest(string Path) : Smb2BodyRequest
{
    public const ushort StructureSize = 9;
    private const int FixedLength = 8;

    public override int BodyLength => FixedLength + SmbWire.Utf16Length(Path);

    public override Smb2Command Command => Smb2Command.TreeConnect;

    public override void WriteBody(Span<byte> body)
    {
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], Smb2Header.Size + FixedLength);
        BinaryPrimitives.WriteUInt16LittleEndian(body[6..], (ushort)SmbWire.Utf16Length(Path));
        SmbWire.WriteUtf16(Path, body[FixedLength..]);
    }
}
