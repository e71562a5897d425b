using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Messages;

/// <summary>Test helpers: encode a body behind a header, and read little-endian fields at spec offsets.</summary>
internal static class Wire
{
    public static byte[] Encode<T>(T message, bool response = false)
        where T : ISmb2Message, allows ref struct
    {
        var buffer = new byte[Smb2Header.Size + message.BodyLength];
        new Smb2Header { Command = message.Command, Flags = response ? Smb2Flags.ServerToRedir : Smb2Flags.None }.WriteTo(buffer);
        var written = message.WriteTo(buffer);
        Assert.Equal(buffer.Length, written);
        return buffer;
    }

    /// <summary>A message with a header and a hand-built body, for byte-exact layout tests.</summary>
    public static byte[] Message(Smb2Command command, byte[] body)
    {
        var buffer = new byte[Smb2Header.Size + body.Length];
        new Smb2Header { Command = command }.WriteTo(buffer);
        body.CopyTo(buffer, Smb2Header.Size);
        return buffer;
    }

    public static ushort U16(byte[] b, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(offset));

    public static uint U32(byte[] b, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset));

    public static ulong U64(byte[] b, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(offset));

    public static void Put16(byte[] b, int offset, int value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(offset), (ushort)value);

    public static void Put32(byte[] b, int offset, uint value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset), value);

    /// <summary>Every prefix shorter than the message must fail with SmbProtocolException, never anything else.</summary>
    public static void AssertEveryTruncationRejected(byte[] message, Action<byte[]> parse, int minimumValid)
    {
        for (var length = 0; length < minimumValid; length++)
        {
            var cut = message.AsSpan(0, length).ToArray();
            Assert.Throws<SmbProtocolException>(() => parse(cut));
        }
    }
}
