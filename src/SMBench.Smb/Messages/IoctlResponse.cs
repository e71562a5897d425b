using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 IOCTL response (MS-SMB2 §2.2.32), StructureSize 49. Input and Output are views into the message.</summary>
public readonly ref struct IoctlResponse : ISmb2Message
{
    public const ushort StructureSize = 49;
    private const int FixedLength = 48;

    public ushort Reserved { get; init; }

    public uint CtlCode { get; init; }

    public FileId FileId { get; init; }

    public ReadOnlySpan<byte> Input { get; init; }

    public ReadOnlySpan<byte> Output { get; init; }

    public uint Flags { get; init; }

    public uint Reserved2 { get; init; }

    public Smb2Command Command => Smb2Command.Ioctl;

    public int BodyLength => FixedLength + Math.Max(SmbWire.Align8(Input.Length) + Output.Length, 1);

    public static IoctlResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "IOCTL response");
        var inputOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[24..]);
        var inputCount = BinaryPrimitives.ReadUInt32LittleEndian(body[28..]);
        var outputOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]);
        var outputCount = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]);
        return new IoctlResponse
        {
            Reserved = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            CtlCode = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            FileId = FileId.Parse(body[8..]),
            Input = SmbWire.Slice(message, inputOffset, inputCount, "IOCTL response Input"),
            Output = SmbWire.Slice(message, outputOffset, outputCount, "IOCTL response Output"),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(body[40..]),
            Reserved2 = BinaryPrimitives.ReadUInt32LittleEndian(body[44..]),
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "IOCTL response");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body.Clear();
        const int inputOffset = Smb2Header.Size + FixedLength;
        var outputOffset = inputOffset + SmbWire.Align8(Input.Length);
        SmbWire.StructureSize(body, StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], Reserved);
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], CtlCode);
        FileId.WriteTo(body[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(body[24..], inputOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], (uint)Input.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], (uint)outputOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], (uint)Output.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body[40..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(body[44..], Reserved2);
        Input.CopyTo(message[inputOffset..]);
        Output.CopyTo(message[outputOffset..]);
        return Smb2Header.Size + bodyLength;
    }
}
