using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 ERROR response (MS-SMB2 §2.2.2), StructureSize 9: what a server sends for most failures and for the
/// STATUS_PENDING interim response. ErrorData is a view (3.1.1 error contexts, or a symlink error); usually empty.
/// Use <see cref="IsErrorResponse"/> to decide whether a response body is this or the command's own layout.
/// </summary>
public readonly ref struct ErrorResponse : ISmb2Message
{
    public const ushort StructureSize = 9;
    private const int FixedLength = 8;

    public ErrorResponse(Smb2Command command, ReadOnlySpan<byte> errorData = default, byte errorContextCount = 0)
    {
        Command = command;
        ErrorData = errorData;
        ErrorContextCount = errorContextCount;
    }

    public byte ErrorContextCount { get; init; }

    public ReadOnlySpan<byte> ErrorData { get; init; }

    /// <summary>The command of the header the error answers (taken from the header on parse).</summary>
    public Smb2Command Command { get; init; }

    public int BodyLength => FixedLength + Math.Max(ErrorData.Length, 1);

    /// <summary>The 3.1.1 error contexts in ErrorData (empty when ErrorContextCount is 0).</summary>
    public IReadOnlyList<ErrorContext> Contexts() =>
        ErrorContextCount == 0 ? [] : ErrorContext.ParseList(ErrorData, ErrorContextCount);

    public static ErrorResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "ERROR response");
        var byteCount = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        return new ErrorResponse
        {
            Command = Smb2Header.PeekCommand(message),
            ErrorContextCount = body[2],
            ErrorData = SmbWire.Slice(message, Smb2Header.Size + FixedLength, byteCount, "ERROR response ErrorData"),
        };
    }

    /// <summary>
    /// True when a response body has the ERROR layout rather than the command's own. The status alone does not
    /// tell: STATUS_BUFFER_OVERFLOW (QUERY_INFO, READ on pipes, IOCTL), STATUS_MORE_PROCESSING_REQUIRED (SESSION_SETUP)
    /// and STATUS_NOTIFY_ENUM_DIR come with normal bodies, and some IOCTL failures too; a body whose StructureSize
    /// is 9 for a command whose own response is not 9 is an error body.
    /// </summary>
    public static bool IsErrorResponse(in Smb2Header header, ReadOnlySpan<byte> message)
    {
        if (header.Status.IsSuccess) return false;
        if (message.Length < Smb2Header.Size + 2) return true;
        var structureSize = BinaryPrimitives.ReadUInt16LittleEndian(message[Smb2Header.Size..]);
        if (structureSize != StructureSize) return false;
        return header.Command switch
        {
            // These commands' own responses are StructureSize 9 too: decide by status. SESSION_SETUP's
            // MORE_PROCESSING_REQUIRED has error severity yet carries the normal body with the security blob.
            Smb2Command.SessionSetup when header.Status == NtStatus.MoreProcessingRequired => false,
            Smb2Command.QueryInfo or Smb2Command.QueryDirectory or Smb2Command.ChangeNotify or Smb2Command.SessionSetup =>
                header.Status.IsError || header.Status == NtStatus.Pending,
            _ => true,
        };
    }

    public int WriteTo(Span<byte> message)
    {
        var bodyLength = BodyLength;
        SmbWire.EnsureRoom(message, Smb2Header.Size + bodyLength, "ERROR response");
        var body = message.Slice(Smb2Header.Size, bodyLength);
        body[..FixedLength].Clear();
        SmbWire.StructureSize(body, StructureSize);
        body[2] = ErrorContextCount;
        BinaryPrimitives.WriteUInt32LittleEndian(body[4..], (uint)ErrorData.Length);
        if (ErrorData.IsEmpty) body[FixedLength] = 0;
        else ErrorData.CopyTo(body[FixedLength..]);
        return Smb2Header.Size + bodyLength;
    }
}
