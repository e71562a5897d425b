using SMBench.Compiler.Smb.Wire;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>Decodes the response bodies the IR needs; error responses (§2.2.2) carry nothing more than the status.</summary>
public static class ResponseDecoder
{
    public static CapturedResponse Decode(in Smb2Header header, ReadOnlySpan<byte> part)
    {
        var status = header.Status;
        // An error body is the 9-byte ERROR response; BUFFER_OVERFLOW still carries the normal body.
        if (status.IsError) return OtherResponseInfo.Instance;
        var r = new PartReader(part, $"{Smb2CommandNames.ToWireName(header.Command)} response (MessageId {header.MessageId})");
        const int B = Smb2Header.Size;
        switch (header.Command)
        {
            case Smb2Command.Create:
            {
                uint? leaseState = null;
                var contextsOffset = (int)r.U32(B + 80);
                var contextsLength = (int)r.U32(B + 84);
                if (contextsLength > 0 && contextsOffset > 0)
                {
                    Wire.CreateContextReader.Walk(r.SliceAvailable(contextsOffset, contextsLength), c =>
                    {
                        if (c.Name == "RqLs" && c.Data.Length >= 20) leaseState = LeaseContext.ParseGrantedState(c.Data);
                    });
                }
                return new CreateResponseInfo(r.U8(B + 2), r.U32(B + 4), (long)r.U64(B + 48), r.U32(B + 56), r.FileIdAt(B + 64), leaseState);
            }
            case Smb2Command.Read:
                return new ReadResponseInfo((int)Math.Min(r.U32(B + 4), int.MaxValue));
            case Smb2Command.Write:
                return new WriteResponseInfo((int)Math.Min(r.U32(B + 4), int.MaxValue));
            case Smb2Command.TreeConnect:
                return new TreeConnectResponseInfo(r.U8(B + 2));
            default:
                return OtherResponseInfo.Instance;
        }
    }
}
