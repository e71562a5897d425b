using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// Decodes the response bodies the IR needs with SMBench.Smb's codecs; error responses (§2.2.2) carry nothing
/// more than the status. READ responses are only measured (a capture may have cut their data).
/// </summary>
public static class ResponseDecoder
{
    public static CapturedResponse Decode(in Smb2Header header, ReadOnlySpan<byte> part)
    {
        // BUFFER_OVERFLOW and other warnings still carry the normal body; errors carry the ERROR body.
        if (header.Status.IsError) return OtherResponseInfo.Instance;
        switch (header.Command)
        {
            case Smb2Command.Create:
            {
                var create = CreateResponse.Parse(part);
                return new CreateResponseInfo((byte)create.OplockLevel, (uint)create.CreateAction, ToLong(create.EndOfFile),
                    (uint)create.FileAttributes, create.FileId, create.Find<LeaseContext>() is { } lease ? (uint)lease.LeaseState : null);
            }
            case Smb2Command.Read:
                return new ReadResponseInfo((int)Math.Min(ReadResponse.PeekDataLength(part), int.MaxValue));
            case Smb2Command.Write:
                return new WriteResponseInfo((int)Math.Min(WriteResponse.Parse(part).Count, int.MaxValue));
            case Smb2Command.TreeConnect:
                return new TreeConnectResponseInfo((byte)TreeConnectResponse.Parse(part).ShareType);
            default:
                return OtherResponseInfo.Instance;
        }
    }

    private static long ToLong(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
