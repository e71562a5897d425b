using System.Buffers.Binary;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 CHANGE_NOTIFY response (MS-SMB2 §2.2.36), StructureSize 9: a chain of FILE_NOTIFY_INFORMATION records, a
/// view into the message; walk it with <see cref="Changes"/>.
/// </summary>
public readonly ref struct ChangeNotifyResponse : ISmb2Message
{
    public const ushort StructureSize = 9;
    private const int FixedLength = 8;

    public ChangeNotifyResponse(ReadOnlySpan<byte> outputBuffer) => OutputBuffer = outputBuffer;

    public ReadOnlySpan<byte> OutputBuffer { get; init; }

    public Smb2Command Command => Smb2Command.ChangeNotify;

    public int BodyLength => FixedLength + Math.Max(OutputBuffer.Length, 1);

    public IReadOnlyList<FileNotifyInformation> Changes() => FileNotifyInformation.ParseChain(OutputBuffer);

    public static ChangeNotifyResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "CHANGE_NOTIFY response");
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new ChangeNotifyResponse(SmbWire.Slice(message, offset, length, "CHANGE_NOTIFY response OutputBuffer"));
    }

    public int WriteTo(Span<byte> message) =>
        OutputBufferBody.Write(message, StructureSize, OutputBuffer, "CHANGE_NOTIFY response");
}
