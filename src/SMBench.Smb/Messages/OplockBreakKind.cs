using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>Which OPLOCK_BREAK layout a message carries; the command code is the same for all five.</summary>
public enum OplockBreakKind
{
    /// <summary>24 bytes: oplock break notification, acknowledgment or response (direction tells which).</summary>
    Oplock,

    /// <summary>44 bytes: lease break notification (server → client).</summary>
    LeaseNotification,

    /// <summary>36 bytes: lease break acknowledgment (client → server) or response.</summary>
    LeaseAcknowledgment,
}

/// <summary>Tells the OPLOCK_BREAK layouts apart by StructureSize (§2.2.23–§2.2.25).</summary>
public static class OplockBreakClassifier
{
    public static OplockBreakKind Classify(ReadOnlySpan<byte> message)
    {
        SmbWire.Need(message, Smb2Header.Size + 2, "OPLOCK_BREAK message");
        var size = BinaryPrimitives.ReadUInt16LittleEndian(message[Smb2Header.Size..]);
        return size switch
        {
            OplockBreakBody.StructureSize => OplockBreakKind.Oplock,
            LeaseBreakNotification.StructureSize => OplockBreakKind.LeaseNotification,
            LeaseBreakBody.StructureSize => OplockBreakKind.LeaseAcknowledgment,
            _ => throw new SmbProtocolException($"OPLOCK_BREAK message: StructureSize {size} is none of 24 (oplock), 44 (lease notification), 36 (lease ack/response)"),
        };
    }
}
