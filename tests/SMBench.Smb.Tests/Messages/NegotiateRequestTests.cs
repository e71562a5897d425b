using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using Xunit;

namespace SMBench.Smb.Tests.Messages;

/// <summary>Encodes the NEGOTIATE request of Microsoft's 3.1.1 key-derivation example and compares the bytes.</summary>
public sealed class NegotiateRequestTests
{
    private const string ExampleBody =
        "24000500000000003F000000ECD86F326276024F9F7752B89BB33F3A70000000020000000202100200030203110300000100260000000000" +
        "010020000100FA49E6578F1F3A9F4CD3E9CC14A67AA884B3D05844E0E5A118225C15887F32FF00000200060000000000020002000100";

    [Fact]
    public void Body_with_contexts_matches_the_windows_example_byte_for_byte()
    {
        var salt = Convert.FromHexString("FA49E6578F1F3A9F4CD3E9CC14A67AA884B3D05844E0E5A118225C15887F32FF");
        var request = new NegotiateRequest(
            [SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302, SmbDialect.Smb311],
            NegotiateSecurityMode.None,
            (NegotiateCapabilities)0x3F,
            new Guid(Convert.FromHexString("ECD86F326276024F9F7752B89BB33F3A")),
            [NegotiateContext.PreauthIntegrity(salt), NegotiateContext.Encryption([Smb2CipherId.Aes128Gcm, Smb2CipherId.Aes128Ccm])]);
        var message = new byte[Smb2Header.Size + request.BodyLength];
        Assert.Equal(message.Length, request.WriteTo(message));
        Assert.Equal(ExampleBody, Convert.ToHexString(message.AsSpan(Smb2Header.Size)));
    }

    [Fact]
    public void Contexts_are_aligned_from_the_header_start_and_parse_back()
    {
        var request = new NegotiateRequest([SmbDialect.Smb311], NegotiateSecurityMode.SigningEnabled, NegotiateCapabilities.LargeMtu, Guid.NewGuid(),
            [NegotiateContext.PreauthIntegrity(new byte[32]), NegotiateContext.Encryption([Smb2CipherId.Aes128Gcm]),
             NegotiateContext.Signing([NegotiateSigningAlgorithm.AesGmac, NegotiateSigningAlgorithm.AesCmac])]);
        var message = new byte[Smb2Header.Size + request.BodyLength];
        request.WriteTo(message);
        var offset = BitConverter.ToInt32(message, Smb2Header.Size + 28);
        Assert.Equal(0, offset % 8);
        var contexts = NegotiateContext.ParseList(message, offset, 3);
        Assert.Equal([NegotiateContextType.PreauthIntegrityCapabilities, NegotiateContextType.EncryptionCapabilities,
            NegotiateContextType.SigningCapabilities], contexts.Select(c => c.ContextType));
        Assert.Equal((ushort)NegotiateSigningAlgorithm.AesGmac, contexts[2].FirstId());
    }

    [Fact]
    public void Response_of_the_windows_example_parses()
    {
        var message = Convert.FromHexString(
            "FE534D4240000100000000000000010001000000000000000100000000000000FFFE000000000000" +
            "000000000000000000000000000000000000000000000000410001001103020039CBCAF329714942" +
            "BDCE5D60F09AB3FB2F000000000080000000800000008000D8DAE5ADCBAED00109094AB095AED001" +
            "80004001C00100006082013C06062B0601050502A08201303082012CA01A3018060A2B0601040182" +
            "3702021E060A2B06010401823702020AA282010C048201084E45474F455854530100000000000000" +
            "60000000700000007C7CC0FD06D6362D02DDE1CF343BFE292900F49750B4AA97934D9C4296B26E51" +
            "FD370471B235E15A50DAE15BD5489C87000000000000000060000000010000000000000000000000" +
            "5C33530DEAF90D4DB2EC4AE3786EC3084E45474F4558545303000000010000004000000098000000" +
            "7C7CC0FD06D6362D02DDE1CF343BFE295C33530DEAF90D4DB2EC4AE3786EC3084000000058000000" +
            "3056A05430523027802530233121301F06035504031318546F6B656E205369676E696E6720507562" +
            "6C6963204B65793027802530233121301F06035504031318546F6B656E205369676E696E67205075" +
            "626C6963204B6579010026000000000001002000010060A3C3B95C3C7CCD51EC536648D9B3AC74C4" +
            "83CA5B65385A251117BEB30712E50000020004000000000001000200");
        var response = NegotiateResponse.Parse(message);
        Assert.Equal(SmbDialect.Smb311, response.DialectRevision);
        Assert.Equal(0x800000u, response.MaxReadSize);
        Assert.Equal(2, response.NegotiateContexts.Count);
        Assert.Equal(Smb2CipherId.Aes128Gcm, response.Cipher);
        Assert.Equal(NegotiateSigningAlgorithm.AesCmac, response.SigningAlgorithm);
        Assert.Equal(0x140, response.SecurityBuffer.Length);
    }

    [Fact]
    public void Truncated_response_is_a_protocol_error()
    {
        var message = new byte[Smb2Header.Size + 20];
        new Smb2Header { Command = Smb2Command.Negotiate, Flags = Smb2Flags.ServerToRedir }.WriteTo(message);
        message[Smb2Header.Size] = 65;
        Assert.Throws<SmbProtocolException>(() => NegotiateResponse.Parse(message));
    }
}
