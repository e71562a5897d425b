using System.Text.Json;
using SMBench.Core.Ir;

namespace SMBench.Core.Tests.Ir;

/// <summary>One operation of every IR type with every field set (and non-default), for round trips.</summary>
public static class SampleOps
{
    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static SmbOpExtensions FullExtensions() => new()
    {
        AccessMask = 0x0012019F,
        ShareAccess = 7,
        Disposition = 3,
        CreateOptions = 0x00000044,
        FileAttributes = 0x80,
        RequestedOplock = 0xFF,
        Lease = new LeaseRequest("00112233445566778899aabbccddeeff", "RWH", 2, "ffeeddccbbaa99887766554433221100", 3),
        Durable = new DurableRequest(2, 60000, true, "0f0e0d0c-0b0a-0908-0706-050403020100"),
        OnBreak = [new BreakResponse("ack", "RH"), new BreakResponse("close")],
        Extra = new Dictionary<string, JsonElement>
        {
            ["create_contexts"] = Json("""["DH2Q","RqLs"]"""),
            ["impersonation"] = Json("2"),
        },
    };

    public static ExpectedResult FullExpected(string status = "STATUS_SUCCESS") => new()
    {
        Status = status,
        OplockLevel = "batch",
        LeaseState = "RH",
        CreateAction = "created",
        Bytes = 4096,
    };

    /// <summary>A valid client timeline using every op type, each with every field it has.</summary>
    public static IReadOnlyList<IrOperation> EveryType(string client = "c1", string prefix = "op")
    {
        long t = 0;
        var n = 0;
        string Id() => $"{prefix}_{++n:D3}";
        long Ts() => t += 1000;
        return
        [
            new MkdirOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub", Expected = FullExpected() },
            new OpenOp
            {
                OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub/file.txt", Mode = OpenMode.ReadWrite,
                Handle = "h1", Directory = false, Smb = FullExtensions(), Expected = FullExpected(),
            },
            new WriteOp
            {
                OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", Offset = 8192, Length = 5,
                Blob = "blobs/abc", Expected = new ExpectedResult { Status = "STATUS_SUCCESS", Bytes = 5 },
            },
            new ReadOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", Offset = 4096, Length = 100,
                Expected = new ExpectedResult { Status = "STATUS_END_OF_FILE" } },
            new StatOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1" },
            new TruncateOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", Length = 12345 },
            new FlushOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1" },
            new LockOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", Offset = 10, Length = 20,
                Exclusive = false, FailImmediately = false },
            new UnlockOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", Offset = 10, Length = 20 },
            new IoctlOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1", CtlCode = 0x00140204,
                InputLength = 24, MaxOutputLength = 65536, Expected = new ExpectedResult { Status = "0xC0DEC0DE" } },
            new CloseOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h1" },
            new OpenOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir", Mode = OpenMode.Read,
                Handle = "h2", Directory = true },
            new CloseOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Handle = "h2" },
            new StatOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub/file.txt" },
            new ListOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub", Pattern = "*.txt" },
            new RenameOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), SourcePath = "dir/sub/file.txt",
                DestPath = "dir/sub/final.txt", ReplaceIfExists = true },
            new DeleteOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub/final.txt",
                Expected = new ExpectedResult { Status = "STATUS_OBJECT_NAME_NOT_FOUND" } },
            new RmdirOp { OpId = Id(), ClientId = client, TimestampUs = Ts(), Path = "dir/sub" },
        ];
    }
}
