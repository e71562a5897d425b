using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using SMBench.Daemon.Cluster;
using SMBench.Daemon.Hosting.Logging;
using SMBench.Daemon.Http;
using SMBench.Daemon.Metrics;
using SMBench.Daemon.Runs;

namespace SMBench.Daemon.Hosting;

/// <summary>
/// Composes the daemon: Generic Host (systemd-aware) + Akka.Hosting actor system <c>smbench</c> + Kestrel with the
/// HTTP API, OpenAPI document and Prometheus endpoint.
/// </summary>
public static class DaemonHost
{
    public const string ActorSystemName = "smbench";

    public static WebApplication Build(DaemonSettings settings)
    {
        Directory.CreateDirectory(settings.DataDir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(settings.HttpUrl);
        // Under systemd: Type=notify readiness, journald-friendly console format; a no-op elsewhere.
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout + TimeSpan.FromSeconds(5));

        var ring = new LogRing(settings.LogBufferLines);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddProvider(new LogRingProvider(ring));
        // One line per HTTP request would drown the runs' own lines at 1,000 status requests per second.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        var metrics = new DaemonMetrics();
        var runOptions = new RunManagerOptions
        {
            DataDir = settings.DataDir, MaxConcurrentRuns = settings.MaxConcurrentRuns, StatusTimeout = settings.StatusTimeout,
        };
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(ring);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(runOptions);
        builder.Services.AddSingleton(new DaemonClock(DateTimeOffset.UtcNow));
        builder.Services.AddAkka(ActorSystemName, (akka, _) =>
        {
            akka.AddHocon(settings.Hocon, HoconAddMode.Prepend);
            akka.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = AkkaLogLevel(settings.Hocon.GetString("akka.loglevel", "INFO"));
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            akka.AddRunManager(runOptions, metrics);
            if (settings.Cluster.Enabled) akka.AddClusterRuns(settings.Cluster, settings.DataDir, metrics);
        });
        builder.Services.AddHostedService<RunShutdownService>();
        if (settings.Cluster.Enabled)
        {
            builder.Services.AddSingleton<ClusterExitWatch>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterExitWatch>());
        }
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        var app = builder.Build();
        app.UseMiddleware<BearerTokenMiddleware>();
        app.MapOpenApi();
        app.MapMetrics("/metrics");
        HealthEndpoints.Map(app);
        RunEndpoints.Map(app);
        WorkloadEndpoints.Map(app);
        ClusterEndpoints.Map(app);
        ActorEndpoints.Map(app);
        LogEndpoints.Map(app);
        PaletteEndpoints.Map(app);
        return app;
    }

    private static Akka.Event.LogLevel AkkaLogLevel(string text) => text.ToUpperInvariant() switch
    {
        "DEBUG" => Akka.Event.LogLevel.DebugLevel,
        "WARNING" or "WARN" => Akka.Event.LogLevel.WarningLevel,
        "ERROR" => Akka.Event.LogLevel.ErrorLevel,
        _ => Akka.Event.LogLevel.InfoLevel,
    };
}

/// <summary>When the daemon started (for /healthz uptime).</summary>
public sealed record DaemonClock(DateTimeOffset StartedAt);
