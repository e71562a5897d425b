using System.Buffers.Binary;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Protocol;

public class Smb2CompoundTests
{
    private static byte[] Part(Smb2Command command, int bodyLength)
    {
        var part = new byte[Smb2Header.Size + bodyLength];
        new Smb2Header { Command = command, MessageId = (ulong)command }.WriteTo(part);
        for (var i = Smb2Header.Size; i < part.Length; i++) part[i] = 0xAB;
        return part;
    }

    [Fact]
    public void Build_pads_to_eight_and_links_NextCommand_and_Enumerate_walks_it_back()
    {
        var create = Part(Smb2Command.Create, 57 + 12); // 133 bytes → padded to 136
        var read = Part(Smb2Command.Read, 49);          // 113 bytes → padded to 120
        var close = Part(Smb2Command.Close, 24);         // last: not padded

        var compound = Smb2Compound.Build([create, read, close]);

        Assert.Equal(136 + 120 + 88, compound.Length);
        Assert.Equal(136u, BinaryPrimitives.ReadUInt32LittleEndian(compound.AsSpan(20)));
        Assert.Equal(120u, BinaryPrimitives.ReadUInt32LittleEndian(compound.AsSpan(136 + 20)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(compound.AsSpan(256 + 20)));
        Assert.Equal(0, compound[135]); // padding is zero

        var commands = new List<Smb2Command>();
        var offsets = new List<int>();
        var e = Smb2Compound.Enumerate(compound);
        while (e.MoveNext())
        {
            commands.Add(Smb2Header.Parse(e.Current).Command);
            offsets.Add(e.CurrentOffset);
        }
        Assert.Equal([Smb2Command.Create, Smb2Command.Read, Smb2Command.Close], commands);
        Assert.Equal([0, 136, 256], offsets);
        Assert.Equal(3, Smb2Compound.CountParts(compound));
    }

    [Fact]
    public void BuildInto_matches_Build_and_checks_room()
    {
        var a = Part(Smb2Command.Create, 57);
        var b = Part(Smb2Command.Close, 24);
        var expected = Smb2Compound.Build([a, b]);
        var buffer = new byte[512];
        buffer.AsSpan().Fill(0xEE);
        var n = Smb2Compound.BuildInto(buffer, a, b);
        Assert.Equal(expected, buffer[..n]);
        Assert.Throws<ArgumentException>(() => Smb2Compound.BuildInto(new byte[100], a, b));
    }

    [Fact]
    public void Single_message_is_one_part()
    {
        Assert.Equal(1, Smb2Compound.CountParts(Part(Smb2Command.Echo, 4)));
    }

    [Theory]
    [InlineData(8u)]        // shorter than a header
    [InlineData(100u)]      // not aligned
    [InlineData(0x10000u)]  // past the end
    [InlineData(136u)]      // exactly the end: promises a part that is not there
    public void Hostile_NextCommand_is_rejected(uint next)
    {
        var buf = new byte[136];
        new Smb2Header { Command = Smb2Command.Create, NextCommand = next }.WriteTo(buf);
        Assert.Throws<SmbProtocolException>(() => Smb2Compound.CountParts(buf));
    }

    [Fact]
    public void Second_part_without_protocol_id_is_rejected()
    {
        var buf = new byte[64 + 64];
        new Smb2Header { Command = Smb2Command.Create, NextCommand = 64 }.WriteTo(buf);
        var ex = Assert.Throws<SmbProtocolException>(() => Smb2Compound.CountParts(buf));
        Assert.Contains("offset 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileId_round_trips_and_knows_the_related_value()
    {
        var id = new FileId(0x0102030405060708, 0x1112131415161718);
        var buf = new byte[16];
        id.WriteTo(buf);
        Assert.Equal(8, buf[0]);
        Assert.Equal(0x18, buf[8]);
        Assert.Equal(id, FileId.Parse(buf));
        Assert.True(FileId.Related.IsRelated);
        Assert.False(id.IsRelated);
        Assert.Throws<SmbProtocolException>(() => FileId.Parse(buf.AsSpan(0, 15)));
    }
}
