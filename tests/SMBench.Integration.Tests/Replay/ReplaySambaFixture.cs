using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Replay;

/// <summary>
/// One smbd shared by the replay tests of a class, with its own Unix/Samba user: other suites on the same machine
/// re-create the default user concurrently, which can fail a login here in between.
/// </summary>
public sealed class ReplaySambaFixture : IAsyncLifetime
{
    public static readonly SambaOptions Options = new() { UserName = "smbreplay", Password = "Replay-Passw0rd" };

    public SambaServer? Server { get; private set; }

    public SambaServer Smbd => Server ?? throw new InvalidOperationException(SambaServer.Unavailable() ?? "smbd did not start");

    public async Task InitializeAsync()
    {
        if (SambaServer.Unavailable() == null) Server = await SambaServer.StartAsync(Options);
    }

    public async Task DisposeAsync()
    {
        if (Server != null) await Server.DisposeAsync();
    }
}
