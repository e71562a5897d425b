using System.Security.Cryptography;
using SMBench.Smb.Client;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>Signing-mandatory and encryption-required servers: logins, I/O, and what an SMB2-only client gets.</summary>
public sealed class SmbSecurityTests
{
    private static async Task WriteReadAsync(SmbTree tree, string name, CancellationToken ct)
    {
        var data = RandomNumberGenerator.GetBytes(200_000);
        await using var file = await tree.CreateAsync(name, FileAccessMask.GenericRead | FileAccessMask.GenericWrite, ShareAccess.Read,
            CreateDisposition.OverwriteIf, cancellationToken: ct);
        await file.WriteAsync(0, data, ct);
        var back = new byte[data.Length];
        Assert.Equal(data.Length, await file.ReadAsync(0, back, ct));
        Assert.Equal(data, back);
    }

    [RequiresSambaFact]
    public async Task Signing_mandatory_server_works_on_every_dialect()
    {
        var ct = SmbTestClient.Timeout(120);
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { ServerSigning = "mandatory" });
        foreach (var dialect in new[] { SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302, SmbDialect.Smb311 })
        {
            var (connection, session, tree) = await SmbTestClient.OpenAsync(smbd, new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect }, ct);
            await using (connection)
            {
                Assert.True(connection.Negotiated.SecurityMode.HasFlag(SMBench.Smb.Messages.NegotiateSecurityMode.SigningRequired));
                Assert.False(session.EncryptData);
                await WriteReadAsync(tree, $"signed-{dialect}.bin", ct);
            }
        }
    }

    [RequiresSambaFact]
    public async Task Signing_only_when_required_follows_the_server()
    {
        var ct = SmbTestClient.Timeout(120);
        var options = new SmbConnectionOptions { SignOnlyWhenRequired = true };
        await using (var relaxed = await SambaServer.StartAsync(new SambaOptions()))
        {
            foreach (var dialect in new[] { SmbDialect.Smb210, SmbDialect.Smb302, SmbDialect.Smb311 })
            {
                var (connection, session, tree) = await SmbTestClient.OpenAsync(relaxed, options with { MinDialect = dialect, MaxDialect = dialect }, ct);
                await using (connection)
                {
                    Assert.False(session.SignRequests);
                    await WriteReadAsync(tree, $"unsigned-{dialect}.bin", ct);
                    // VALIDATE_NEGOTIATE_INFO still went out signed: the server answered it instead of disconnecting.
                    Assert.Equal(dialect == SmbDialect.Smb302, connection.NegotiateValidated);
                }
            }
        }
        await using var strict = await SambaServer.StartAsync(new SambaOptions { ServerSigning = "mandatory" });
        var (c, s, t) = await SmbTestClient.OpenAsync(strict, options, ct);
        await using (c)
        {
            Assert.True(s.SignRequests);
            await WriteReadAsync(t, "signed-anyway.bin", ct);
        }
    }

    [RequiresSambaFact]
    public async Task Encryption_required_server_encrypts_every_3x_dialect_and_cipher()
    {
        var ct = SmbTestClient.Timeout(120);
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { SmbEncrypt = "required" });
        var cases = new (SmbDialect Dialect, Smb2CipherId Cipher)[]
        {
            (SmbDialect.Smb300, Smb2CipherId.Aes128Ccm), (SmbDialect.Smb302, Smb2CipherId.Aes128Ccm),
            (SmbDialect.Smb311, Smb2CipherId.Aes128Gcm), (SmbDialect.Smb311, Smb2CipherId.Aes128Ccm),
            (SmbDialect.Smb311, Smb2CipherId.Aes256Gcm), (SmbDialect.Smb311, Smb2CipherId.Aes256Ccm),
        };
        foreach (var (dialect, cipher) in cases)
        {
            var options = new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect, Ciphers = [cipher] };
            var (connection, session, tree) = await SmbTestClient.OpenAsync(smbd, options, ct);
            await using (connection)
            {
                Assert.Equal(cipher, connection.Cipher);
                Assert.True(session.EncryptData);
                await WriteReadAsync(tree, $"sealed-{dialect}-{cipher}.bin", ct);
            }
        }
    }

    [RequiresSambaFact]
    public async Task Encryption_required_server_refuses_an_smb2_only_client()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { SmbEncrypt = "required" });
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", smbd.Port,
            new SmbConnectionOptions { MaxDialect = SmbDialect.Smb210 }, ct);
        var e = await Assert.ThrowsAsync<SmbStatusException>(() => connection.LoginAsync(smbd.UserName, null, smbd.Password, ct));
        Assert.Equal(NtStatus.AccessDenied, e.Status);
    }

    [RequiresSambaFact]
    public async Task Client_can_ask_for_encryption_on_a_server_that_does_not_require_it()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync();
        var (connection, session, tree) = await SmbTestClient.OpenAsync(smbd, new SmbConnectionOptions { RequireEncryption = true }, ct);
        await using (connection)
        {
            Assert.True(session.EncryptData);
            await WriteReadAsync(tree, "asked.bin", ct);
        }
    }

    [RequiresSambaFact]
    public async Task Smb3_only_server_refuses_an_smb2_only_client_at_negotiate()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { MinProtocol = "SMB3_11" });
        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            SmbConnection.ConnectAsync("127.0.0.1", smbd.Port, new SmbConnectionOptions { MaxDialect = SmbDialect.Smb210 }, ct));
        Assert.True(e is SmbStatusException { Status.Value: 0xC00000BB } or SMBench.Smb.Transport.SmbConnectionException, e.ToString());
    }
}
