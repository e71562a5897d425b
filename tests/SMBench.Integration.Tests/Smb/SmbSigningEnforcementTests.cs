using SMBench.Smb.Client;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>
/// A man in the middle between our client and a signing-mandatory smbd: responses with a stripped or broken
/// signature fail the request with <see cref="SmbSignatureException"/>; untouched traffic works on every dialect.
/// </summary>
public sealed class SmbSigningEnforcementTests
{
    [RequiresSambaTheory]
    [InlineData(SmbDialect.Smb210, "corrupt")]
    [InlineData(SmbDialect.Smb311, "corrupt")]
    [InlineData(SmbDialect.Smb302, "strip")]
    [InlineData(SmbDialect.Smb311, "strip")]
    public async Task A_tampered_create_response_is_rejected(SmbDialect dialect, string tampering)
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { ServerSigning = "mandatory" });
        await using var proxy = new TamperingProxy(smbd.Port, message =>
        {
            if (!TamperingProxy.IsSignedResponse(message, Smb2Command.Create)) return;
            if (tampering == "corrupt")
            {
                message[Smb2Header.SignatureOffset + 5] ^= 0x20;
                return;
            }
            message[16] &= unchecked((byte)~(byte)Smb2Flags.Signed); // Flags byte 0: clear SMB2_FLAGS_SIGNED
            message.AsSpan(Smb2Header.SignatureOffset, Smb2Header.SignatureLength).Clear();
        });
        var options = new SmbConnectionOptions { MinDialect = dialect, MaxDialect = dialect };
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", proxy.Port, options, ct);
        var session = await connection.LoginAsync(smbd.UserName, "", smbd.Password, ct);
        var tree = await session.TreeConnectAsync(smbd.ShareName, ct);

        var e = await Assert.ThrowsAsync<SmbSignatureException>(() =>
            tree.CreateAsync("tampered.bin", FileAccessMask.GenericRead, ShareAccess.Read, CreateDisposition.OpenIf, cancellationToken: ct));
        Assert.Equal(Smb2Command.Create, e.Command);
        Assert.Equal(tampering == "strip", e.Unsigned);
        Assert.False(connection.IsConnected);
    }

    [RequiresSambaFact]
    public async Task Untouched_traffic_through_the_proxy_works_with_signing_mandatory()
    {
        var ct = SmbTestClient.Timeout();
        await using var smbd = await SambaServer.StartAsync(new SambaOptions { ServerSigning = "mandatory" });
        await using var proxy = new TamperingProxy(smbd.Port, _ => { });
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", proxy.Port, null, ct);
        var session = await connection.LoginAsync(smbd.UserName, "", smbd.Password, ct);
        var tree = await session.TreeConnectAsync(smbd.ShareName, ct);
        await using var file = await tree.CreateAsync("clean.bin", FileAccessMask.GenericRead | FileAccessMask.GenericWrite, ShareAccess.Read,
            CreateDisposition.OverwriteIf, cancellationToken: ct);
        await file.WriteAsync(0, new byte[] { 1, 2, 3 }, ct);
        var back = new byte[3];
        Assert.Equal(3, await file.ReadAsync(0, back, ct));
        Assert.Equal(new byte[] { 1, 2, 3 }, back);
        Assert.True(connection.IsConnected);
    }
}
