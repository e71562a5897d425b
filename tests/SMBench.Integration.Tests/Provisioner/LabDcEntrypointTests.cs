using System.Diagnostics;
using System.Text;
using SMBench.Smb.Security.Ntlm;
using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Provisioner;

/// <summary>
/// The compose lab's domain controller entrypoint (docker/samba-dc/entrypoint.sh), run here for real up to the end of
/// provisioning: the administrator gets the password from SAMBA_ADMIN_PASSWORD, which no file keeps.
/// </summary>
public sealed class LabDcEntrypointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-lab-dc-").FullName;

    [RequiresSambaAdDcFact]
    public void The_admin_password_comes_from_the_environment_and_is_stored_nowhere_in_clear()
    {
        var password = "Lab-" + Guid.NewGuid().ToString("N")[..12] + "!";
        var target = Path.Combine(_dir, "srv");
        var psi = new ProcessStartInfo("sh", $"{Path.Combine(RepoPaths.Root, "docker", "samba-dc", "entrypoint.sh")} --provision-only")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["SAMBA_DIR"] = target;
        psi.Environment["SAMBA_ADMIN_PASSWORD"] = password;
        using (var p = Process.Start(psi)!)
        {
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(120_000), "provisioning did not finish in 2 minutes");
            Assert.True(p.ExitCode == 0, output.Result + errors.Result);
            Assert.DoesNotContain(password, output.Result + errors.Result, StringComparison.Ordinal);
        }

        // The NT hash Samba stores is the hash of the password from the environment.
        var hash = ExternalProcess.RunChecked("/usr/bin/python3", $"- {target}", """
            import sys
            from samba.auth import system_session
            from samba.param import LoadParm
            from samba.samdb import SamDB
            lp = LoadParm(); lp.load(sys.argv[1] + "/etc/smb.conf")
            db = SamDB(url=sys.argv[1] + "/private/sam.ldb", session_info=system_session(), lp=lp)
            print(bytes(db.search(expression="(sAMAccountName=Administrator)", attrs=["unicodePwd"])[0]["unicodePwd"][0]).hex())
            """).Trim();
        Assert.Equal(Convert.ToHexString(NtlmCrypto.NtHash(password)), hash, ignoreCase: true);
        Assert.Contains("[data]", File.ReadAllText(Path.Combine(target, "etc", "smb.conf")), StringComparison.Ordinal);

        var clear = Encoding.UTF8.GetBytes(password);
        var utf16 = Encoding.Unicode.GetBytes(password);
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(clear) < 0 && bytes.AsSpan().IndexOf(utf16) < 0, $"{file} holds the password");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
