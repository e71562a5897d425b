using Akka.Actor;
using SMBench.Actors.Backends;
using SMBench.Actors.Backends.Smb;
using SMBench.Compiler;
using SMBench.Core.Blobs;
using SMBench.Core.Credentials;
using SMBench.Core.Results;
using SMBench.Provisioner.Prestate;
using SMBench.Streams.Runs;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.EndToEnd;

/// <summary>
/// The whole chain on real parts: a capture of smbclient reading files that existed before the capture (tcpdump on
/// lo) → compile → pre-state provisioned on a fresh smbd → realistic replay. Without the pre-state the reads fail
/// where the capture's succeeded; with it the replay gets the captured status for (nearly) every op.
/// </summary>
public sealed class PrestateRoundTripTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("smbench-e2e-").FullName;

    [RequiresCaptureFact]
    public async Task A_compiled_capture_replays_faithfully_only_once_its_prestate_is_provisioned()
    {
        var pcap = Path.Combine(_tmp, "customer.pcap");
        await using (var origin = await SambaServer.StartAsync())
        {
            var folder = Path.Combine(origin.SharePath, "projects", "alpha");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < 8; i++) File.WriteAllBytes(Path.Combine(folder, $"doc{i}.bin"), new byte[20_000 + i * 1_000]);
            ExternalProcess.Run("chmod", $"-R a+rwX {origin.SharePath}");
            await using var capture = await LoopbackCapture.StartAsync(pcap, origin.Port);
            var gets = string.Join("; ", Enumerable.Range(0, 8).Select(i => $"get doc{i}.bin {_tmp}/got{i}.bin"));
            var (code, output) = origin.SmbClient($"cd projects/alpha; ls; {gets}; cd /; ls");
            Assert.True(code == 0, output);
            await capture.StopAsync();
        }

        var workload = Path.Combine(_tmp, "workload");
        var report = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = pcap, OutputDirectory = workload });
        Assert.True(report.OpsTotal > 20, $"only {report.OpsTotal} ops compiled");
        var prestate = await PrestateDocument.LoadAsync(Path.Combine(workload, PrestateDocument.FileName));
        Assert.Contains(prestate.Files, f => f.Path.EndsWith("doc7.bin", StringComparison.Ordinal) && f.Size >= 27_000);

        await using var lab = await SambaServer.StartAsync();
        var credential = new Credential(null, lab.UserName, lab.Password);
        using var system = ActorSystem.Create("smbench");

        var bare = await ReplayAsync(system, lab, workload, "bare", credential);
        Assert.NotNull(bare.StatusMatchRate);
        Assert.True(bare.StatusMatchRate < 0.9, $"without pre-state the match rate was {bare.StatusMatchRate}");

        await using (var writer = await SmbShareWriter.ConnectAsync("127.0.0.1", lab.Port, lab.ShareName, credential))
            await new PrestateProvisioner(writer).ProvisionAsync(prestate, "provisioned");
        var provisioned = await ReplayAsync(system, lab, workload, "provisioned", credential);
        Assert.True(provisioned.StatusMatchRate >= 0.99,
            $"with pre-state the match rate was {provisioned.StatusMatchRate}: {string.Join(", ", provisioned.Mismatches)}");
        Assert.Equal(provisioned.OpsTotal, provisioned.StatusChecked);
        await system.Terminate();
    }

    private async Task<RunSummary> ReplayAsync(ActorSystem system, SambaServer lab, string workload, string root, Credential credential)
    {
        var backend = new SmbBackend(new SmbTarget("127.0.0.1", lab.Port, lab.ShareName, root), _ => credential,
            ReplayMode.Realistic, new BlobStore(workload));
        await using var _ = backend;
        var finished = await ReplayRunner.RunAsync(system, new ReplayRequest
        {
            WorkloadPath = workload, Backend = backend, Mode = ReplayMode.Realistic, TimeScale = 0,
            ResultsDir = Path.Combine(_tmp, "results-" + root),
        });
        Assert.Null(finished.LoginFailure);
        return finished.Summary;
    }

    public void Dispose()
    {
        try { Directory.Delete(_tmp, true); } catch (IOException) { }
    }
}
