using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 IOCTL request (MS-SMB2 §2.2.31), StructureSize 57. Input and Output are views into the message. The writer
/// places Input right after the fixed part (0x78) and Output right after Input, where Samba expects them.
/// </summary>
public readonly ref struct IoctlRequest : ISmb2Message
{
    public const ushort StructureSize = 57;
    private const int FixedLength = 56;

    /// <summary>SMB2_0_IOCTL_IS_FSCTL: set for every FSCTL (all of them over SMB2).</summary>
    public const uint IsFsctl = 0x0000_0001;

    public ushort Reserved { get; init; }

    public uint CtlCode { get; init; }

    public FileId FileId { get; init; }

    public ReadOnlySpan<byte> Input { get; init; }

    public uint MaxInputResponse { get; init; }

    public ReadOnlySpan<byte> Output { get; init; }

    public uint MaxOutputResponse { get; init; }

    public uint Flags { get; init; }

    public uint Reserved2 { get; init; }

    public Smb2Command Command => Smb2Command.Ioctl;

    public int BodyLength => FixedLength + Math.Max(Input.Length + Output.Length, 1);

    public static IoctlRequest Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "IOCTL request");
        var inputOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[24..]);
        var inputCount = BinaryPrimitives.ReadUInt32LittleEndian(body[28..]);
        var outputOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]);
        var outputCount = BinaryPrimitives.ReadUInt32LittleEndian(body[40..]);
        return new IoctlRequest
        {
            Reserved = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            CtlCode = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            FileId = FileId.Parse(body[8..]),
            Input = SmbWire.Slice(message, inputOffset, inputCount, "IOCTL request Input"),
            MaxInputResponse = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            Output = SmbWire.Slice(message, outputOffset, outputCount, "IOCTL request Output"),
            MaxOutputResponse = BinaryPrimitives.ReadUInt32LittleEndian(body[44..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(body[48..]),
            Reserved2 = BinaryPrimitives.ReadUInt32LittleEndian(body[52..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "IOCTL request");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        const int inputOffset = Smb2Header.Size + FixedLength;
        var outputOffset = inputOffset + Input.Length;
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], CtlCode);
        FileId.WriteTo(body[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], inputOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], (uint)Input.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], MaxInputResponse);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], Output.IsEmpty ? 0u : (uint)outputOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], (uint)Output.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[44..], MaxOutputResponse);
        BinaryPrimitives.WriteUInt32LittleEndian(body[48..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(body[52..], Reserved2);
        Input.CopyTo(message[inputOffset..]);
        Output.CopyTo(message[outputOffset..]);
        return Smb2Header.Size + bodyLength;
    }
}
