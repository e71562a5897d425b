using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>"DHnC" (§2.2.13.2.4): reopen a durable v1 handle by its FileId — 16 bytes.</summary>
public sealed record DurableHandleReconnect(FileId FileId) : CreateContext
{
    public const int Length = 16;

    public override string Name => CreateContextNames.DurableHandleReconnect;

    public override int DataLength => Length;

    public static DurableHandleReconnect Parse(ReadOnlySpan<byte> data)
    {
        SmbWire.Need(data, Length, "DHnC create context");
        return new DurableHandleReconnect(FileId.Parse(data));
    }

    public override void WriteData(Span<byte> destination) => FileId.WriteTo(destination);
}
