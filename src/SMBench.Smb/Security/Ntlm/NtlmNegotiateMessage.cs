using System.Buffers.Binary;

namespace SMBench.Smb.Security.Ntlm;

/// <summary>NEGOTIATE_MESSAGE (MS-NLMP §2.2.1.1) without domain or workstation names.</summary>
public sealed record NtlmNegotiateMessage(NtlmNegotiateFlags Flags)
{
    public const int Length = 40;

    public void WriteTo(Span<byte> destination)
    {
        destination[..Length].Clear();
        NtlmMessageFormat.Signature.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], (uint)Flags);
        NtlmMessageFormat.WriteField(destination[16..], 0, Length);
        NtlmMessageFormat.WriteField(destination[24..], 0, Length);
        NtlmMessageFormat.Version.CopyTo(destination[32..]);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }
}
