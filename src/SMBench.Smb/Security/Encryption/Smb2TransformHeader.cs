using System.Buffers.Binary;

namespace SMBench.Smb.Security.Encryption;

/// <summary>SMB2 TRANSFORM_HEADER (MS-SMB2 §2.2.41): 52 bytes in front of an encrypted message or compound.</summary>
public readonly record struct Smb2TransformHeader(byte[] Signature, byte[] Nonce, uint OriginalMessageSize, ushort Flags, ulong SessionId)
{
    public const int Length = 52;
    public const int AadOffset = 20;
    public const int AadLength = 32;
    public const ushort FlagEncrypted = 0x0001;

    public static ReadOnlySpan<byte> ProtocolId => [0xFD, (byte)'S', (byte)'M', (byte)'B'];

    public static bool IsTransform(ReadOnlySpan<byte> frame) => frame.Length >= 4 && frame[..4].SequenceEqual(ProtocolId);

    public static Smb2TransformHeader Parse(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < Length || !IsTransform(frame)) throw new FormatException("not an SMB2 TRANSFORM_HEADER");
        return new Smb2TransformHeader(frame.Slice(4, 16).ToArray(), frame.Slice(20, 16).ToArray(),
            BinaryPrimitives.ReadUInt32LittleEndian(frame[36..]), BinaryPrimitives.ReadUInt16LittleEndian(frame[42..]),
            BinaryPrimitives.ReadUInt64LittleEndian(frame[44..]));
    }

    public void WriteTo(Span<byte> destination)
    {
        ProtocolId.CopyTo(destination);
        Signature.CopyTo(destination[4..20]);
        Nonce.CopyTo(destination[20..36]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[36..], OriginalMessageSize);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[40..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[42..], Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[44..], SessionId);
    }
}
