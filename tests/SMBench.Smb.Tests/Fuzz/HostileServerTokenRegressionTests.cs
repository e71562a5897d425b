using System.Buffers.Binary;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Ntlm;
using SMBench.Smb.Security.Spnego;
using Xunit;

namespace SMBench.Smb.Tests.Fuzz;

/// <summary>
/// What a hostile server can send during login, found by the fuzzers (<c>fuzz spnego</c>, <c>fuzz smb-codecs</c>)
/// or by reading the parsers they exercised. Each must end in the documented exception, never another one.
/// </summary>
public sealed class HostileServerTokenRegressionTests
{
    [Theory]
    // [1] { SEQUENCE { INTEGER 0 } }: a universal tag where an [n] field belongs (was ArgumentException).
    [InlineData("A10530030201 00")]
    // [1] { SEQUENCE { [0] primitive } }: a context tag that is not constructed.
    [InlineData("A104300280 00")]
    // The first fuzzer crasher's shape: a valid negState then a universal OCTET STRING.
    [InlineData("A10C300AA0030A01010403 010203")]
    public void NegTokenResp_with_a_field_of_the_wrong_tag_is_an_ntlm_error(string hex)
    {
        var token = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        var e = Assert.Throws<NtlmException>(() => SpnegoToken.DecodeNegTokenResp(token));
        Assert.Contains("NegTokenResp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negotiate_response_with_a_context_offset_past_int_range_is_a_protocol_error()
    {
        // 3.1.1 response with one negotiate context at offset 0xFFFFFFF0 (was OverflowException).
        var message = new byte[Smb2Header.Size + 64 + 8];
        BinaryPrimitives.WriteUInt32LittleEndian(message, 0x424D53FE);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), 64);
        message[16] = 1;
        var body = message.AsSpan(Smb2Header.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(body, NegotiateResponse.StructureSize);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], (ushort)SmbDialect.Smb311);
        BinaryPrimitives.WriteUInt16LittleEndian(body[6..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(body[60..], 0xFFFFFFF0);
        var e = Assert.Throws<SmbProtocolException>(() => NegotiateResponse.Parse(message));
        Assert.Contains("NegotiateContextOffset", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Challenge_with_a_target_info_too_long_for_the_authenticate_is_an_ntlm_error()
    {
        // TargetInfo of 65,500 bytes: the NT response embeds it and would wrap its 16-bit length field.
        var targetInfo = new byte[65_500];
        var challenge = new byte[56 + targetInfo.Length];
        "NTLMSSP\0"u8.CopyTo(challenge);
        BinaryPrimitives.WriteUInt32LittleEndian(challenge.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(challenge.AsSpan(20), 0xE2898215);
        BinaryPrimitives.WriteUInt16LittleEndian(challenge.AsSpan(40), (ushort)targetInfo.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(challenge.AsSpan(42), (ushort)targetInfo.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(challenge.AsSpan(44), 56);
        var client = new NtlmClient(NtlmCredential.Parse("user", "DOMAIN", "password"));
        var e = Assert.Throws<NtlmException>(() => client.Authenticate(challenge));
        Assert.Contains("TargetInfo", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Challenge_with_av_pairs_running_past_the_end_has_no_timestamp()
    {
        // AV pair header claims 0xFFFF bytes: the walk must stop, not read outside TargetInfo.
        var parsed = new NtlmChallengeMessage(0, new byte[8], [7, 0, 0xFF, 0xFF, 1, 2, 3, 4], "");
        Assert.Null(parsed.Timestamp);
    }
}
