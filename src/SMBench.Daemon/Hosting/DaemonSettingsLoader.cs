using Akka.Configuration;

namespace SMBench.Daemon.Hosting;

/// <summary>Resolves <see cref="DaemonSettings"/>: HOCON file → environment → flags.</summary>
public static class DaemonSettingsLoader
{
    public const string DefaultConfigRelativePath = "config/akka.hocon";

    // Same values as config/akka.hocon, for an installation without the file.
    private const string BuiltInDefaults = """
        smbench.daemon {
          http = "http://127.0.0.1:5080"
          data-dir = ".smbench"
          api-token-file = ""
          max-concurrent-runs = 1
          log-buffer-lines = 5000
          status-timeout = 2s
          shutdown-timeout = 30s
          cluster {
            enabled = off
            hostname = "127.0.0.1"
            public-hostname = ""
            port = 4053
            seed-nodes = []
            roles = ["replay"]
            capacity = 1
            start-lead = 500ms
            prepare-timeout = 5m
            split-brain-stable-after = 10s
          }
          max-upload-bytes = 8589934592
        }
        akka {
          loglevel = INFO
          stdout-loglevel = WARNING
          log-dead-letters = 10
          log-dead-letters-during-shutdown = off
          coordinated-shutdown.exit-clr = off
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """;

    public static DaemonSettings Load(DaemonOverrides flags, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var (hocon, source) = ReadHocon(flags.ConfigFile ?? NonEmpty(env("SMBENCH_CONFIG")));
        var d = hocon.GetConfig("smbench.daemon") ?? ConfigurationFactory.Empty;

        var http = flags.HttpUrl ?? NonEmpty(env("SMBENCH_HTTP")) ?? d.GetString("http", "http://127.0.0.1:5080");
        if (!Uri.TryCreate(http.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
            throw new DaemonConfigException($"HTTP address '{http}' is not an http:// or https:// URL (e.g. http://127.0.0.1:5080)");
        var dataDir = Path.GetFullPath(flags.DataDir ?? NonEmpty(env("SMBENCH_DATA_DIR")) ?? d.GetString("data-dir", ".smbench"));
        var maxRuns = flags.MaxConcurrentRuns ?? ParseInt(env("SMBENCH_MAX_CONCURRENT_RUNS"), "SMBENCH_MAX_CONCURRENT_RUNS")
            ?? d.GetInt("max-concurrent-runs", 1);
        if (maxRuns < 1) throw new DaemonConfigException($"max-concurrent-runs must be 1 or more (got {maxRuns})");

        var token = NonEmpty(env("SMBENCH_API_TOKEN"));
        var tokenFile = flags.TokenFile ?? NonEmpty(env("SMBENCH_API_TOKEN_FILE")) ?? NonEmpty(d.GetString("api-token-file", ""));
        if (token == null && tokenFile != null) token = ReadTokenFile(tokenFile);

        var maxUpload = ParseLong(env("SMBENCH_MAX_UPLOAD_BYTES"), "SMBENCH_MAX_UPLOAD_BYTES")
            ?? d.GetLong("max-upload-bytes", DaemonSettings.DefaultMaxUploadBytes);
        if (maxUpload < 1) throw new DaemonConfigException($"max-upload-bytes must be 1 or more (got {maxUpload})");

        var settings = new DaemonSettings
        {
            HttpUrl = http, ApiToken = token, DataDir = dataDir, MaxConcurrentRuns = maxRuns,
            LogBufferLines = d.GetInt("log-buffer-lines", 5000),
            StatusTimeout = d.GetTimeSpan("status-timeout", TimeSpan.FromSeconds(2)),
            ShutdownTimeout = d.GetTimeSpan("shutdown-timeout", TimeSpan.FromSeconds(30)),
            MaxUploadBytes = maxUpload,
            ConfigSource = source, Hocon = hocon,
            Cluster = SMBench.Daemon.Cluster.ClusterSettingsLoader.Load(hocon, flags, env),
        };
        if (settings.ApiToken == null && !settings.IsLoopback)
            throw new DaemonConfigException(
                $"refusing to listen on {http} without an API token: set SMBENCH_API_TOKEN (or api-token-file / --token-file), " +
                "or listen on a loopback address such as http://127.0.0.1:5080");
        return settings;
    }

    private static (Config Hocon, string Source) ReadHocon(string? explicitPath)
    {
        var defaults = ConfigurationFactory.ParseString(BuiltInDefaults);
        if (explicitPath != null)
        {
            if (!File.Exists(explicitPath)) throw new DaemonConfigException($"config file '{explicitPath}' does not exist");
            return (Parse(explicitPath).WithFallback(defaults), Path.GetFullPath(explicitPath));
        }
        foreach (var candidate in new[]
                 {
                     Path.GetFullPath(DefaultConfigRelativePath),
                     Path.Combine(AppContext.BaseDirectory, DefaultConfigRelativePath),
                 })
            if (File.Exists(candidate)) return (Parse(candidate).WithFallback(defaults), candidate);
        return (defaults, "built-in defaults");
    }

    private static Config Parse(string path)
    {
        try
        {
            return ConfigurationFactory.ParseString(File.ReadAllText(path));
        }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException)
        {
            throw new DaemonConfigException($"config file '{path}' is not valid HOCON: {e.Message}");
        }
    }

    private static string ReadTokenFile(string path)
    {
        try
        {
            var token = File.ReadLines(path).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(token) ? throw new DaemonConfigException($"token file '{path}' is empty") : token;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DaemonConfigException($"cannot read token file '{path}': {e.Message}");
        }
    }

    private static int? ParseInt(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, out var n) ? n : throw new DaemonConfigException($"{name}='{text}' is not a number");
    }

    private static long? ParseLong(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return long.TryParse(text, out var n) ? n : throw new DaemonConfigException($"{name}='{text}' is not a number");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
