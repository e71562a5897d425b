using SMBench.TestSupport;
using Xunit;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>
/// One capture of smbclient doing a realistic mix against a throwaway smbd, made once for the tests that read it.
/// Does nothing where captures cannot be made (the tests then skip).
/// </summary>
public sealed class SmbclientCaptureFixture : IAsyncLifetime
{
    public const int FileCount = 4;
    public const int FileSize = 40_000;

    public string Dir { get; } = TestPaths.NewTempDir("capture");

    public string CaptureFile => Path.Combine(Dir, "smbclient.pcap");

    public int Port { get; private set; }

    public string UserName { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (LoopbackCapture.Unavailable() != null) return;
        await using var server = await SambaServer.StartAsync();
        Port = server.Port;
        UserName = server.UserName;
        var work = Path.Combine(Dir, "work");
        Directory.CreateDirectory(work);
        var commands = new List<string> { "mkdir projects", "cd projects" };
        for (var i = 1; i <= FileCount; i++)
        {
            File.WriteAllBytes(Path.Combine(work, $"report{i}.dat"), Enumerable.Range(0, FileSize).Select(b => (byte)(b * i)).ToArray());
            commands.Add($"put {work}/report{i}.dat report{i}.dat");
        }
        commands.Add("ls");
        for (var i = 1; i <= FileCount; i++) commands.Add($"get report{i}.dat {work}/back{i}.dat");
        commands.AddRange(["rename report1.dat final.dat", "del final.dat", "cd ..", "allinfo projects"]);

        await using (var capture = await LoopbackCapture.StartAsync(CaptureFile, Port))
        {
            var (code, output) = server.SmbClient(string.Join("; ", commands));
            if (code != 0) throw new InvalidOperationException("smbclient failed: " + output);
            await capture.StopAsync();
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Dir, true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
