using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>Two users working at the same time from one address: one IR client each, by default.</summary>
public sealed class MultiUserCaptureTests
{
    [RequiresCaptureFact]
    public async Task Concurrent_users_become_separate_clients_with_their_own_ops()
    {
        var dir = TestPaths.NewTempDir("multiuser");
        var file = Path.Combine(dir, "two-users.pcap");
        await using (var server = await SambaServer.StartAsync())
        {
            server.EnsureUser("smbtest2", "Passw0rd-Test2");
            await using var capture = await LoopbackCapture.StartAsync(file, server.Port);
            var first = Task.Run(() => server.SmbClient("mkdir alice; cd alice; mkdir a1; mkdir a2"));
            var second = Task.Run(() => ExternalProcess.Run("smbclient",
                $"{server.Unc} -p {server.Port} -U smbtest2%Passw0rd-Test2 -m SMB3 -c \"mkdir bob; cd bob; mkdir b1\""));
            var results = await Task.WhenAll(first, second);
            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
            await capture.StopAsync();
        }

        var byUser = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(dir, "by-user") });
        Assert.Equal(2, byUser.Clients);
        Assert.Equal(2, byUser.Sessions);
        var validation = new WorkloadValidator().Validate(Path.Combine(dir, "by-user"));
        Assert.True(validation.IsValid, string.Join("\n", validation.Errors));
        var reader = WorkloadReader.Open(Path.Combine(dir, "by-user"));
        var users = reader.Header.Clients.ToDictionary(c => c.ClientId, c => c.Extra!["user"].GetString()!);
        var mkdirs = reader.ReadOperations().OfType<MkdirOp>().GroupBy(o => users[o.ClientId]).ToDictionary(g => g.Key, g => g.Select(o => o.Path).Order().ToList());
        Assert.Equal(["alice", "alice/a1", "alice/a2"], mkdirs.Single(kv => kv.Key.EndsWith("\\smbtest", StringComparison.Ordinal)).Value);
        Assert.Equal(["bob", "bob/b1"], mkdirs.Single(kv => kv.Key.EndsWith("\\smbtest2", StringComparison.Ordinal)).Value);
        Directory.Delete(dir, true);
    }
}
