using System.Text.RegularExpressions;
using SMBench.Daemon.Hosting;
using SMBench.TestSupport;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>
/// No Docker engine runs on the build machines, so the docker/ files are checked here instead: the compose file
/// parses, references files that exist, and gives each daemon an environment the daemon's own settings loader
/// accepts as a cluster node; the Dockerfile is multi-stage, non-root and copies and runs what the repository has;
/// the Samba DC image uses the packages and provisioning CI uses.
/// </summary>
public sealed partial class DockerLabFilesTests
{
    private static readonly string Repo = SMBench.TestSupport.RepoPaths.Root;
    private static string Docker => Path.Combine(Repo, "docker");

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Docker, "compose.yaml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Service(string name)
        => (Dictionary<object, object>)((Dictionary<object, object>)Compose()["services"])[name];

    private static Dictionary<string, string> DockerfileEnv()
    {
        var text = File.ReadAllText(Path.Combine(Docker, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in EnvPair().Matches(string.Join("\n", text.Split('\n').Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))))
            env[m.Groups[1].Value] = m.Groups[2].Value;
        return env;
    }

    [Fact]
    public void The_compose_file_has_three_daemons_a_dc_prometheus_and_grafana()
    {
        var services = (Dictionary<object, object>)Compose()["services"];
        Assert.Equal(new[] { "grafana", "node1", "node2", "node3", "prometheus", "samba-dc" }, services.Keys.Select(k => (string)k).Order());
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    [InlineData("node3")]
    public void Each_daemon_gets_settings_the_daemon_accepts_as_a_cluster_node(string name)
    {
        var service = Service(name);
        var build = (Dictionary<object, object>)service["build"];
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Docker, (string)build["context"], (string)build["dockerfile"]))));
        var env = DockerfileEnv();
        foreach (var (k, v) in (Dictionary<object, object>)service["environment"])
            env[(string)k] = Regex.Replace((string)v, @"\$\{[A-Z_]+:\?[^}]*\}", "placeholder-token");
        var settings = DaemonSettingsLoader.Load(new DaemonOverrides { ConfigFile = Path.Combine(Repo, "config", "akka.hocon") },
            v => env.GetValueOrDefault(v));
        Assert.True(settings.Cluster.Enabled);
        Assert.Equal("0.0.0.0", settings.Cluster.Hostname);
        Assert.Equal(name, settings.Cluster.AdvertisedHost);
        Assert.Equal(4053, settings.Cluster.Port);
        Assert.Equal(["akka.tcp://smbench@node1:4053"], settings.Cluster.SeedNodes);
        Assert.Equal("http://0.0.0.0:5080", settings.HttpUrl);
        Assert.Equal("/var/lib/smbench", settings.DataDir);
        Assert.NotNull(settings.ApiToken); // a non-loopback API needs one: compose refuses to start without it
    }

    [Fact]
    public void Every_file_the_compose_file_mounts_exists_and_prometheus_scrapes_the_three_daemons()
    {
        foreach (var name in new[] { "prometheus", "grafana" })
            foreach (var volume in ((List<object>)Service(name)["volumes"]).Cast<string>())
                Assert.True(File.Exists(Path.Combine(Docker, volume.Split(':')[0])) || Directory.Exists(Path.Combine(Docker, volume.Split(':')[0])), volume);
        var prometheus = File.ReadAllText(Path.Combine(Docker, "prometheus", "prometheus.yml"));
        Assert.Contains("[\"node1:5080\", \"node2:5080\", \"node3:5080\"]", prometheus, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Docker, (string)((Dictionary<object, object>)Service("samba-dc")["build"])["context"], "Dockerfile")));
    }

    [Fact]
    public void The_daemon_image_is_multi_stage_non_root_and_runs_the_built_smbench()
    {
        var lines = File.ReadAllLines(Path.Combine(Docker, "Dockerfile")).Select(l => l.Trim()).ToList();
        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2, "multi-stage");
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))[5..].Trim();
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
                Assert.True(File.Exists(Path.Combine(Repo, source)) || Directory.Exists(Path.Combine(Repo, source)), $"{copy}: {source} is missing");
        }
        var publish = lines.Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Repo, publish.Split(' ').Single(p => p.EndsWith(".csproj", StringComparison.Ordinal)))));
        Assert.Contains($"/opt/smbench/{typeof(DaemonHost).Assembly.GetName().Name}.dll", lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_dc_image_uses_ci_packages_and_the_fixtures_domain()
    {
        var setup = File.ReadAllText(Path.Combine(Repo, "scripts", "setup-deps.sh"));
        var ciPackages = PackageList().Match(setup).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var dockerfile = File.ReadAllText(Path.Combine(Docker, "samba-dc", "Dockerfile"));
        var install = Regex.Match(dockerfile, @"--no-install-recommends ([a-z0-9 .-]+)").Groups[1].Value.Trim().Split(' ');
        Assert.NotEmpty(install);
        Assert.All(install, p => Assert.Contains(p, ciPackages));
        var entrypoint = File.ReadAllText(Path.Combine(Docker, "samba-dc", "entrypoint.sh"));
        Assert.Contains($"SAMBA_REALM:-{SambaAdDc.Realm}", entrypoint, StringComparison.Ordinal);
        Assert.Contains($"SAMBA_DOMAIN:-{SambaAdDc.NetbiosDomain}", entrypoint, StringComparison.Ordinal);
        Assert.Contains($"[{SambaAdDc.ShareName}]", entrypoint, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"([A-Z_]+)=(\S+)")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"PKGS=\(([^$)]*)")]
    private static partial Regex PackageList();
}
