using SMBench.Integration.Tests.Daemon;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>A daemon with a small upload limit (1 MiB) so oversize bundles can be tried without sending gigabytes.</summary>
public sealed class SecurityDaemonFixture : IAsyncLifetime
{
    public const long UploadLimit = 1 << 20;

    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await DaemonProcess.StartAsync(environment: new Dictionary<string, string>
    {
        ["SMBENCH_MAX_UPLOAD_BYTES"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SecurityDaemonCollection : ICollectionFixture<SecurityDaemonFixture>
{
    public const string Name = "security daemon";
}
