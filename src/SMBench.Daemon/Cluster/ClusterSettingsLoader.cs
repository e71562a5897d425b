using System.Globalization;
using Akka.Configuration;
using SMBench.Daemon.Hosting;

namespace SMBench.Daemon.Cluster;

/// <summary>Resolves <see cref="ClusterNodeOptions"/>: HOCON <c>smbench.daemon.cluster</c> → environment → flags.</summary>
public static class ClusterSettingsLoader
{
    public const string SeedPrefix = "akka.tcp://" + DaemonHost.ActorSystemName + "@";

    public static ClusterNodeOptions Load(Config hocon, DaemonOverrides flags, Func<string, string?> env)
    {
        var c = hocon.GetConfig("smbench.daemon.cluster") ?? ConfigurationFactory.Empty;
        var seeds = flags.SeedNodes ?? List(env("SMBENCH_SEED_NODES")) ?? c.GetStringList("seed-nodes", []).ToList();
        foreach (var seed in seeds) CheckSeed(seed);
        var roles = flags.Roles ?? List(env("SMBENCH_ROLES")) ?? c.GetStringList("roles", [ClusterNodeOptions.ReplayRole]).ToList();
        var port = flags.RemotePort ?? Int(env("SMBENCH_REMOTE_PORT"), "SMBENCH_REMOTE_PORT") ?? c.GetInt("port", 4053);
        if (port is < 0 or > 65535) throw new DaemonConfigException($"remote port {port} is not 0–65535");
        var capacity = flags.Capacity ?? Double(env("SMBENCH_CAPACITY"), "SMBENCH_CAPACITY") ?? c.GetDouble("capacity", 1.0);
        if (capacity <= 0 || double.IsNaN(capacity)) throw new DaemonConfigException($"cluster capacity must be above 0 (got {capacity})");
        var enabledText = NonEmpty(env("SMBENCH_CLUSTER"));
        var enabled = seeds.Count > 0 || (enabledText != null ? enabledText is "on" or "true" or "1" : c.GetBoolean("enabled", false));
        return new ClusterNodeOptions
        {
            Enabled = enabled,
            Hostname = flags.RemoteHost ?? NonEmpty(env("SMBENCH_REMOTE_HOST")) ?? c.GetString("hostname", "127.0.0.1"),
            PublicHostname = flags.PublicHost ?? NonEmpty(env("SMBENCH_PUBLIC_HOST")) ?? NonEmpty(c.GetString("public-hostname", "")),
            Port = port,
            SeedNodes = seeds,
            Roles = roles,
            Capacity = capacity,
            StartLead = c.GetTimeSpan("start-lead", TimeSpan.FromMilliseconds(500)),
            PrepareTimeout = c.GetTimeSpan("prepare-timeout", TimeSpan.FromMinutes(5)),
            StableAfter = c.GetTimeSpan("split-brain-stable-after", TimeSpan.FromSeconds(10)),
        };
    }

    private static void CheckSeed(string seed)
    {
        if (!seed.StartsWith(SeedPrefix, StringComparison.Ordinal) || !Uri.TryCreate(seed, UriKind.Absolute, out var uri) || uri.Port <= 0)
            throw new DaemonConfigException($"seed node '{seed}' is not {SeedPrefix}host:port (e.g. {SeedPrefix}10.0.0.11:4053)");
    }

    private static List<string>? List(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static int? Int(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : throw new DaemonConfigException($"{name}='{text}' is not a number");
    }

    private static double? Double(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return double.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : throw new DaemonConfigException($"{name}='{text}' is not a number");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
