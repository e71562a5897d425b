using System.Buffers.Binary;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2): what the client needs from the server's answer.</summary>
public sealed record NtlmChallengeMessage(NtlmNegotiateFlags Flags, byte[] ServerChallenge, byte[] TargetInfo, string TargetName)
{
    public static NtlmChallengeMessage Parse(ReadOnlySpan<byte> message)
    {
        NtlmMessageFormat.CheckHeader(message, 2, 48);
        var targetName = NtlmMessageFormat.ReadField(message, 12);
        var flags = (NtlmNegotiateFlags)BinaryPrimitives.ReadUInt32LittleEndian(message[20..]);
        var challenge = message.Slice(24, 8).ToArray();
        var targetInfo = NtlmMessageFormat.ReadField(message, 40);
        return new NtlmChallengeMessage(flags, challenge, targetInfo.ToArray(),
            System.Text.Encoding.Unicode.GetString(targetName));
    }

    /// <summary>The server's MsvAvTimestamp (FILETIME), if its TargetInfo carries one.</summary>
    public long? Timestamp
    {
        get
        {
            ReadOnlySpan<byte> info = TargetInfo;
            while (info.Length >= 4)
            {
                var id = (NtlmAvId)BinaryPrimitives.ReadUInt16LittleEndian(info);
                var len = BinaryPrimitives.ReadUInt16LittleEndian(info[2..]);
                if (id == NtlmAvId.EndOfList || info.Length < 4 + len) return null;
                if (id == NtlmAvId.Timestamp && len == 8) return BinaryPrimitives.ReadInt64LittleEndian(info[4..]);
                info = info[(4 + len)..];
            }
            return null;
        }
    }
}
