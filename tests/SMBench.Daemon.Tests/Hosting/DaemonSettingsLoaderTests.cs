using SMBench.Daemon.Hosting;
using Xunit;

namespace SMBench.Daemon.Tests.Hosting;

public sealed class DaemonSettingsLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-settings-").FullName;

    private string Hocon(string text)
    {
        var path = Path.Combine(_dir, "akka.hocon");
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] vars)
        => name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_hocon_file_sets_the_daemon_settings_and_reaches_akka()
    {
        var config = Hocon("""
            smbench.daemon { http = "http://127.0.0.1:6001", data-dir = "/tmp/smbench-x", max-concurrent-runs = 3, shutdown-timeout = 7s }
            akka.loglevel = DEBUG
            """);
        var s = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config }, Env());
        Assert.Equal("http://127.0.0.1:6001", s.HttpUrl);
        Assert.Equal("/tmp/smbench-x", s.DataDir);
        Assert.Equal(3, s.MaxConcurrentRuns);
        Assert.Equal(TimeSpan.FromSeconds(7), s.ShutdownTimeout);
        Assert.Equal(5000, s.LogBufferLines); // from the built-in defaults
        Assert.Equal("DEBUG", s.Hocon.GetString("akka.loglevel"));
        Assert.Equal(config, s.ConfigSource);
    }

    [Fact]
    public void Environment_overrides_the_file_and_flags_override_the_environment()
    {
        var config = Hocon("""smbench.daemon { http = "http://127.0.0.1:6001", data-dir = "/tmp/a", max-concurrent-runs = 3 }""");
        var env = Env(("SMBENCH_HTTP", "http://127.0.0.1:6002"), ("SMBENCH_DATA_DIR", "/tmp/b"), ("SMBENCH_MAX_CONCURRENT_RUNS", "4"));
        var fromEnv = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config }, env);
        Assert.Equal(("http://127.0.0.1:6002", "/tmp/b", 4), (fromEnv.HttpUrl, fromEnv.DataDir, fromEnv.MaxConcurrentRuns));

        var fromFlags = DaemonSettingsLoader.Load(new DaemonOverrides
        {
            ConfigFile = config, HttpUrl = "http://127.0.0.1:6003", DataDir = "/tmp/c", MaxConcurrentRuns = 5,
        }, env);
        Assert.Equal(("http://127.0.0.1:6003", "/tmp/c", 5), (fromFlags.HttpUrl, fromFlags.DataDir, fromFlags.MaxConcurrentRuns));
    }

    [Fact]
    public void The_token_comes_from_the_environment_before_a_token_file()
    {
        var tokenFile = Path.Combine(_dir, "token");
        File.WriteAllText(tokenFile, "from-file\n");
        var config = Hocon($$"""smbench.daemon.api-token-file = "{{tokenFile}}" """);
        Assert.Equal("from-file", DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config }, Env()).ApiToken);
        Assert.Equal("from-env", DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = config },
            Env(("SMBENCH_API_TOKEN", "from-env"))).ApiToken);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.0.2.10:5080")]
    public void A_non_loopback_address_without_a_token_is_refused(string url)
    {
        var e = Assert.Throws<DaemonConfigException>(() =>
            DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon(""), HttpUrl = url }, Env()));
        Assert.Contains("without an API token", e.Message, StringComparison.Ordinal);
        Assert.Equal("t", DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon(""), HttpUrl = url },
            Env(("SMBENCH_API_TOKEN", "t"))).ApiToken);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://example.org:5080", false)]
    public void Loopback_addresses_are_recognised(string url, bool loopback)
        => Assert.Equal(loopback, DaemonSettings.IsLoopbackUrl(url));

    [Fact]
    public void Bad_values_are_reported_with_what_to_fix()
    {
        Assert.Contains("does not exist", Assert.Throws<DaemonConfigException>(() =>
            DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Path.Combine(_dir, "missing.hocon") }, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("not an http", Assert.Throws<DaemonConfigException>(() =>
            DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon(""), HttpUrl = "ftp://x" }, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("1 or more", Assert.Throws<DaemonConfigException>(() =>
            DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon(""), MaxConcurrentRuns = 0 }, Env())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_config_file_parses_and_matches_the_built_in_defaults()
    {
        var shipped = DaemonSettingsLoader.Load(
            new DaemonOverrides { ConfigFile = Path.Combine(SMBench.TestSupport.RepoPaths.Root, "config", "akka.hocon") }, Env());
        var builtIn = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Hocon("") }, Env());
        Assert.Equal(builtIn with { Hocon = shipped.Hocon, ConfigSource = shipped.ConfigSource }, shipped);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
