using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Cli;

/// <summary>
/// <c>smbench daemon [--config FILE] [--http URL] [--data-dir DIR] [--token-file FILE] [--max-concurrent-runs N]</c>:
/// hosts the actor system, the HTTP API and /metrics until SIGTERM/SIGINT (runs are stopped and their results
/// written first).
/// </summary>
internal static class DaemonCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "HOCON file (default: env SMBENCH_CONFIG, else config/akka.hocon)" };
        var http = new Option<string?>("--http") { Description = "API address (default http://127.0.0.1:5080; env SMBENCH_HTTP)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Run results under <dir>/runs/<id>/ (default .smbench; env SMBENCH_DATA_DIR)" };
        var tokenFile = new Option<string?>("--token-file") { Description = "File with the API bearer token (env SMBENCH_API_TOKEN wins)" };
        var maxRuns = new Option<int?>("--max-concurrent-runs") { Description = "Runs executing at once (default 1)" };
        var seeds = new Option<string?>("--seed-nodes") { Description = "Cluster mode: akka.tcp://smbench@host:port,… (env SMBENCH_SEED_NODES)" };
        var remoteHost = new Option<string?>("--remote-host") { Description = "Cluster remoting bind address (default 127.0.0.1; env SMBENCH_REMOTE_HOST)" };
        var remotePort = new Option<int?>("--remote-port") { Description = "Cluster remoting port (default 4053; env SMBENCH_REMOTE_PORT)" };
        var publicHost = new Option<string?>("--public-host") { Description = "Address other nodes reach this one at (env SMBENCH_PUBLIC_HOST)" };
        var roles = new Option<string?>("--roles") { Description = "Cluster roles, comma-separated (default replay; env SMBENCH_ROLES)" };
        var capacity = new Option<double?>("--capacity") { Description = "This node's share weight of a run's clients (default 1; env SMBENCH_CAPACITY)" };
        var command = new Command("daemon", "Run the SMBench daemon: actor system, HTTP API for scripted runs, Prometheus metrics.")
        {
            config, http, dataDir, tokenFile, maxRuns, seeds, remoteHost, remotePort, publicHost, roles, capacity,
        };
        command.SetAction(async (parse, ct) =>
        {
            DaemonSettings settings;
            try
            {
                settings = DaemonSettingsLoader.Load(new DaemonOverrides
                {
                    ConfigFile = parse.GetValue(config), HttpUrl = parse.GetValue(http), DataDir = parse.GetValue(dataDir),
                    TokenFile = parse.GetValue(tokenFile), MaxConcurrentRuns = parse.GetValue(maxRuns),
                    SeedNodes = Split(parse.GetValue(seeds)), RemoteHost = parse.GetValue(remoteHost), RemotePort = parse.GetValue(remotePort),
                    PublicHost = parse.GetValue(publicHost), Roles = Split(parse.GetValue(roles)), Capacity = parse.GetValue(capacity),
                });
            }
            catch (DaemonConfigException e)
            {
                await Console.Error.WriteLineAsync($"smbench: {e.Message}");
                return ExitCodes.Usage;
            }
            WebApplication app;
            try
            {
                app = DaemonHost.Build(settings);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"smbench: cannot prepare data dir {settings.DataDir}: {e.Message}");
                return ExitCodes.Usage;
            }
            await using (app)
            {
                var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SMBench.Daemon");
                log.LogInformation("smbench daemon: API {Url}, data dir {DataDir}, config {Config}, {Auth}, up to {MaxRuns} concurrent run(s)",
                    settings.HttpUrl, settings.DataDir, settings.ConfigSource,
                    settings.ApiToken == null ? "no API token (loopback only)" : "bearer token required on /api/*", settings.MaxConcurrentRuns);
                if (settings.Cluster.Enabled)
                    log.LogInformation("cluster mode: remoting {Host}:{Port} (public {Public}), seeds [{Seeds}], roles [{Roles}], capacity {Capacity}",
                        settings.Cluster.Hostname, settings.Cluster.Port, settings.Cluster.AdvertisedHost,
                        string.Join(", ", settings.Cluster.SeedNodes), string.Join(", ", settings.Cluster.Roles), settings.Cluster.Capacity);
                try
                {
                    // Resolved before running: RunAsync disposes the service provider on the way out.
                    var clusterExit = app.Services.GetService<SMBench.Daemon.Cluster.ClusterExitWatch>();
                    await app.RunAsync(ct);
                    if (clusterExit is { LeftCluster: true }) return ExitCodes.RunFailures;
                }
                catch (IOException e)
                {
                    // Kestrel reports "address already in use" this way.
                    await Console.Error.WriteLineAsync($"smbench: cannot listen on {settings.HttpUrl}: {e.Message}");
                    return ExitCodes.Unreachable;
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string>? Split(string? text)
        => text == null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
