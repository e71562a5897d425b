using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Messages;

public sealed class SessionSetupMessageTests
{
    [Fact]
    public void Request_matches_the_windows_example()
    {
        var token = Convert.FromHexString(
            "604806062B0601050502A03E303CA00E300C060A2B06010401823702020AA22A04284E544C4D5353500001000000978208E2" +
            "00000000000000000000000000000000060380250000000F");
        var request = new SessionSetupRequest(NegotiateSecurityMode.SigningEnabled, NegotiateCapabilities.Dfs, token);
        var message = new byte[Smb2Header.Size + request.BodyLength];
        request.WriteTo(message);
        Assert.Equal("19000001010000000000000058004A000000000000000000" + Convert.ToHexString(token),
            Convert.ToHexString(message.AsSpan(Smb2Header.Size)));
    }

    [Fact]
    public void Final_response_of_the_example_parses()
    {
        var response = SessionSetupResponse.Parse(Convert.FromHexString(
            "FE534D4240000100000000000100800009000000000000000300000000000000FFFE000000000000" +
            "1900000000100000EBE146DA120BA25FC3376A49DFE31BC10900000048001D00A11B3019A0030A01" +
            "00A3120410010000003B453CDC3524164200000000"));
        Assert.Equal(SessionSetupFlags.None, response.SessionFlags);
        Assert.Equal(0x1D, response.SecurityBuffer.Length);
    }

    [Fact]
    public void Tree_connect_request_points_at_its_path()
    {
        var request = new TreeConnectRequest(@"\\srv\share");
        var message = new byte[Smb2Header.Size + request.BodyLength];
        request.WriteTo(message);
        Assert.Equal(72, BitConverter.ToUInt16(message, Smb2Header.Size + 4));
        Assert.Equal(@"\\srv\share", System.Text.Encoding.Unicode.GetString(message, 72, BitConverter.ToUInt16(message, Smb2Header.Size + 6)));
    }
}
