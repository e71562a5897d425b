using System.Buffers.Binary;

namespace SMBench.Smb.Protocol;

/// <summary>What a direct-TCP payload starts with: the four protocol ids a capture decoder meets (MS-SMB2 §2.2).</summary>
public enum SmbProtocolKind
{
    Unknown,

    /// <summary>0xFF 'SMB': SMB1, e.g. the multi-protocol NEGOTIATE that opens a connection.</summary>
    Smb1,

    /// <summary>0xFE 'SMB': an SMB2 header.</summary>
    Smb2,

    /// <summary>0xFD 'SMB': SMB2 TRANSFORM_HEADER (encrypted).</summary>
    Transform,

    /// <summary>0xFC 'SMB': SMB2 COMPRESSION_TRANSFORM_HEADER.</summary>
    Compression,
}

/// <summary>Identifies the protocol id at the start of a buffer (used to frame and to resync after a gap).</summary>
public static class SmbProtocolIds
{
    public static SmbProtocolKind Identify(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < 4) return SmbProtocolKind.Unknown;
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer) switch
        {
            0x424D_53FF => SmbProtocolKind.Smb1,
            Smb2Header.ProtocolIdValue => SmbProtocolKind.Smb2,
            0x424D_53FD => SmbProtocolKind.Transform,
            0x424D_53FC => SmbProtocolKind.Compression,
            _ => SmbProtocolKind.Unknown,
        };
    }
}
