using SMBench.Smb.Security.Ntlm;
using Xunit;

namespace SMBench.Smb.Tests.Security;

/// <summary>The NTLMv2 example of MS-NLMP §4.2.4: User / Domain / Password, timestamp 0, client challenge 0xAA×8.</summary>
public sealed class NtlmV2VectorTests
{
    private static readonly byte[] ServerChallenge = Convert.FromHexString("0123456789abcdef");
    private static readonly byte[] ClientChallenge = Convert.FromHexString("aaaaaaaaaaaaaaaa");
    private static readonly byte[] TargetInfo =
        Convert.FromHexString("02000c0044006f006d00610069006e0001000c005300650072007600650072000000" + "0000");

    [Fact]
    public void ResponseKeyNt_matches_the_spec()
        => Assert.Equal("0c868a403bfd7a93a3001ef22ef02e3f",
            Convert.ToHexStringLower(NtlmCrypto.NtOwfV2("Password", "User", "Domain")));

    [Fact]
    public void NtProofStr_and_session_base_key_match_the_spec()
    {
        var key = NtlmCrypto.NtOwfV2("Password", "User", "Domain");
        var temp = NtlmCrypto.BuildTemp(0, ClientChallenge, TargetInfo);
        var proof = NtlmCrypto.NtProofStr(key, ServerChallenge, temp);
        Assert.Equal("68cd0ab851e51c96aabc927bebef6a1c", Convert.ToHexStringLower(proof));
        Assert.Equal("8de40ccadbc14a82f15cb0ad0de95ca3", Convert.ToHexStringLower(NtlmCrypto.SessionBaseKey(key, proof)));
    }

    [Fact]
    public void LmV2_response_matches_the_spec()
    {
        var key = NtlmCrypto.NtOwfV2("Password", "User", "Domain");
        Assert.Equal("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa",
            Convert.ToHexStringLower(NtlmCrypto.LmV2Response(key, ServerChallenge, ClientChallenge)));
    }

    [Fact]
    public void Key_exchange_encrypts_the_random_session_key_as_in_the_spec()
    {
        var encrypted = NtlmCrypto.Rc4(Convert.FromHexString("8de40ccadbc14a82f15cb0ad0de95ca3"), Enumerable.Repeat((byte)0x55, 16).ToArray());
        Assert.Equal("c5dad2544fc9799094ce1ce90bc9d03e", Convert.ToHexStringLower(encrypted));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Client_builds_an_authenticate_message_with_the_spec_values(bool keyExchange)
    {
        var challenge = BuildChallenge(NtlmNegotiateFlags.Unicode | NtlmNegotiateFlags.KeyExchange | NtlmNegotiateFlags.TargetInfo
                                       | NtlmNegotiateFlags.ExtendedSessionSecurity | NtlmNegotiateFlags.Ntlm);
        var randoms = new Queue<byte[]>([ClientChallenge, Enumerable.Repeat((byte)0x55, 16).ToArray()]);
        var client = new NtlmClient(new NtlmCredential("User", "Domain", "Password"), keyExchange, _ => randoms.Dequeue(), () => 0);
        var auth = client.Authenticate(challenge);

        var nt = Field(auth, 20);
        Assert.Equal("68cd0ab851e51c96aabc927bebef6a1c", Convert.ToHexStringLower(nt[..16]));
        Assert.Equal("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa", Convert.ToHexStringLower(Field(auth, 12)));
        if (keyExchange)
        {
            Assert.Equal("c5dad2544fc9799094ce1ce90bc9d03e", Convert.ToHexStringLower(Field(auth, 52)));
            Assert.Equal(new string('5', 32), Convert.ToHexStringLower(client.ExportedSessionKey!));
        }
        else
        {
            Assert.Empty(Field(auth, 52));
            Assert.Equal("8de40ccadbc14a82f15cb0ad0de95ca3", Convert.ToHexStringLower(client.ExportedSessionKey!));
        }
    }

    [Theory]
    [InlineData("LAB\\alice", null, "alice", "LAB")]
    [InlineData("alice@lab.test", null, "alice", "lab.test")]
    [InlineData("alice", "LAB", "alice", "LAB")]
    [InlineData("alice", null, "alice", "")]
    public void Credential_accepts_the_usual_user_forms(string user, string? domain, string expectedUser, string expectedDomain)
    {
        var c = NtlmCredential.Parse(user, domain, "secret");
        Assert.Equal((expectedUser, expectedDomain), (c.UserName, c.Domain));
        Assert.DoesNotContain("secret", c.ToString(), StringComparison.Ordinal);
    }

    private static byte[] BuildChallenge(NtlmNegotiateFlags flags)
    {
        var msg = new byte[48 + TargetInfo.Length];
        "NTLMSSP\0"u8.CopyTo(msg);
        msg[8] = 2;
        BitConverter.TryWriteBytes(msg.AsSpan(20), (uint)flags);
        ServerChallenge.CopyTo(msg, 24);
        BitConverter.TryWriteBytes(msg.AsSpan(40), (ushort)TargetInfo.Length);
        BitConverter.TryWriteBytes(msg.AsSpan(42), (ushort)TargetInfo.Length);
        BitConverter.TryWriteBytes(msg.AsSpan(44), 48u);
        TargetInfo.CopyTo(msg, 48);
        return msg;
    }

    private static byte[] Field(byte[] message, int at)
    {
        var len = BitConverter.ToUInt16(message, at);
        var off = BitConverter.ToInt32(message, at + 4);
        return message.AsSpan(off, len).ToArray();
    }
}
