using System.Buffers.Binary;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Messages;

/// <summary>
/// One SMB 3.1.1 NEGOTIATE context (MS-SMB2 §2.2.3.1): ContextType, DataLength, 4 reserved bytes, Data. In a list
/// each context starts 8-byte aligned from the start of the SMB2 header.
/// </summary>
public sealed record NegotiateContext(NegotiateContextType ContextType, byte[] Data)
{
    public const int HeaderLength = 8;

    public int Length => HeaderLength + Data.Length;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)ContextType);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], 0);
        Data.CopyTo(destination[HeaderLength..]);
    }

    /// <summary>PREAUTH_INTEGRITY_CAPABILITIES offering SHA-512 with the given salt.</summary>
    public static NegotiateContext PreauthIntegrity(ReadOnlySpan<byte> salt)
    {
        var data = new byte[6 + salt.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), (ushort)salt.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), 0x0001); // SHA-512
        salt.CopyTo(data.AsSpan(6));
        return new NegotiateContext(NegotiateContextType.PreauthIntegrityCapabilities, data);
    }

    public static NegotiateContext Encryption(IReadOnlyList<Smb2CipherId> ciphers)
        => new(NegotiateContextType.EncryptionCapabilities, CountedList(ciphers.Select(c => (ushort)c).ToArray()));

    public static NegotiateContext Signing(IReadOnlyList<NegotiateSigningAlgorithm> algorithms)
        => new(NegotiateContextType.SigningCapabilities, CountedList(algorithms.Select(a => (ushort)a).ToArray()));

    /// <summary>The first id of an ENCRYPTION or SIGNING context (a server answers with exactly one).</summary>
    public ushort FirstId()
    {
        SmbWire.Need(Data, 4, $"negotiate context {ContextType}");
        var count = BinaryPrimitives.ReadUInt16LittleEndian(Data);
        return count == 0 ? (ushort)0 : BinaryPrimitives.ReadUInt16LittleEndian(Data.AsSpan(2));
    }

    private static byte[] CountedList(ushort[] ids)
    {
        var data = new byte[2 + 2 * ids.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)ids.Length);
        for (var i = 0; i < ids.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2 + 2 * i), ids[i]);
        return data;
    }

    /// <summary>Reads <paramref name="count"/> contexts starting at <paramref name="offset"/> from the header start.</summary>
    public static List<NegotiateContext> ParseList(ReadOnlySpan<byte> message, int offset, int count)
    {
        var list = new List<NegotiateContext>(count);
        for (var i = 0; i < count; i++)
        {
            offset = SmbWire.Align8(offset);
            var head = SmbWire.SliceLocal(message, offset, HeaderLength, "negotiate context header");
            var type = (NegotiateContextType)BinaryPrimitives.ReadUInt16LittleEndian(head);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(head[2..]);
            var data = SmbWire.SliceLocal(message, offset + HeaderLength, length, $"negotiate context {type}");
            list.Add(new NegotiateContext(type, data.ToArray()));
            offset += HeaderLength + length;
        }
        return list;
    }
}
