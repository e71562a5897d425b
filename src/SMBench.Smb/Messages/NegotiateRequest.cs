using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 NEGOTIATE request body (MS-SMB2 §2.2.3). When 3.1.1 is offered the negotiate contexts follow the dialect
/// list, the first one 8-byte aligned from the start of the SMB2 header, each further one aligned again.
/// </summary>
public sealed record NegotiateRequest(
    IReadOnlyList<SmbDialect> Dialects,
    NegotiateSecurityMode SecurityMode,
    NegotiateCapabilities Capabilities,
    Guid ClientGuid,
    IReadOnlyList<NegotiateContext> NegotiateContexts) : Smb2BodyRequest
{
    public const ushort StructureSize = 36;
    private const int FixedLength = 36;

    private int ContextsOffsetFromHeader => SmbWire.Align8(Smb2Header.Size + FixedLength + 2 * Dialects.Count);

    public override int BodyLength
    {
        get
        {
            if (NegotiateContexts.Count == 0) return FixedLength + 2 * Dialects.Count;
            var end = ContextsOffsetFromHeader;
            for (var i = 0; i < NegotiateContexts.Count; i++)
            {
                if (i > 0) end = SmbWire.Align8(end);
                end += NegotiateContexts[i].Length;
            }
            return end - Smb2Header.Size;
        }
    }

    public override Smb2Command Command => Smb2Command.Negotiate;

    public override void WriteBody(Span<byte> body)
    {
        body[..BodyLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], (ushort)Dialects.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], (ushort)SecurityMode);
        BinaryPrimitives.WriteUInt32LittleEndian(body[8..], (uint)Capabilities);
        ClientGuid.TryWriteBytes(body[12..28]);
        for (var i = 0; i < Dialects.Count; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(body[(FixedLength + 2 * i)..], (ushort)Dialects[i]);
        if (NegotiateContexts.Count == 0) return; // ClientStartTime stays zero
        var offset = ContextsOffsetFromHeader;
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], (uint)offset);
        BinaryPrimitives.WriteUInt16LittleEndian(body[32..], (ushort)NegotiateContexts.Count);
        for (var i = 0; i < NegotiateContexts.Count; i++)
        {
            offset = SmbWire.Align8(offset);
            NegotiateContexts[i].WriteTo(body[(offset - Smb2Header.Size)..]);
            offset += NegotiateContexts[i].Length;
        }
    }
}
