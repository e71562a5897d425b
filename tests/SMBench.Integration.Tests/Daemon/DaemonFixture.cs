using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>One daemon process shared by the API and ctl tests (they run one after another in this collection).</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await DaemonProcess.StartAsync();

    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DaemonCollection : ICollectionFixture<DaemonFixture>
{
    public const string Name = "daemon process";
}
