using System.Security.Cryptography;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Core.Tests.Ir;

/// <summary>The seed's example workload (samples/seed-example) is the contract: it must read and validate as is.</summary>
public sealed class SeedExampleTests
{
    [Fact]
    public void Seed_example_validates_without_errors()
    {
        var report = new WorkloadValidator().Validate(RepoPaths.SeedExample);
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Message)));
        Assert.Equal(13, report.OpsTotal);
        Assert.Equal(2, report.Clients);
        Assert.Equal(0.25, report.DurationSeconds, 9);
        Assert.Equal(
            new Dictionary<string, long> { ["close"] = 3, ["delete"] = 1, ["open"] = 3, ["read"] = 2, ["rename"] = 2, ["write"] = 2 },
            report.ByType);
    }

    [Fact]
    public void Seed_header_matches_its_operations()
    {
        var reader = WorkloadReader.Open(RepoPaths.SeedExample);
        Assert.False(reader.IsJsonLines);
        Assert.Equal(1, reader.Header.Version);
        Assert.Equal(2, reader.Header.Metadata.ClientCount);
        Assert.Equal(0.25, reader.Header.Metadata.DurationSeconds);
        var perClient = reader.ReadOperations().GroupBy(o => o.ClientId).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(reader.Header.Clients.ToDictionary(c => c.ClientId, c => c.OperationCount), perClient);
    }

    [Fact]
    public void Seed_top_level_extensions_attach_to_their_opens()
    {
        var ops = WorkloadReader.Open(RepoPaths.SeedExample).ReadOperations().ToDictionary(o => o.OpId);

        var first = ops["op_000001"].Smb!;
        Assert.Equal(0x0012019Fu, first.AccessMask);
        Assert.Equal(1u, first.ShareAccess);
        Assert.Equal(3u, first.Disposition);
        Assert.Equal(0x40u, first.CreateOptions);
        Assert.Equal((byte)9, first.RequestedOplock);
        Assert.Equal("[\"DHnQ\"]", IrAssert.Canonical(first.Extra!["create_contexts"]));

        var leased = ops["op_000004"].Smb!;
        Assert.Equal(3u, leased.ShareAccess);
        Assert.Equal((byte)0xFF, leased.RequestedOplock);
        Assert.Equal(new LeaseRequest("00112233445566778899aabbccddeeff", "RWH", 2), leased.Lease);

        var shared = ops["op_000008"].Smb!;
        Assert.Equal(0x00120089u, shared.AccessMask);
        Assert.Equal(1u, shared.Disposition);
        Assert.Equal((byte)1, shared.RequestedOplock);

        Assert.Equal(["op_000001", "op_000004", "op_000008"], ops.Values.Where(o => o.Smb != null).Select(o => o.OpId));
    }

    [Fact]
    public void Seed_blobs_are_content_addressed_and_blob_path_is_an_alias()
    {
        var ops = WorkloadReader.Open(RepoPaths.SeedExample).ReadOperations().OfType<WriteOp>().ToList();
        Assert.Equal(2, ops.Count);
        Assert.All(ops, o => Assert.StartsWith("blobs/", o.Blob, StringComparison.Ordinal));
        var store = new BlobStore(RepoPaths.SeedExample);
        foreach (var write in ops)
        {
            var bytes = new byte[write.Length];
            store.Read(write.Blob!, bytes);
            Assert.Equal(Path.GetFileName(write.Blob), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }
}
