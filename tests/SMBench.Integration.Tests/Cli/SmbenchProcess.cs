using SMBench.TestSupport;
using System.Diagnostics;

namespace SMBench.Integration.Tests.Cli;

/// <summary>Runs the built <c>smbench</c> (copied next to the tests) as a separate process, as users do.</summary>
internal static class SmbenchProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "smbench.dll");

    public static string RepoRoot() => RepoPaths.Root;

    public static Process Start(string args, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("dotnet", $"{Dll} {args}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (env != null)
            foreach (var (k, v) in env) psi.Environment[k] = v;
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start smbench");
    }

    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string args, IDictionary<string, string>? env = null,
        int timeoutSeconds = 120)
    {
        using var p = Start(args, env);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
    }
}
