using System.Buffers.Binary;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Protocol;

public class Smb2HeaderTests
{
    [Fact]
    public void Sync_header_round_trips_and_lands_on_spec_offsets()
    {
        var header = new Smb2Header
        {
            CreditCharge = 3,
            ChannelSequence = 7,
            Command = Smb2Command.Read,
            CreditRequest = 256,
            Flags = Smb2Flags.Signed | Smb2Flags.RelatedOperations,
            NextCommand = 0x68,
            MessageId = 0x1122334455667788,
            TreeId = 0xAABBCCDD,
            SessionId = 0x0102030405060708,
            Signature = new Smb2Signature(0x1111, 0x2222),
        };
        var buf = new byte[Smb2Header.Size];
        header.WriteTo(buf);

        Assert.Equal(new byte[] { 0xFE, (byte)'S', (byte)'M', (byte)'B', 64, 0 }, buf[..6]);
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(6)));
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(8)));
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(12)));
        Assert.Equal(256, BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(14)));
        Assert.Equal(0xCu, BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(16)));
        Assert.Equal(0x68u, BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(20)));
        Assert.Equal(0x1122334455667788ul, BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(24)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(32)));
        Assert.Equal(0xAABBCCDDu, BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(36)));
        Assert.Equal(0x0102030405060708ul, BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(40)));
        Assert.Equal(0x1111ul, BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(48)));

        var parsed = Smb2Header.Parse(buf);
        Assert.Equal(header, parsed);
        Assert.False(parsed.IsAsync);
        Assert.False(parsed.IsResponse);
        Assert.True(parsed.IsSigned);
    }

    [Fact]
    public void Async_header_carries_AsyncId_instead_of_TreeId()
    {
        var header = new Smb2Header
        {
            Status = NtStatus.Pending,
            Command = Smb2Command.Create,
            Flags = Smb2Flags.ServerToRedir | Smb2Flags.AsyncCommand,
            MessageId = 9,
            AsyncId = 0xDEADBEEF00000001,
            SessionId = 5,
        };
        var buf = new byte[64];
        header.WriteTo(buf);
        Assert.Equal(0xDEADBEEF00000001ul, BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(32)));

        var parsed = Smb2Header.Parse(buf);
        Assert.True(parsed.IsAsync);
        Assert.True(parsed.IsResponse);
        Assert.Equal(NtStatus.Pending, parsed.Status);
        Assert.Equal(0xDEADBEEF00000001ul, parsed.AsyncId);
        Assert.Equal(0u, parsed.TreeId);
    }

    [Fact]
    public void Rejects_truncated_wrong_protocol_and_wrong_structure_size()
    {
        var buf = new byte[64];
        new Smb2Header { Command = Smb2Command.Echo }.WriteTo(buf);

        Assert.Throws<SmbProtocolException>(() => Smb2Header.Parse(buf.AsSpan(0, 63)));
        var smb1 = (byte[])buf.Clone();
        smb1[0] = 0xFF;
        var ex = Assert.Throws<SmbProtocolException>(() => Smb2Header.Parse(smb1));
        Assert.Contains("ProtocolId", ex.Message, StringComparison.Ordinal);
        var badSize = (byte[])buf.Clone();
        badSize[4] = 65;
        Assert.Throws<SmbProtocolException>(() => Smb2Header.Parse(badSize));
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Theory]
    [InlineData(0xFF, SmbProtocolKind.Smb1)]
    [InlineData(0xFE, SmbProtocolKind.Smb2)]
    [InlineData(0xFD, SmbProtocolKind.Transform)]
    [InlineData(0xFC, SmbProtocolKind.Compression)]
    [InlineData(0x00, SmbProtocolKind.Unknown)]
    public void Protocol_ids_are_identified(byte first, SmbProtocolKind kind)
    {
        Assert.Equal(kind, SmbProtocolIds.Identify([first, (byte)'S', (byte)'M', (byte)'B', 0]));
        Assert.Equal(SmbProtocolKind.Unknown, SmbProtocolIds.Identify([first, (byte)'S']));
    }

    [Fact]
    public void Unsolicited_break_is_recognised_by_MessageId()
    {
        var header = new Smb2Header { Command = Smb2Command.OplockBreak, MessageId = ulong.MaxValue };
        Assert.True(header.IsUnsolicited);
    }
}
