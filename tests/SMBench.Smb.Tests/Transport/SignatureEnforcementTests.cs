using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.Signing;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

/// <summary>MS-SMB2 §3.2.5.1.3 against a fake peer: a signed request needs a signed, correct answer; the spec's exemptions hold.</summary>
public sealed class SignatureEnforcementTests
{
    private const ulong SessionId = 0x1234_0000_0001;
    private static readonly byte[] Key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    private sealed class OneSession : ISmb2SessionSecurity
    {
        public ISmb2Signer Signer { get; } = new HmacSha256Signer(Key);
        public ISmb2Signer? GetSigner(ulong sessionId) => sessionId == SessionId ? Signer : null;
        public Smb2Encryptor? GetEncryptor(ulong sessionId) => null;
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static Smb2Request SignedEcho() => Smb2Request.For(new EchoRequest()) with { SessionId = SessionId };

    private static async Task<(FakeSmbPeer Peer, SmbTransport Transport, ISmb2Signer Signer)> ConnectAsync(CancellationToken ct)
    {
        var peer = new FakeSmbPeer();
        var transport = await peer.ConnectAsync(ct);
        var security = new OneSession();
        transport.Security = security;
        return (peer, transport, security.Signer);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("wrong-signature")]
    [InlineData("altered-after-signing")]
    public async Task A_response_without_a_valid_signature_fails_the_request_and_the_connection(string kind)
    {
        var ct = Deadline();
        var (peer, transport, signer) = await ConnectAsync(ct);
        await using (peer)
        await using (transport)
        {
            var echo = transport.SendAsync(SignedEcho(), ct);
            var request = await peer.ReceiveAsync(ct);
            Assert.True(Smb2Header.Parse(request).IsSigned);
            Assert.True(signer.Verify(request));
            var response = FakeSmbPeer.Response(request!, NtStatus.Success, signer: kind == "unsigned" ? null : signer);
            if (kind == "wrong-signature") response[Smb2Header.SignatureOffset + 3] ^= 0x40;
            if (kind == "altered-after-signing") response[^1] ^= 1;
            await peer.SendAsync(response, ct);

            var e = await Assert.ThrowsAsync<SmbSignatureException>(() => echo);
            Assert.Equal(Smb2Command.Echo, e.Command);
            Assert.Equal(kind == "unsigned", e.Unsigned);
            Assert.False(transport.IsConnected);
            await Assert.ThrowsAsync<SmbConnectionException>(() => transport.SendAsync(SignedEcho(), ct));
        }
    }

    [Fact]
    public async Task Interim_responses_and_break_notifications_pass_unsigned_and_a_signed_final_answer_is_accepted()
    {
        var ct = Deadline();
        var (peer, transport, signer) = await ConnectAsync(ct);
        await using (peer)
        await using (transport)
        {
            var echo = transport.SendAsync(SignedEcho(), ct);
            var request = await peer.ReceiveAsync(ct);
            await peer.SendAsync(FakeSmbPeer.Response(request!, NtStatus.Pending, asyncId: 9, credits: 2), ct);
            var fileId = new FileId(7, 8);
            await peer.SendAsync(FakeSmbPeer.OplockBreak(fileId, OplockLevel.None), ct);
            var final = FakeSmbPeer.Response(request!, NtStatus.Success, asyncId: 9, signer: signer);
            await peer.SendAsync(final, ct);

            using var response = await echo;
            Assert.Equal(NtStatus.Success, response.Status);
            var brk = await transport.Breaks.ReadAsync(ct);
            Assert.Equal(fileId, brk.Oplock!.Value.FileId);
            Assert.True(transport.IsConnected);
        }
    }

    [Fact]
    public async Task A_deleted_session_may_answer_unsigned_and_unsigned_requests_take_unsigned_answers()
    {
        var ct = Deadline();
        var (peer, transport, _) = await ConnectAsync(ct);
        await using (peer)
        await using (transport)
        {
            var echo = transport.SendAsync(SignedEcho(), ct);
            await peer.SendAsync(FakeSmbPeer.Response((await peer.ReceiveAsync(ct))!, NtStatus.UserSessionDeleted), ct);
            using (var response = await echo) Assert.Equal(NtStatus.UserSessionDeleted, response.Status);

            var plain = transport.SendAsync(SignedEcho() with { Sign = false }, ct);
            var request = await peer.ReceiveAsync(ct);
            Assert.False(Smb2Header.Parse(request).IsSigned);
            await peer.SendAsync(FakeSmbPeer.Response(request!, NtStatus.Success), ct);
            using (var response = await plain) Assert.Equal(NtStatus.Success, response.Status);
            Assert.True(transport.IsConnected);
        }
    }
}
