using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 SESSION_SETUP response (MS-SMB2 §2.2.6), parsed from a whole message.</summary>
public sealed record SessionSetupResponse(SessionSetupFlags SessionFlags, byte[] SecurityBuffer)
{
    public const ushort StructureSize = 9;

    public static SessionSetupResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "SESSION_SETUP response");
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[4..]);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]);
        return new SessionSetupResponse((SessionSetupFlags)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            SmbWire.Slice(message, offset, length, "SESSION_SETUP security buffer").ToArray());
    }
}
