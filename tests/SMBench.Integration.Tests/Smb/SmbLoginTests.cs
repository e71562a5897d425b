using SMBench.Smb.Client;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

public sealed class SmbLoginTests(DefaultSambaFixture fixture) : IClassFixture<DefaultSambaFixture>
{
    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb202, true)]
    [InlineData(SmbDialect.Smb210, true)]
    [InlineData(SmbDialect.Smb300, true)]
    [InlineData(SmbDialect.Smb302, false)]
    [InlineData(SmbDialect.Smb311, true)]
    [InlineData(SmbDialect.Smb311, false)]
    public async Task Every_dialect_logs_in_and_connects_the_share(SmbDialect dialect, bool keyExchange)
    {
        var ct = SmbTestClient.Timeout();
        var options = new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect, NtlmKeyExchange = keyExchange };
        var (connection, session, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        await using (connection)
        {
            Assert.Equal(dialect, connection.Dialect);
            Assert.False(session.IsGuest);
            Assert.Equal(TreeConnectShareType.Disk, tree.Response.ShareType);
            await connection.EchoAsync(ct);
            await tree.DisconnectAsync(ct);
            await session.LogoffAsync(ct);
        }
    }

    [RequiresSambaTheory]
    [InlineData(NegotiateSigningAlgorithm.AesGmac)]
    [InlineData(NegotiateSigningAlgorithm.AesCmac)]
    [InlineData(NegotiateSigningAlgorithm.HmacSha256)]
    public async Task Smb311_signing_algorithms_are_negotiated_and_work(NegotiateSigningAlgorithm algorithm)
    {
        var ct = SmbTestClient.Timeout();
        var options = new SmbConnectionOptions { MinDialect = SmbDialect.Smb311, SigningAlgorithms = [algorithm] };
        var (connection, _, tree) = await SmbTestClient.OpenAsync(fixture.Smbd, options, ct);
        await using (connection)
        {
            Assert.Equal(algorithm, connection.SigningAlgorithm);
            await tree.DisconnectAsync(ct);
        }
    }

    [RequiresSambaFact]
    public async Task Wrong_password_fails_with_logon_failure()
    {
        var ct = SmbTestClient.Timeout();
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", fixture.Smbd.Port, null, ct);
        var e = await Assert.ThrowsAsync<SmbStatusException>(() => connection.LoginAsync(fixture.Smbd.UserName, "", "wrong-password", ct));
        Assert.Equal(NtStatus.LogonFailure, e.Status);
        Assert.DoesNotContain("wrong-password", e.Message, StringComparison.Ordinal);
    }

    [RequiresSambaFact]
    public async Task Unknown_user_fails_with_logon_failure()
    {
        var ct = SmbTestClient.Timeout();
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", fixture.Smbd.Port, null, ct);
        var e = await Assert.ThrowsAsync<SmbStatusException>(() => connection.LoginAsync("LAB\\nobody-here", null, "x", ct));
        Assert.Equal(NtStatus.LogonFailure, e.Status);
    }

    [RequiresSambaFact]
    public async Task Missing_share_fails_with_bad_network_name()
    {
        var ct = SmbTestClient.Timeout();
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", fixture.Smbd.Port, null, ct);
        var session = await connection.LoginAsync(fixture.Smbd.UserName, null, fixture.Smbd.Password, ct);
        var e = await Assert.ThrowsAsync<SmbStatusException>(() => session.TreeConnectAsync("no-such-share", ct));
        Assert.Equal(0xC00000CCu, e.Status.Value);
    }

    [RequiresSambaFact]
    public async Task Several_sessions_share_one_connection()
    {
        var ct = SmbTestClient.Timeout();
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", fixture.Smbd.Port, null, ct);
        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => connection.LoginAsync(fixture.Smbd.UserName, null, fixture.Smbd.Password, ct)));
        Assert.Equal(4, sessions.Select(s => s.SessionId).Distinct().Count());
        foreach (var s in sessions) await (await s.TreeConnectAsync(fixture.Smbd.ShareName, ct)).DisconnectAsync(ct);
    }

    [RequiresSambaTheory]
    [InlineData("LAB\\{0}")]
    [InlineData("lab\\{0}")]
    [InlineData("{0}@LAB")]
    public async Task Domain_qualified_user_names_log_in(string form)
    {
        var ct = SmbTestClient.Timeout();
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", fixture.Smbd.Port, null, ct);
        var session = await connection.LoginAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, fixture.Smbd.UserName),
            null, fixture.Smbd.Password, ct);
        Assert.False(session.IsGuest);
        await session.LogoffAsync(ct);
    }
}
