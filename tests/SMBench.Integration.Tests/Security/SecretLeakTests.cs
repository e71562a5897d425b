using System.Globalization;
using System.Text.Json;
using SMBench.Integration.Tests.Cli;
using SMBench.Integration.Tests.Daemon;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// After everything that handles a password or SMB3 keys has run — a replay from the CLI and one through the daemon
/// against an smbd that requires encryption, a login with a wrong password, provisioning, and a compile of the
/// captured (encrypted) traffic with --session-key — neither the passwords nor any session, signing, application or
/// cipher key appears in any results file, workload, report, stdout/stderr, the daemon's log or its API answers.
/// The keys are the ones smbd derived for those very sessions ("debug encryption").
/// </summary>
public sealed class SecretLeakTests
{
    private const string Password = "Canary-Pw-7f3e9b!q";
    private const string WrongPassword = "Wrong-Canary-41d2c8";
    private const string User = "smbleak";

    [RequiresSambaAndCaptureFact]
    public async Task No_password_or_key_appears_in_anything_a_run_leaves_behind()
    {
        var dir = Directory.CreateTempSubdirectory("smbench-secrets-").FullName;
        try
        {
            await using var smbd = await SambaServer.StartAsync(new SambaOptions
            {
                UserName = User, Password = Password, SmbEncrypt = "required", MinProtocol = "SMB3",
                ExtraGlobal = "  debug encryption = yes",
            });
            var workload = Path.Combine(dir, "workload");
            CopyDirectory(Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example"), workload);
            var target = $"smb://127.0.0.1:{smbd.Port}/{smbd.ShareName}";
            var env = new Dictionary<string, string> { ["LEAK_PW"] = Password, ["LEAK_WRONG_PW"] = WrongPassword };
            var texts = new List<(string Where, string Text)>();
            void Keep(string where, (int Code, string Stdout, string Stderr) r)
            {
                texts.Add((where + " stdout", r.Stdout));
                texts.Add((where + " stderr", r.Stderr));
            }

            var pcap = Path.Combine(dir, "replay.pcap");
            await using (var capture = await LoopbackCapture.StartAsync(pcap, smbd.Port))
            {
                var replay = await SmbenchProcess.RunAsync($"replay {workload} --target {target} --backend smb --mode mvp " +
                    $"--user {User} --password-env LEAK_PW --time-scale 0 --results {dir}/results --json", env);
                Assert.True(replay.Code == 0, replay.Stdout + replay.Stderr);
                Keep("replay", replay);
                await capture.StopAsync();
            }

            var wrong = await SmbenchProcess.RunAsync($"replay {workload} --target {target} --backend smb " +
                $"--user {User} --password-env LEAK_WRONG_PW --time-scale 0 --results {dir}/results-wrong --json", env);
            Assert.True(wrong.Code == 3, $"a wrong password should be exit 3: {wrong.Stdout}{wrong.Stderr}");
            Keep("replay with a wrong password", wrong);

            var provision = await SmbenchProcess.RunAsync($"provision {workload} --target {target} --root provisioned --user {User} --password-env LEAK_PW", env);
            Assert.True(provision.Code == 0, provision.Stdout + provision.Stderr);
            Keep("provision", provision);

            await using (var daemon = await DaemonProcess.StartAsync(environment: env))
            {
                var id = await daemon.SubmitAsync(new
                {
                    workload, target, backend = "smb", mode = "mvp", time_scale = 0.0, user = User, password_env = "LEAK_PW",
                });
                var run = await daemon.WaitEndedAsync(id, TimeSpan.FromMinutes(2));
                Assert.True(run.GetProperty("state").GetString() == "completed", run.ToString());
                foreach (var path in new[] { $"/api/runs/{id}", "/api/runs", $"/api/runs/{id}/results", "/api/logs?tail=5000" })
                {
                    using var r = await daemon.Http.GetAsync(path);
                    texts.Add(("GET " + path, await r.Content.ReadAsStringAsync()));
                }
                await daemon.TerminateAsync(TimeSpan.FromSeconds(30));
                texts.Add(("daemon output", daemon.Output));
                CopyDirectory(daemon.DataDir, Path.Combine(dir, "daemon-data"));
            }

            var sessions = SmbdKeyDump.Parse(smbd.Output);
            // Two clients from the CLI, two from the daemon, one provisioning session at least.
            Assert.True(sessions.Count >= 5, $"smbd dumped {sessions.Count} sessions' keys: {smbd.Output}");
            // smbd's children share one stdout: a dump still being written when we read it can lack its keys yet.
            var keyArgs = string.Join(' ', sessions.Where(s => s.Keys.ContainsKey("Session Key")).Select(s =>
                $"--session-key 0x{s.SessionId.ToString("x16", CultureInfo.InvariantCulture)}:{Convert.ToHexString(s.Keys["Session Key"])}"));
            var compile = await SmbenchProcess.RunAsync($"compile {pcap} -o {dir}/compiled {keyArgs} --json");
            Assert.True(compile.Code == 0, compile.Stdout + compile.Stderr);
            Keep("compile --session-key", compile);
            using (var report = JsonDocument.Parse(compile.Stdout))
            {
                // The keys did their job: the encrypted sessions were decrypted into operations.
                Assert.True(report.RootElement.GetProperty("encrypted_connections").GetInt64() > 0, compile.Stdout);
                Assert.True(report.RootElement.GetProperty("ops_total").GetInt64() > 0, compile.Stdout);
            }

            var scanner = new SecretScanner();
            scanner.AddPassword("the password", Password);
            scanner.AddPassword("the wrong password", WrongPassword);
            foreach (var s in sessions)
                foreach (var (name, key) in s.Keys)
                {
                    Assert.True(key.Length >= 16, $"{name} of session {s.SessionId:x}: {key.Length} bytes parsed");
                    scanner.AddKey($"{name} of session {s.SessionId:x}", key);
                }
            // Control: the scanner does find every key where it is known to be, smbd's own dump.
            Assert.Equal(scanner.Count - 2, scanner.LabelsFoundIn(smbd.Output).Count);
            var findings = new List<string>();
            foreach (var d in new[] { Path.Combine(dir, "results"), Path.Combine(dir, "results-wrong"), Path.Combine(dir, "compiled"), workload, Path.Combine(dir, "daemon-data") })
                findings.AddRange(scanner.ScanDirectory(d));
            foreach (var (where, text) in texts) findings.AddRange(scanner.ScanText(where, text));
            Assert.True(findings.Count == 0, "secrets found:\n" + string.Join("\n", findings));
            // The scan looked at what it should: results and journals exist.
            Assert.True(File.Exists(Path.Combine(dir, "results", "ops.jsonl")));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "daemon-data"), "ops.jsonl", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
    }
}
