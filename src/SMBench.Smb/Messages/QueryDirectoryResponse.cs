using System.Buffers.Binary;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 QUERY_DIRECTORY response (MS-SMB2 §2.2.34), StructureSize 9. <see cref="OutputBuffer"/> is a view; walk
/// its entries with <see cref="Entries"/> and the class the request asked for.
/// </summary>
public readonly ref struct QueryDirectoryResponse : ISmb2Message
{
    public const ushort StructureSize = 9;
    private const int FixedLength = 8;

    public QueryDirectoryResponse(ReadOnlySpan<byte> outputBuffer) => OutputBuffer = outputBuffer;

    public ReadOnlySpan<byte> OutputBuffer { get; init; }

    public Smb2Command Command => Smb2Command.QueryDirectory;

    public int BodyLength => FixedLength + Math.Max(OutputBuffer.Length, 1);

    public DirectoryInformation.Enumerator Entries(FileInformationClass informationClass) =>
        DirectoryInformation.Enumerate(informationClass, OutputBuffer);

    public static QueryDirectoryResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "QUERY_DIRECTORY response");
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new QueryDirectoryResponse(SmbWire.Slice(message, offset, length, "QUERY_DIRECTORY response OutputBuffer"));
    }

    public int WriteTo(Span<byte> message) =>
        OutputBufferBody.Write(message, StructureSize, OutputBuffer, "QUERY_DIRECTORY response");
}
