using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages;

/// <summary>
/// SMB2 ERROR Context (MS-SMB2 §2.2.2.1), carried in an ERROR response's ErrorData when ErrorContextCount is
/// non-zero (3.1.1): ErrorDataLength, ErrorId, data; each context 8-byte aligned.
/// </summary>
public sealed record ErrorContext(uint ErrorId, byte[] ErrorContextData)
{
    public const uint DefaultErrorId = 0x0000_0000;

    /// <summary>SMB2_ERROR_ID_SHARE_REDIRECT ("SRdr" little-endian).</summary>
    public const uint ShareRedirectErrorId = 0x7264_5253;

    private const int HeaderLength = 8;

    /// <summary>Parses <paramref name="count"/> contexts from ErrorData; checks every length before copying.</summary>
    public static IReadOnlyList<ErrorContext> ParseList(ReadOnlySpan<byte> errorData, int count)
    {
        var result = new List<ErrorContext>(Math.Min(count, 16));
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            if (errorData.Length - offset < HeaderLength)
                throw new SmbProtocolException($"ERROR context {i}: {errorData.Length - offset} bytes left, a context header needs {HeaderLength}");
            var rest = errorData[offset..];
            var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            var data = SmbWire.SliceLocal(rest, HeaderLength, length, "ERROR context data, index", i);
            result.Add(new ErrorContext(BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]), data.ToArray()));
            offset += Math.Min(SmbWire.Align8(HeaderLength + (int)length), rest.Length);
        }
        return result;
    }

    public static byte[] ToArray(IReadOnlyList<ErrorContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var total = 0;
        for (var i = 0; i < contexts.Count; i++)
        {
            var len = HeaderLength + contexts[i].ErrorContextData.Length;
            total += i < contexts.Count - 1 ? SmbWire.Align8(len) : len;
        }
        var bytes = new byte[total];
        var offset = 0;
        foreach (var c in contexts)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), (uint)c.ErrorContextData.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), c.ErrorId);
            c.ErrorContextData.CopyTo(bytes, offset + HeaderLength);
            offset += SmbWire.Align8(HeaderLength + c.ErrorContextData.Length);
        }
        return bytes;
    }
}
