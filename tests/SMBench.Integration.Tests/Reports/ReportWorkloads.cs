using System.Text.Json;
using SMBench.Compiler;
using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Integration.Tests.Reports;

/// <summary>Workloads written for the report tests: known op mixes, expectations and failures.</summary>
internal static class ReportWorkloads
{
    public const int Clients = 6;
    public const int Cycles = 20;

    /// <summary>
    /// Open/write/read/close cycles with captured SMB parameters and expected statuses. Every fifth open expected
    /// STATUS_OBJECT_NAME_NOT_FOUND in the capture; a replay that opens it fine is a fidelity mismatch.
    /// A compile-report.json sits beside it, as a compiled workload has.
    /// </summary>
    public static string WithExpectations(string dir, long spanUs)
    {
        using (var writer = new WorkloadWriter(dir))
        {
            var total = Clients * Cycles * 4;
            var n = 0;
            for (var cycle = 0; cycle < Cycles; cycle++)
                for (var c = 0; c < Clients; c++)
                {
                    var client = $"client_{c:00}";
                    var h = $"h{cycle}";
                    var expectedOpen = cycle % 5 == 4 ? "STATUS_OBJECT_NAME_NOT_FOUND" : StatusText.Success;
                    var smb = new SmbOpExtensions { Disposition = 3, AccessMask = 0x0012019F, ShareAccess = 3 };
                    IrOperation[] ops =
                    [
                        new OpenOp { OpId = "", ClientId = client, TimestampUs = 0, Path = $"{client}/f{cycle % 3}.dat", Mode = OpenMode.ReadWrite, Handle = h, Smb = smb, Expected = new ExpectedResult { Status = expectedOpen } },
                        new WriteOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 512, Expected = new ExpectedResult { Status = StatusText.Success } },
                        new ReadOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 512, Expected = new ExpectedResult { Status = StatusText.Success } },
                        new CloseOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Expected = new ExpectedResult { Status = StatusText.Success } },
                    ];
                    foreach (var op in ops)
                    {
                        writer.Write(op with { OpId = $"op_{n:000000}", TimestampUs = spanUs * n / total });
                        n++;
                    }
                }
            writer.Complete(new WorkloadMetadata { Source = "report test" });
        }
        var report = new CompileReport
        {
            Input = "capture.pcapng", Workload = dir, Format = "pcapng", Frames = 4242, Connections = Clients, SmbConnections = Clients,
            Clients = Clients, OpsTotal = Clients * Cycles * 4, ByType = new Dictionary<string, long> { ["open"] = Clients * Cycles },
            Warnings = ["a test warning"],
        };
        File.WriteAllText(Path.Combine(dir, CaptureCompiler.ReportFileName), JsonSerializer.Serialize(report));
        return dir;
    }

    /// <summary>For the local backend: opens of files that do not exist fail, and the ops on their handles too.</summary>
    public static string WithFailures(string dir, long spanUs)
    {
        using var writer = new WorkloadWriter(dir);
        var n = 0;
        var total = Clients * Cycles * 3;
        for (var cycle = 0; cycle < Cycles; cycle++)
            for (var c = 0; c < Clients; c++)
            {
                var client = $"client_{c:00}";
                var h = $"h{cycle}";
                var missing = cycle % 4 == 3;
                IrOperation[] ops =
                [
                    new OpenOp { OpId = "", ClientId = client, TimestampUs = 0, Path = missing ? $"{client}-missing{cycle}.dat" : $"{client}.dat", Mode = missing ? OpenMode.Read : OpenMode.ReadWrite, Handle = h },
                    new WriteOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h, Offset = 0, Length = 128 },
                    new CloseOp { OpId = "", ClientId = client, TimestampUs = 0, Handle = h },
                ];
                foreach (var op in ops)
                {
                    writer.Write(op with { OpId = $"op_{n:000000}", TimestampUs = spanUs * n / total });
                    n++;
                }
            }
        writer.Complete(new WorkloadMetadata { Source = "report test with failures" });
        return dir;
    }
}
