using System.Text;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class QueryDirectoryTests
{
    private static readonly FileId Fid = new(10, 20);

    [Fact]
    public void Request_round_trips_with_the_pattern_at_0x60()
    {
        var req = new QueryDirectoryRequest
        {
            FileInformationClass = FileInformationClass.FileIdBothDirectoryInformation,
            Flags = QueryDirectoryFlags.RestartScans,
            FileId = Fid,
            FileName = "*",
            OutputBufferLength = 65536,
        };
        var msg = Encode(req);
        Assert.Equal(33, U16(msg, 64));
        Assert.Equal(37, msg[66]);
        Assert.Equal(1, msg[67]);
        Assert.Equal(0x60, U16(msg, 64 + 24));
        Assert.Equal(2, U16(msg, 64 + 26));
        Assert.Equal("*", Encoding.Unicode.GetString(msg, 0x60, 2));
        Assert.Equal(req, QueryDirectoryRequest.Parse(msg));

        Put16(msg, 64 + 26, 4000);
        Assert.Throws<SmbProtocolException>(() => QueryDirectoryRequest.Parse(msg));
    }

    [Fact]
    public void Hand_built_FileIdBothDirectoryInformation_entries_decode()
    {
        // Two entries laid out per MS-FSCC 2.4.17: FileName at 104, ShortName at 70, FileId at 96.
        var first = new byte[SmbWireAlign(104 + 2)];
        Put32(first, 0, (uint)first.Length);
        Put32(first, 4, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(first.AsSpan(40), 0);
        Put32(first, 56, 0x10);          // directory
        Put32(first, 60, 2);
        first[68] = 2;
        Encoding.Unicode.GetBytes(".").CopyTo(first, 70);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(first.AsSpan(96), 0xABCDEF);
        Encoding.Unicode.GetBytes(".").CopyTo(first, 104);

        var second = new byte[104 + 10];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(second.AsSpan(40), 777);
        Put32(second, 56, 0x20);
        Put32(second, 60, 10);
        Encoding.Unicode.GetBytes("a.txt").CopyTo(second, 104);

        var buffer = first.Concat(second).ToArray();
        var msg = Encode(new QueryDirectoryResponse(buffer), response: true);
        var resp = QueryDirectoryResponse.Parse(msg);
        var entries = DirectoryInformation.ToList(FileInformationClass.FileIdBothDirectoryInformation, resp.OutputBuffer);

        Assert.Equal(2, entries.Count);
        Assert.Equal(".", entries[0].FileName);
        Assert.True(entries[0].IsDirectory);
        Assert.Equal(".", entries[0].ShortName);
        Assert.Equal(0xABCDEFul, entries[0].FileId);
        Assert.Equal("a.txt", entries[1].FileName);
        Assert.Equal(777, entries[1].EndOfFile);
        Assert.False(entries[1].IsDirectory);
    }

    private static int SmbWireAlign(int n) => (n + 7) & ~7;

    [Theory]
    [InlineData(FileInformationClass.FileDirectoryInformation)]
    [InlineData(FileInformationClass.FileFullDirectoryInformation)]
    [InlineData(FileInformationClass.FileIdFullDirectoryInformation)]
    [InlineData(FileInformationClass.FileBothDirectoryInformation)]
    [InlineData(FileInformationClass.FileIdBothDirectoryInformation)]
    [InlineData(FileInformationClass.FileNamesInformation)]
    [InlineData(FileInformationClass.FileIdExtdDirectoryInformation)]
    public void Every_listing_class_round_trips(FileInformationClass cls)
    {
        var withIds = cls is FileInformationClass.FileIdBothDirectoryInformation or FileInformationClass.FileIdFullDirectoryInformation or FileInformationClass.FileIdExtdDirectoryInformation;
        var withShort = cls is FileInformationClass.FileBothDirectoryInformation or FileInformationClass.FileIdBothDirectoryInformation;
        var names = cls == FileInformationClass.FileNamesInformation;
        DirectoryEntry Make(string name, long size, uint index) => new()
        {
            FileIndex = index,
            FileName = name,
            EndOfFile = names ? 0 : size,
            AllocationSize = names ? 0 : 4096,
            CreationTime = names ? 0 : 11,
            LastWriteTime = names ? 0 : 12,
            FileAttributes = names ? SmbFileAttributes.None : SmbFileAttributes.Archive,
            EaSize = names || cls == FileInformationClass.FileDirectoryInformation ? 0u : 4u,
            FileId = withIds ? 99 + index : 0,
            ShortName = withShort ? "SHORT~1.TXT" : null,
            ReparsePointTag = cls == FileInformationClass.FileIdExtdDirectoryInformation ? 0xA000000Cu : 0,
        };
        DirectoryEntry[] entries = [Make("one.txt", 1, 1), Make("zwei-längerer-name.bin", 2, 2), Make("3", 3, 3)];
        var buffer = new byte[DirectoryInformation.GetLength(cls, entries)];
        Assert.Equal(buffer.Length, DirectoryInformation.Write(cls, entries, buffer));
        Assert.Equal(entries, DirectoryInformation.ToList(cls, buffer));
    }

    [Fact]
    public void FileIdExtdDirectoryInformation_puts_tag_id_and_name_at_fscc_offsets()
    {
        DirectoryEntry[] one = [new() { FileName = "x", FileId = 0x1234, ReparsePointTag = 0xA000000C, EaSize = 9 }];
        var cls = FileInformationClass.FileIdExtdDirectoryInformation;
        var buffer = new byte[DirectoryInformation.GetLength(cls, one)];
        DirectoryInformation.Write(cls, one, buffer);
        Assert.Equal(90, buffer.Length);
        Assert.Equal(2u, U32(buffer, 60));            // FileNameLength
        Assert.Equal(9u, U32(buffer, 64));            // EaSize
        Assert.Equal(0xA000000Cu, U32(buffer, 68));   // ReparsePointTag
        Assert.Equal(0x1234ul, U64(buffer, 72));      // FileId (128-bit, low half)
        Assert.Equal(0ul, U64(buffer, 80));
        Assert.Equal((byte)'x', buffer[88]);
    }

    [Fact]
    public void Hostile_entry_chains_are_rejected()
    {
        DirectoryEntry[] entries = [new() { FileName = "a" }, new() { FileName = "b" }];
        var cls = FileInformationClass.FileDirectoryInformation;
        var buffer = new byte[DirectoryInformation.GetLength(cls, entries)];
        DirectoryInformation.Write(cls, entries, buffer);

        var loop = (byte[])buffer.Clone();
        Put32(loop, 0, 4); // NextEntryOffset smaller than the fixed part
        Assert.Throws<SmbProtocolException>(() => DirectoryInformation.ToList(cls, loop));

        var past = (byte[])buffer.Clone();
        Put32(past, 0, 100_000);
        Assert.Throws<SmbProtocolException>(() => DirectoryInformation.ToList(cls, past));

        var longName = (byte[])buffer.Clone();
        Put32(longName, 60, 0x7FFF_FFFF);
        Assert.Throws<SmbProtocolException>(() => DirectoryInformation.ToList(cls, longName));

        Assert.Throws<SmbProtocolException>(() => DirectoryInformation.ToList(cls, buffer.AsSpan(0, 40)));
        Assert.Empty(DirectoryInformation.ToList(cls, []));
    }
}
