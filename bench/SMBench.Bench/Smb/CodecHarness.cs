using System.Diagnostics;
using System.Globalization;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;

namespace SMBench.Bench.Smb;

/// <summary>
/// Parse throughput of the SMB2 codecs the capture compiler runs per message: header, compound walk, CREATE
/// request/response with contexts, READ response (64 KiB), WRITE request, a 50-entry directory listing.
/// Prints ns/op, Mops/s and allocated bytes/op. Args: [iterations per case, default 2,000,000].
/// </summary>
public sealed class CodecHarness : IBenchHarness
{
    public string Name => "smb-codecs";

    public string Description => "SMB2 message parse throughput (header, CREATE, READ, WRITE, directory listing)";

    public Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var fid = new FileId(0x1111, 0x2222);

        var header = Message(new EchoRequest());
        var create = Message(new CreateRequest
        {
            RequestedOplockLevel = OplockLevel.Lease,
            DesiredAccess = FileAccessMask.GenericRead | FileAccessMask.GenericWrite,
            ShareAccess = ShareAccess.Read | ShareAccess.Write,
            CreateDisposition = CreateDisposition.OpenIf,
            Name = @"projects\2026\report-final-v3.docx",
            CreateContexts = [new LeaseContext { LeaseKey = Guid.NewGuid(), LeaseState = LeaseState.ReadCaching | LeaseState.HandleCaching }, new DurableHandleRequestV2(60000, 0, Guid.NewGuid()), new MaximalAccessRequest(), new QueryOnDiskIdRequest()],
        });
        var createResponse = Message(new CreateResponse
        {
            OplockLevel = OplockLevel.Lease, CreateAction = CreateAction.Opened, FileId = fid,
            CreateContexts = [new MaximalAccessResponse(NtStatus.Success, FileAccessMask.GenericAll), new LeaseContext { LeaseKey = Guid.NewGuid(), LeaseState = LeaseState.ReadCaching }],
        });
        var read = Message(new ReadResponse(new byte[65536]));
        var write = Message(new WriteRequest(fid, 0, new byte[65536]));
        var compound = Smb2Compound.Build([create, Message(new CloseRequest(fid))]);
        var entries = Enumerable.Range(0, 50).Select(i => new DirectoryEntry { FileName = $"file-{i:D4}.dat", EndOfFile = i * 4096L }).ToArray();
        var listing = new byte[DirectoryInformation.GetLength(FileInformationClass.FileIdBothDirectoryInformation, entries)];
        DirectoryInformation.Write(FileInformationClass.FileIdBothDirectoryInformation, entries, listing);
        var directory = Message(new QueryDirectoryResponse(listing));

        Console.WriteLine($"{"case",-34} {"ns/op",10} {"Mops/s",8} {"B/op",8}");
        Run("Smb2Header.Parse", iterations, () => Smb2Header.Parse(header).MessageId);
        Run("Smb2Compound walk (2 parts)", iterations, () => (ulong)Smb2Compound.CountParts(compound));
        Run("CreateRequest.Parse (4 contexts)", iterations / 4, () => (ulong)CreateRequest.Parse(create).CreateContexts.Count);
        Run("CreateResponse.Parse (2 contexts)", iterations / 4, () => CreateResponse.Parse(createResponse).FileId.Volatile);
        Run("ReadResponse.Parse (64 KiB)", iterations, () => (ulong)ReadResponse.Parse(read).DataLength);
        Run("WriteRequest.Parse (64 KiB)", iterations, () => WriteRequest.Parse(write).Offset + (ulong)WriteRequest.Parse(write).Length);
        Run("QueryDirectory 50 entries", iterations / 50, () =>
        {
            ulong n = 0;
            foreach (var e in QueryDirectoryResponse.Parse(directory).Entries(FileInformationClass.FileIdBothDirectoryInformation)) n += (ulong)e.FileName.Length;
            return n;
        });
        return Task.FromResult(0);
    }

    private static byte[] Message<T>(T body) where T : ISmb2Message, allows ref struct
    {
        var buffer = new byte[Smb2Header.Size + body.BodyLength];
        new Smb2Header { Command = body.Command, MessageId = 42 }.WriteTo(buffer);
        body.WriteTo(buffer);
        return buffer;
    }

    private static void Run(string name, int iterations, Func<ulong> op)
    {
        ulong sink = 0;
        for (var i = 0; i < Math.Min(iterations, 10_000); i++) sink += op(); // warm up (tiered JIT)
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) sink += op();
        sw.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)iterations;
        var ns = sw.Elapsed.TotalNanoseconds / iterations;
        Console.WriteLine($"{name,-34} {ns,10:F1} {1000 / ns,8:F2} {bytes,8:F0}" + (sink == 42 ? " " : ""));
    }
}
