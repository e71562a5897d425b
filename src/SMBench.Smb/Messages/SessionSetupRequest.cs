using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 SESSION_SETUP request body (MS-SMB2 §2.2.5); the security buffer follows the 24 fixed bytes.</summary>
public sealed record SessionSetupRequest(NegotiateSecurityMode SecurityMode, NegotiateCapabilities Capabilities,
    byte[] SecurityBuffer, ulong PreviousSessionId = 0, byte Flags = 0) : Smb2BodyRequest
{
    public const ushort StructureSize = 25;
    private const int FixedLength = 24;

    public override int BodyLength => FixedLength + SecurityBuffer.Length;

    public override Smb2Command Command => Smb2Command.SessionSetup;

    public override void WriteBody(Span<byte> body)
    {
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        body[2] = Flags;
        body[3] = (byte)SecurityMode;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)Capabilities);
        BinaryPrimitives.WriteUInt16LittleEndian(body[12..], Smb2Header.Size + FixedLength);
        BinaryPrimitives.WriteUInt16LittleEndian(body[14..], (ushort)SecurityBuffer.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(body[16..], PreviousSessionId);
        SecurityBuffer.CopyTo(body[FixedLength..]);
    }
}

/// <summary>SessionFlags of the SESSION_SETUP response.</summary>
[Flags]
public enum SessionSetupFlags : ushort
{
    None = 0,
    IsGuest = 0x0001,
    IsNull = 0x0002,
    EncryptData = 0x0004,
}
