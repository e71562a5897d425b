using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 TREE_CONNECT response (MS-SMB2 §2.2.10).</summary>
public sealed record TreeConnectResponse(TreeConnectShareType ShareType, TreeConnectShareFlags ShareFlags, uint Capabilities, uint MaximalAccess)
{
    public const ushort StructureSize = 16;

    public static TreeConnectResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "TREE_CONNECT response");
        return new TreeConnectResponse((TreeConnectShareType)body[2],
            (TreeConnectShareFlags)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[12..]));
    }
}

public enum TreeConnectShareType : byte
{
    Disk = 1,
    Pipe = 2,
    Print = 3,
}

/// <summary>ShareFlags bits the client acts on (MS-SMB2 §2.2.10).</summary>
[Flags]
public enum TreeConnectShareFlags : uint
{
    None = 0,
    DfsRoot = 0x0002,
    EncryptData = 0x8000,
}
