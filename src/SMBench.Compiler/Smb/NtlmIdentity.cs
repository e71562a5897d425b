using System.Buffers.Binary;
using System.Text;

namespace SMBench.Compiler.Smb;

/// <summary>
/// The domain and user of an NTLMSSP AUTHENTICATE message (MS-NLMP §2.2.1.3) found inside a SESSION_SETUP
/// security buffer. The capture needs only these two fields, so the SPNEGO wrapping is not decoded: the
/// "NTLMSSP\0" signature with message type 3 is located directly, which also copes with raw NTLMSSP.
/// </summary>
public sealed record NtlmIdentity(string Domain, string User)
{
    private static ReadOnlySpan<byte> Signature => "NTLMSSP\0"u8;

    public override string ToString() => Domain.Length == 0 ? User : Domain + "\\" + User;

    public static NtlmIdentity? Find(ReadOnlySpan<byte> securityBuffer)
    {
        var at = 0;
        while (at < securityBuffer.Length)
        {
            var i = securityBuffer[at..].IndexOf(Signature);
            if (i < 0) return null;
            var message = securityBuffer[(at + i)..];
            if (message.Length >= 64 && BinaryPrimitives.ReadUInt32LittleEndian(message[8..]) == 3)
                return TryParseAuthenticate(message);
            at += i + Signature.Length;
        }
        return null;
    }

    private static NtlmIdentity? TryParseAuthenticate(ReadOnlySpan<byte> m)
    {
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(m[60..]);
        var unicode = (flags & 0x1) != 0;
        var domain = Field(m, 28, unicode);
        var user = Field(m, 36, unicode);
        return domain == null || user == null ? null : new NtlmIdentity(domain, user);
    }

    private static string? Field(ReadOnlySpan<byte> m, int at, bool unicode)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(m[at..]);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(m[(at + 4)..]);
        if (length == 0) return "";
        if (offset + (long)length > m.Length) return null;
        var bytes = m.Slice((int)offset, length);
        return unicode ? Encoding.Unicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }
}
