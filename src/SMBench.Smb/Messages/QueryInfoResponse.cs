using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 QUERY_INFO response (MS-SMB2 §2.2.38), StructureSize 9. <see cref="OutputBuffer"/> is a view into the
/// message; decode it with the FSCC type for the class asked (e.g. <c>FileStandardInformation.Parse</c>).
/// With STATUS_BUFFER_OVERFLOW the buffer holds a truncated answer, not an error.
/// </summary>
public readonly ref struct QueryInfoResponse : ISmb2Message
{
    public const ushort StructureSize = 9;
    private const int FixedLength = 8;

    public QueryInfoResponse(ReadOnlySpan<byte> outputBuffer) => OutputBuffer = outputBuffer;

    public ReadOnlySpan<byte> OutputBuffer { get; init; }

    public Smb2Command Command => Smb2Command.QueryInfo;

    public int BodyLength => FixedLength + Math.Max(OutputBuffer.Length, 1);

    public static QueryInfoResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "QUERY_INFO response");
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new QueryInfoResponse(SmbWire.Slice(message, offset, length, "QUERY_INFO response OutputBuffer"));
    }

    public int WriteTo(Span<byte> message) =>
        OutputBufferBody.Write(message, StructureSize, OutputBuffer, "QUERY_INFO response");
}
