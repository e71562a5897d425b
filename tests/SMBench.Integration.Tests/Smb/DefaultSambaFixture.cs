using SMBench.Smb.Client;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>One default smbd shared by the tests of a class (starting one costs seconds).</summary>
public sealed class DefaultSambaFixture : IAsyncLifetime
{
    public SambaServer? Server { get; private set; }

    public SambaServer Smbd => Server ?? throw new InvalidOperationException(SambaServer.Unavailable() ?? "smbd did not start");

    public async Task InitializeAsync()
    {
        if (SambaServer.Unavailable() == null) Server = await SambaServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server != null) await Server.DisposeAsync();
    }
}

internal static class SmbTestClient
{
    public static async Task<(SmbConnection Connection, SmbSession Session, SmbTree Tree)> OpenAsync(SambaServer smbd,
        SmbConnectionOptions? options = null, CancellationToken ct = default)
    {
        var connection = await SmbConnection.ConnectAsync("127.0.0.1", smbd.Port, options, ct);
        try
        {
            var session = await connection.LoginAsync(smbd.UserName, "", smbd.Password, ct);
            var tree = await session.TreeConnectAsync(smbd.ShareName, ct);
            return (connection, session, tree);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
