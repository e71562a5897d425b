using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.Signing;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

/// <summary>MS-SMB2 §3.2.5.1.1 against a fake peer: the answer to an encrypted request must be encrypted.</summary>
public sealed class EncryptionEnforcementTests
{
    private const ulong SessionId = 0x5678_0000_0001;
    private static readonly byte[] ClientToServer = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] ServerToClient = Enumerable.Range(101, 16).Select(i => (byte)i).ToArray();

    private sealed class EncryptedSession : ISmb2SessionSecurity
    {
        public Smb2Encryptor Encryptor { get; } = new(Smb2CipherId.Aes128Gcm, ClientToServer, ServerToClient, SessionId);
        public ISmb2Signer? GetSigner(ulong sessionId) => null;
        public Smb2Encryptor? GetEncryptor(ulong sessionId) => sessionId == SessionId ? Encryptor : null;
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static Smb2Request EncryptedEcho() => Smb2Request.For(new EchoRequest()) with { SessionId = SessionId, Encrypt = true };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_plain_answer_to_an_encrypted_request_fails_the_connection_and_an_encrypted_one_is_accepted(bool encryptAnswer)
    {
        var ct = Deadline();
        await using var peer = new FakeSmbPeer();
        await using var transport = await peer.ConnectAsync(ct);
        transport.Security = new EncryptedSession();
        using var server = new Smb2Encryptor(Smb2CipherId.Aes128Gcm, ServerToClient, ClientToServer, SessionId);

        var echo = transport.SendAsync(EncryptedEcho(), ct);
        var frame = (await peer.ReceiveAsync(ct))!;
        Assert.True(frame.AsSpan(0, 4).SequenceEqual(Smb2TransformHeader.ProtocolId), "the request went out encrypted");
        var request = new byte[frame.Length];
        request = request[..server.Decrypt(frame, request)];
        var answer = FakeSmbPeer.Response(request, NtStatus.Success);
        if (encryptAnswer)
        {
            var sealedAnswer = new byte[Smb2TransformHeader.Length + answer.Length];
            server.Encrypt(answer, sealedAnswer);
            answer = sealedAnswer;
        }
        await peer.SendAsync(answer, ct);

        if (encryptAnswer)
        {
            using var response = await echo;
            Assert.Equal(NtStatus.Success, response.Status);
            Assert.True(transport.IsConnected);
            return;
        }
        var e = await Assert.ThrowsAsync<SmbSignatureException>(() => echo);
        Assert.Contains("not encrypted although its request was", e.Message, StringComparison.Ordinal);
        Assert.False(transport.IsConnected);
    }
}
