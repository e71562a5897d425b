using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class CreateResponseTests
{
    private static readonly Guid LeaseKey = Guid.NewGuid();

    private static CreateResponse Sample() => new()
    {
        OplockLevel = OplockLevel.Lease,
        CreateAction = CreateAction.Created,
        CreationTime = 133_000_000_000_000_001,
        LastAccessTime = 2,
        LastWriteTime = 3,
        ChangeTime = 4,
        AllocationSize = 1 << 20,
        EndOfFile = 12345,
        FileAttributes = SmbFileAttributes.Archive,
        FileId = new FileId(0x11, 0x22),
        CreateContexts =
        [
            new MaximalAccessResponse(NtStatus.Success, FileAccessMask.GenericAll),
            new LeaseContext { LeaseKey = LeaseKey, LeaseState = LeaseState.ReadCaching | LeaseState.WriteCaching | LeaseState.HandleCaching, Epoch = 1 },
            new DurableHandleResponseV2(60_000, DurableHandleFlags.None),
            new QueryOnDiskIdResponse(77, 88),
            new DurableHandleResponse(),
        ],
    };

    [Fact]
    public void Round_trips_every_field_and_response_context()
    {
        var original = Sample();
        var msg = Encode(original, response: true);
        var parsed = CreateResponse.Parse(msg);

        Assert.Equal(original with { CreateContexts = parsed.CreateContexts }, parsed);
        Assert.Equal(original.CreateContexts[0], parsed.CreateContexts[0]);
        Assert.Equal(original.CreateContexts[1], parsed.CreateContexts[1]);
        Assert.Equal(original.CreateContexts[2], parsed.CreateContexts[2]);
        Assert.Equal(original.CreateContexts[3], parsed.CreateContexts[3]);
        Assert.IsType<DurableHandleResponse>(parsed.CreateContexts[4]);
    }

    [Fact]
    public void Layout_matches_the_spec_offsets()
    {
        var msg = Encode(Sample(), response: true);
        Assert.Equal(89, U16(msg, 64));
        Assert.Equal(0xFF, msg[66]);
        Assert.Equal(2u, U32(msg, 68));                 // CreateAction
        Assert.Equal(12345ul, U64(msg, 64 + 48));       // EndofFile
        Assert.Equal(0x11ul, U64(msg, 64 + 64));        // FileId.Persistent
        Assert.Equal(152u, U32(msg, 64 + 80));          // CreateContextsOffset
        Assert.Equal("MxAc", System.Text.Encoding.ASCII.GetString(msg, 152 + 16, 4));
    }

    [Fact]
    public void No_contexts_means_offset_zero_and_one_padding_byte()
    {
        var msg = Encode(new CreateResponse { FileId = new FileId(1, 1) }, response: true);
        Assert.Equal(64 + 89, msg.Length);
        Assert.Equal(0u, U32(msg, 64 + 80));
        Assert.Empty(CreateResponse.Parse(msg).CreateContexts);
    }

    [Fact]
    public void Truncations_and_bad_offsets_are_rejected()
    {
        var good = Encode(Sample(), response: true);
        AssertEveryTruncationRejected(good, b => CreateResponse.Parse(b), good.Length);
        var bad = (byte[])good.Clone();
        Put32(bad, 64 + 80, 40); // points into the header
        Assert.Throws<SmbProtocolException>(() => CreateResponse.Parse(bad));
    }
}
