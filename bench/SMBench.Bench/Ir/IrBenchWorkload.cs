using SMBench.Core.Ir;

namespace SMBench.Bench.Ir;

/// <summary>
/// A synthetic workload shaped like compiler output: many clients, each cycling open (with SMB extensions) → write →
/// read → read → stat → close on its own files, every op carrying an expected status. Deterministic, so runs compare.
/// </summary>
internal static class IrBenchWorkload
{
    /// <summary>The payload every write uses; stored in the workload's blob store so the workload validates.</summary>
    public static ReadOnlySpan<byte> Payload => "The quarterly report.\r\n"u8;

    public static IEnumerable<IrOperation> Generate(long count, int clients, string blob, bool extensions = true)
    {
        var ok = new ExpectedResult { Status = "STATUS_SUCCESS" };
        var ext = new SmbOpExtensions
        {
            AccessMask = 0x0012019F, ShareAccess = 3, Disposition = 3, CreateOptions = 0x40, RequestedOplock = 9,
        };
        var handles = new long[clients];
        for (long i = 0; i < count; i++)
        {
            var c = (int)(i % clients);
            var step = i / clients % 6;
            var id = $"op_{i + 1:D8}";
            var client = $"client_{c:D3}";
            var ts = i * 50; // 20,000 ops/s overall
            var handle = $"h{handles[c]}";
            yield return step switch
            {
                0 => new OpenOp
                {
                    OpId = id, ClientId = client, TimestampUs = ts, Mode = OpenMode.ReadWrite, Handle = handle,
                    Path = $"c{c:D3}/dir{handles[c] % 16:D2}/file{handles[c]:D6}.dat", Smb = extensions ? ext : null, Expected = ok,
                },
                1 => new WriteOp { OpId = id, ClientId = client, TimestampUs = ts, Handle = handle, Offset = 0, Length = Payload.Length, Blob = blob, Expected = ok },
                2 or 3 => new ReadOp { OpId = id, ClientId = client, TimestampUs = ts, Handle = handle, Offset = 65536 * (step - 2), Length = 65536, Expected = ok },
                4 => new StatOp { OpId = id, ClientId = client, TimestampUs = ts, Handle = handle, Expected = ok },
                _ => Close(id, client, ts, handle, handles, c, ok),
            };
        }
    }

    private static CloseOp Close(string id, string client, long ts, string handle, long[] handles, int c, ExpectedResult ok)
    {
        handles[c]++;
        return new CloseOp { OpId = id, ClientId = client, TimestampUs = ts, Handle = handle, Expected = ok };
    }
}
