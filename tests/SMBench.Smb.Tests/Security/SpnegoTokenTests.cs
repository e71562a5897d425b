using SMBench.Smb.Security.Spnego;
using Xunit;

namespace SMBench.Smb.Tests.Security;

public sealed class SpnegoTokenTests
{
    [Fact]
    public void NegTokenInit_matches_the_shape_windows_sends()
    {
        // From the 3.1.1 example's first SESSION_SETUP: 604806062B0601050502A03E303CA00E300C060A2B06010401823702020AA22A0428 + NTLM.
        var ntlm = Convert.FromHexString("4E544C4D5353500001000000978208E200000000000000000000000000000000060380250000000F");
        var token = SpnegoToken.EncodeNegTokenInit(ntlm);
        Assert.Equal("604806062B0601050502A03E303CA00E300C060A2B06010401823702020AA22A0428" + Convert.ToHexString(ntlm),
            Convert.ToHexString(token));
    }

    [Fact]
    public void NegTokenResp_from_the_server_yields_the_ntlm_challenge()
    {
        var resp = SpnegoToken.DecodeNegTokenResp(Convert.FromHexString(
            "A181B03081ADA0030A0101A10C060A2B06010401823702020AA281970481944E544C4D53535000020000000C000C0038" +
            "00000015828AE20D1D8BA31179D008000000000000000050005000440000000A0092270000000F53" +
            "005500540033003100310002000C0053005500540033003100310001000C00530055005400330031" +
            "00310004000C0053005500540033003100310003000C0053005500540033003100310007000800A1" +
            "A1F5ADCBAED00100000000"));
        Assert.Equal(NegState.AcceptIncomplete, resp.State);
        Assert.Equal(SpnegoToken.NtlmOid, resp.SupportedMech);
        Assert.Equal(0x94, resp.ResponseToken!.Length);
    }

    [Fact]
    public void NegTokenResp_round_trips()
    {
        var token = SpnegoToken.EncodeNegTokenResp([1, 2, 3]);
        var back = SpnegoToken.DecodeNegTokenResp(token);
        Assert.Equal([1, 2, 3], back.ResponseToken);
        Assert.Null(back.State);
    }
}
