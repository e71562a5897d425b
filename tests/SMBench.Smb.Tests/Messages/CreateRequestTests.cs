using System.Text;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class CreateRequestTests
{
    private static readonly Guid LeaseKey = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid ParentKey = Guid.Parse("ffeeddcc-bbaa-9988-7766-554433221100");
    private static readonly Guid CreateGuid = Guid.Parse("12345678-9abc-def0-1234-56789abcdef0");

    private static CreateRequest Sample() => new()
    {
        RequestedOplockLevel = OplockLevel.Lease,
        ImpersonationLevel = ImpersonationLevel.Impersonation,
        DesiredAccess = FileAccessMask.GenericRead | FileAccessMask.GenericWrite | FileAccessMask.Delete,
        FileAttributes = SmbFileAttributes.Normal,
        ShareAccess = ShareAccess.Read | ShareAccess.Write,
        CreateDisposition = CreateDisposition.OpenIf,
        CreateOptions = CreateOptions.NonDirectoryFile | CreateOptions.WriteThrough,
        Name = @"dir\file.txt",
        CreateContexts =
        [
            new DurableHandleRequestV2(60_000, DurableHandleFlags.Persistent, CreateGuid),
            new LeaseContext
            {
                LeaseKey = LeaseKey, LeaseState = LeaseState.ReadCaching | LeaseState.HandleCaching,
                Flags = LeaseFlags.ParentLeaseKeySet, ParentLeaseKey = ParentKey, Epoch = 3, Version = 2,
            },
            new MaximalAccessRequest(),
            new QueryOnDiskIdRequest(),
            new RawCreateContext("AAPL", [1, 2, 3]),
        ],
    };

    [Fact]
    public void Round_trips_every_field_and_context()
    {
        var original = Sample();
        var parsed = CreateRequest.Parse(Encode(original));

        Assert.Equal(original.RequestedOplockLevel, parsed.RequestedOplockLevel);
        Assert.Equal(original.ImpersonationLevel, parsed.ImpersonationLevel);
        Assert.Equal(original.DesiredAccess, parsed.DesiredAccess);
        Assert.Equal(original.FileAttributes, parsed.FileAttributes);
        Assert.Equal(original.ShareAccess, parsed.ShareAccess);
        Assert.Equal(original.CreateDisposition, parsed.CreateDisposition);
        Assert.Equal(original.CreateOptions, parsed.CreateOptions);
        Assert.Equal(original.Name, parsed.Name);
        Assert.Equal(5, parsed.CreateContexts.Count);
        Assert.Equal(original.CreateContexts[0], parsed.CreateContexts[0]);
        Assert.Equal(original.CreateContexts[1], parsed.CreateContexts[1]);
        Assert.Equal(original.CreateContexts[2], parsed.CreateContexts[2]);
        Assert.IsType<QueryOnDiskIdRequest>(parsed.CreateContexts[3]);
        var raw = Assert.IsType<RawCreateContext>(parsed.CreateContexts[4]);
        Assert.Equal("AAPL", raw.Name);
        Assert.Equal(new byte[] { 1, 2, 3 }, raw.Data);
        Assert.Equal(ParentKey, parsed.Find<LeaseContext>()!.ParentLeaseKey);
    }

    [Fact]
    public void Layout_matches_the_spec_offsets()
    {
        var msg = Encode(Sample());
        Assert.Equal(57, U16(msg, 64));
        Assert.Equal(0xFF, msg[64 + 3]);
        Assert.Equal(0x78, U16(msg, 64 + 44));                  // NameOffset: header + 56-byte fixed part
        Assert.Equal(@"dir\file.txt".Length * 2, U16(msg, 64 + 46));
        Assert.Equal(@"dir\file.txt", Encoding.Unicode.GetString(msg, 0x78, 24));
        var contextsOffset = (int)U32(msg, 64 + 48);
        Assert.Equal(0x78 + 24, contextsOffset);                // 0x90, already 8-aligned
        Assert.Equal(0, contextsOffset % 8);
        Assert.Equal((uint)(msg.Length - contextsOffset), U32(msg, 64 + 52));

        // First context: DH2Q with a 4-byte name at 16 and 32 bytes of data at 24; next at 56.
        var c = contextsOffset;
        Assert.Equal(56u, U32(msg, c));
        Assert.Equal(16, U16(msg, c + 4));
        Assert.Equal(4, U16(msg, c + 6));
        Assert.Equal(24, U16(msg, c + 10));
        Assert.Equal(32u, U32(msg, c + 12));
        Assert.Equal("DH2Q", Encoding.ASCII.GetString(msg, c + 16, 4));
        Assert.Equal(60_000u, U32(msg, c + 24));
        Assert.Equal(2u, U32(msg, c + 28));

        // Second: RqLs v2, 52 bytes of data → entry 76, next 80.
        c += 56;
        Assert.Equal(80u, U32(msg, c));
        Assert.Equal(52u, U32(msg, c + 12));
        Assert.Equal("RqLs", Encoding.ASCII.GetString(msg, c + 16, 4));
        Assert.Equal(LeaseKey.ToByteArray(), msg.AsSpan(c + 24, 16).ToArray());
        Assert.Equal(3u, U32(msg, c + 24 + 16));                // LeaseState R|H
        Assert.Equal(4u, U32(msg, c + 24 + 20));                // PARENT_LEASE_KEY_SET
        Assert.Equal(3, U16(msg, c + 24 + 48));                 // Epoch

        // Third: MxAc without data → DataOffset 0, entry 20, next 24.
        c += 80;
        Assert.Equal(24u, U32(msg, c));
        Assert.Equal(0, U16(msg, c + 10));
        Assert.Equal(0u, U32(msg, c + 12));
    }

    [Fact]
    public void Lease_v1_is_32_bytes_and_parses_as_version_1()
    {
        var request = new CreateRequest
        {
            Name = "a",
            CreateContexts = [new LeaseContext { LeaseKey = LeaseKey, LeaseState = LeaseState.ReadCaching, Version = 1 }],
        };
        var msg = Encode(request);
        Assert.Equal(32u, U32(msg, (int)U32(msg, 64 + 48) + 12));
        var lease = CreateRequest.Parse(msg).Find<LeaseContext>()!;
        Assert.Equal(1, lease.Version);
        Assert.Equal(LeaseKey, lease.LeaseKey);
        Assert.Equal(LeaseState.ReadCaching, lease.LeaseState);
    }

    [Fact]
    public void Reconnect_contexts_round_trip()
    {
        var fid = new FileId(1, 2);
        var request = new CreateRequest
        {
            Name = "x",
            CreateContexts = [new DurableHandleReconnect(fid), new DurableHandleReconnectV2(fid, CreateGuid, DurableHandleFlags.None), new DurableHandleRequest()],
        };
        var parsed = CreateRequest.Parse(Encode(request));
        Assert.Equal(request.CreateContexts[0], parsed.CreateContexts[0]);
        Assert.Equal(request.CreateContexts[1], parsed.CreateContexts[1]);
        Assert.IsType<DurableHandleRequest>(parsed.CreateContexts[2]);
    }

    [Fact]
    public void Allocation_size_and_timewarp_contexts_round_trip()
    {
        var request = new CreateRequest
        {
            Name = "big.bin",
            CreateContexts = [new AllocationSizeRequest(1 << 30), new TimewarpTokenRequest(133_000_000_000_000_000), new RawCreateContext("SecD", new byte[20])],
        };
        var parsed = CreateRequest.Parse(Encode(request));
        Assert.Equal(request.CreateContexts[0], parsed.CreateContexts[0]);
        Assert.Equal(request.CreateContexts[1], parsed.CreateContexts[1]);
        Assert.Equal(20, Assert.IsType<RawCreateContext>(parsed.CreateContexts[2]).Data.Length);
    }

    [Fact]
    public void Empty_name_without_contexts_still_sends_one_buffer_byte()
    {
        var msg = Encode(new CreateRequest { CreateDisposition = CreateDisposition.Open, CreateOptions = CreateOptions.DirectoryFile });
        Assert.Equal(64 + 57, msg.Length);
        Assert.Equal(0, U16(msg, 64 + 46));
        Assert.Equal("", CreateRequest.Parse(msg).Name);
    }

    [Fact]
    public void Hostile_offsets_and_lengths_are_rejected_with_protocol_exceptions()
    {
        var good = Encode(Sample());
        AssertEveryTruncationRejected(good, b => CreateRequest.Parse(b), good.Length);

        var nameOut = (byte[])good.Clone();
        Put16(nameOut, 64 + 46, 0xFFFE);
        Assert.Contains("Name", Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(nameOut)).Message, StringComparison.Ordinal);

        var ctxOverflow = (byte[])good.Clone();
        Put32(ctxOverflow, 64 + 52, uint.MaxValue);
        Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(ctxOverflow));

        var ctxOffsetHuge = (byte[])good.Clone();
        Put32(ctxOffsetHuge, 64 + 48, 0xFFFFFFF0);
        Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(ctxOffsetHuge));

        var oddName = (byte[])good.Clone();
        Put16(oddName, 64 + 46, 23);
        Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(oddName));

        var badNext = (byte[])good.Clone();
        Put32(badNext, (int)U32(good, 64 + 48), 8); // Next smaller than a context header
        Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(badNext));

        var badLeaseSize = (byte[])good.Clone();
        var lease = (int)U32(good, 64 + 48) + 56;
        Put32(badLeaseSize, lease + 12, 40);
        Assert.Contains("RqLs", Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(badLeaseSize)).Message, StringComparison.Ordinal);

        var wrongSize = (byte[])good.Clone();
        Put16(wrongSize, 64, 56);
        Assert.Contains("StructureSize", Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(wrongSize)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_name_pointing_outside_its_entry_is_rejected()
    {
        var good = Encode(Sample());
        var c = (int)U32(good, 64 + 48);
        var bad = (byte[])good.Clone();
        Put16(bad, c + 4, 60); // name offset beyond the 56-byte entry
        Assert.Throws<SmbProtocolException>(() => CreateRequest.Parse(bad));
    }
}
