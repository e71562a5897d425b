using System.Buffers.Binary;
using System.Text;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Ntlm;
using SMBench.Smb.Security.Spnego;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// SPNEGO and NTLM tokens for seeds: the security buffers of the corpus's NEGOTIATE and SESSION_SETUP messages, our
/// own client's tokens, and a CHALLENGE built here with every AV pair kind.
/// </summary>
internal static class SecurityTokenSeeds
{
    private static List<byte[]>? _buffers;

    /// <summary>Security buffers of NEGOTIATE responses and SESSION_SETUP requests/responses in the corpus.</summary>
    public static List<byte[]> SpnegoTokens()
    {
        var tokens = new List<byte[]>(CorpusBuffers())
        {
            SpnegoToken.EncodeNegTokenInit(new NtlmClient(NtlmCredential.Parse("u", "D", "p")).Negotiate()),
            SpnegoToken.EncodeNegTokenResp(BuiltChallenge()),
        };
        return tokens;
    }

    public static List<byte[]> NtlmChallenges() =>
        [.. FindNtlm(CorpusBuffers(), 2), BuiltChallenge()];

    public static List<byte[]> NtlmAuthenticates() => FindNtlm(CorpusBuffers(), 3);

    private static List<byte[]> FindNtlm(IEnumerable<byte[]> buffers, uint type)
    {
        var found = new List<byte[]>();
        foreach (var b in buffers)
        {
            var i = b.AsSpan().IndexOf("NTLMSSP\0"u8);
            if (i >= 0 && b.Length >= i + 12 && BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i + 8)) == type) found.Add(b[i..]);
        }
        return found.DistinctBy(Convert.ToHexString).Take(40).ToList();
    }

    private static List<byte[]> CorpusBuffers()
    {
        if (_buffers != null) return _buffers;
        var buffers = new List<byte[]>();
        foreach (var m in FuzzCorpus.SmbMessages())
        {
            if (m.Length < Smb2Header.Size + 8 || !Smb2Header.HasProtocolId(m)) continue;
            var command = (Smb2Command)BinaryPrimitives.ReadUInt16LittleEndian(m.AsSpan(12));
            var response = (m[16] & 1) != 0;
            var body = m.AsSpan(Smb2Header.Size);
            (int Offset, int Length)? at = (command, response) switch
            {
                (Smb2Command.Negotiate, true) when body.Length >= 64 => (BinaryPrimitives.ReadUInt16LittleEndian(body[56..]), BinaryPrimitives.ReadUInt16LittleEndian(body[58..])),
                (Smb2Command.SessionSetup, false) when body.Length >= 24 => (BinaryPrimitives.ReadUInt16LittleEndian(body[12..]), BinaryPrimitives.ReadUInt16LittleEndian(body[14..])),
                (Smb2Command.SessionSetup, true) when body.Length >= 8 => (BinaryPrimitives.ReadUInt16LittleEndian(body[4..]), BinaryPrimitives.ReadUInt16LittleEndian(body[6..])),
                _ => null,
            };
            if (at is { Length: > 0 } a && a.Offset + a.Length <= m.Length) buffers.Add(m.AsSpan(a.Offset, a.Length).ToArray());
        }
        return _buffers = buffers;
    }

    /// <summary>A CHALLENGE_MESSAGE with a target name and one AV pair of each kind, timestamp included.</summary>
    public static byte[] BuiltChallenge()
    {
        var name = Encoding.Unicode.GetBytes("DOMAIN");
        var info = new List<byte>();
        void Av(NtlmAvId id, byte[] value)
        {
            info.AddRange(BitConverter.GetBytes((ushort)id));
            info.AddRange(BitConverter.GetBytes((ushort)value.Length));
            info.AddRange(value);
        }
        Av(NtlmAvId.NbDomainName, name);
        Av(NtlmAvId.NbComputerName, Encoding.Unicode.GetBytes("SERVER"));
        Av(NtlmAvId.DnsDomainName, Encoding.Unicode.GetBytes("domain.test"));
        Av(NtlmAvId.DnsComputerName, Encoding.Unicode.GetBytes("server.domain.test"));
        Av(NtlmAvId.Flags, [2, 0, 0, 0]);
        Av(NtlmAvId.Timestamp, BitConverter.GetBytes(132_000_000_000_000_000L));
        Av(NtlmAvId.EndOfList, []);
        var message = new byte[56 + name.Length + info.Count];
        "NTLMSSP\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 2);
        WriteField(message.AsSpan(12), name.Length, 56);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(20), 0xE2898215);
        new byte[] { 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF }.CopyTo(message, 24);
        WriteField(message.AsSpan(40), info.Count, 56 + name.Length);
        name.CopyTo(message, 56);
        info.CopyTo(message, 56 + name.Length);
        return message;
    }

    private static void WriteField(Span<byte> at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], (uint)offset);
    }
}
