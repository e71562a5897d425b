using System.Buffers.Binary;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;

namespace SMBench.Smb.Messages;

/// <summary>SMB2 NEGOTIATE response (MS-SMB2 §2.2.4), parsed from a whole message (header first).</summary>
public sealed record NegotiateResponse(
    NegotiateSecurityMode SecurityMode,
    SmbDialect DialectRevision,
    Guid ServerGuid,
    NegotiateCapabilities Capabilities,
    uint MaxTransactSize,
    uint MaxReadSize,
    uint MaxWriteSize,
    long SystemTime,
    byte[] SecurityBuffer,
    IReadOnlyList<NegotiateContext> NegotiateContexts)
{
    public const ushort StructureSize = 65;

    public static NegotiateResponse Parse(ReadOnlySpan<byte> message)
    {
        var body = SmbWire.Body(message, StructureSize, "NEGOTIATE response");
        var dialect = (SmbDialect)BinaryPrimitives.ReadUInt16LittleEndian(body[4..]);
        var contextCount = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]);
        var securityOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[56..]);
        var securityLength = BinaryPrimitives.ReadUInt16LittleEndian(body[58..]);
        var contextOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[60..]);
        var security = SmbWire.Slice(message, securityOffset, securityLength, "NEGOTIATE response security buffer");
        if (dialect == SmbDialect.Smb311 && contextCount > 0 && contextOffset > (uint)message.Length)
            throw new SmbProtocolException($"NEGOTIATE response: NegotiateContextOffset {contextOffset} lies outside the {message.Length}-byte message");
        IReadOnlyList<NegotiateContext> contexts = dialect == SmbDialect.Smb311 && contextCount > 0
            ? NegotiateContext.ParseList(message, (int)contextOffset, contextCount)
            : [];
        return new NegotiateResponse(
            (NegotiateSecurityMode)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            dialect,
            new Guid(body.Slice(8, 16)),
            (NegotiateCapabilities)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            BinaryPrimitives.ReadInt64LittleEndian(body[40..]),
            security.ToArray(),
            contexts);
    }

    public NegotiateContext? Context(NegotiateContextType type) => NegotiateContexts.FirstOrDefault(c => c.ContextType == type);

    /// <summary>The cipher the server chose (3.1.1 context, or AES-128-CCM on 3.0.x with the ENCRYPTION capability).</summary>
    public Smb2CipherId Cipher => DialectRevision switch
    {
        SmbDialect.Smb311 => Context(NegotiateContextType.EncryptionCapabilities) is { } c ? (Smb2CipherId)c.FirstId() : Smb2CipherId.None,
        SmbDialect.Smb300 or SmbDialect.Smb302 when Capabilities.HasFlag(NegotiateCapabilities.Encryption) => Smb2CipherId.Aes128Ccm,
        _ => Smb2CipherId.None,
    };

    /// <summary>The signing algorithm the session keys will be used with.</summary>
    public NegotiateSigningAlgorithm SigningAlgorithm => DialectRevision switch
    {
        SmbDialect.Smb202 or SmbDialect.Smb210 => NegotiateSigningAlgorithm.HmacSha256,
        SmbDialect.Smb311 when Context(NegotiateContextType.SigningCapabilities) is { } c => (NegotiateSigningAlgorithm)c.FirstId(),
        _ => NegotiateSigningAlgorithm.AesCmac,
    };
}
