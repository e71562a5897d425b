using System.Buffers.Binary;
using System.Text;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>
/// AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3). The MIC field is present but zero and no MIC is claimed in the AV
/// flags, so Samba's SPNEGO does not then insist on a mechListMIC.
/// </summary>
public sealed record NtlmAuthenticateMessage(
    NtlmNegotiateFlags Flags,
    byte[] LmChallengeResponse,
    byte[] NtChallengeResponse,
    string DomainName,
    string UserName,
    string Workstation,
    byte[] EncryptedRandomSessionKey)
{
    private const int HeaderLength = 88;

    public byte[] ToArray()
    {
        var domain = Encoding.Unicode.GetBytes(DomainName);
        var user = Encoding.Unicode.GetBytes(UserName);
        var workstation = Encoding.Unicode.GetBytes(Workstation);
        var total = HeaderLength + LmChallengeResponse.Length + NtChallengeResponse.Length + domain.Length + user.Length
                    + workstation.Length + EncryptedRandomSessionKey.Length;
        var bytes = new byte[total];
        var span = bytes.AsSpan();
        NtlmMessageFormat.Signature.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 3);
        var offset = HeaderLength;
        offset = Put(span, 28, domain, offset);
        offset = Put(span, 36, user, offset);
        offset = Put(span, 44, workstation, offset);
        offset = Put(span, 12, LmChallengeResponse, offset);
        offset = Put(span, 20, NtChallengeResponse, offset);
        Put(span, 52, EncryptedRandomSessionKey, offset);
        BinaryPrimitives.WriteUInt32LittleEndian(span[60..], (uint)Flags);
        NtlmMessageFormat.Version.CopyTo(span[64..]);
        return bytes;
    }

    private static int Put(Span<byte> message, int fieldOffset, ReadOnlySpan<byte> value, int payloadOffset)
    {
        // Field lengths are 16-bit; the NT response embeds the server's TargetInfo, which a hostile server can make
        // long enough to wrap the length and send a corrupt message.
        if (value.Length > ushort.MaxValue)
            throw new NtlmException($"AUTHENTICATE field at {fieldOffset} would be {value.Length} bytes, more than an NTLM field holds (is the server's TargetInfo too long?)");
        NtlmMessageFormat.WriteField(message[fieldOffset..], value.Length, payloadOffset);
        value.CopyTo(message[payloadOffset..]);
        return payloadOffset + value.Length;
    }
}
