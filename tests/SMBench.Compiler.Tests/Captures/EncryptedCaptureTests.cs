using System.Globalization;
using System.Text.RegularExpressions;
using SMBench.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace SMBench.Compiler.Tests.Captures;

/// <summary>
/// A session against a server that requires encryption: without keys it is reported as encrypted and skipped; with
/// the session key smbclient dumps ("debug encryption"), the compiler derives the 3.1.1 keys from the captured
/// NEGOTIATE/SESSION_SETUP exchange and decrypts it.
/// </summary>
public sealed partial class EncryptedCaptureTests
{
    private readonly ITestOutputHelper _out;

    public EncryptedCaptureTests(ITestOutputHelper output) => _out = output;

    [RequiresCaptureFact]
    public async Task Encrypted_session_is_skipped_without_key_and_decrypted_with_it()
    {
        var dir = TestPaths.NewTempDir("encrypted");
        var file = Path.Combine(dir, "encrypted.pcap");
        var payload = Path.Combine(dir, "payload.bin");
        File.WriteAllBytes(payload, Enumerable.Range(0, 30_000).Select(i => (byte)i).ToArray());
        string output;
        await using (var server = await SambaServer.StartAsync(new SambaOptions { SmbEncrypt = "required" }))
        await using (var capture = await LoopbackCapture.StartAsync(file, server.Port))
        {
            (_, output) = ExternalProcess.Run("smbclient",
                $"{server.Unc} -p {server.Port} -U {server.UserName}%{server.Password} -m SMB3 --option=debugencryption=yes -c \"put {payload} secret.bin; get secret.bin {dir}/back.bin\"");
            await capture.StopAsync();
        }
        _out.WriteLine(output);
        var key = KeyDump().Match(output);
        Assert.True(key.Success, "smbclient did not dump the session key: " + output);
        var sessionId = BitConverter.ToUInt64(Convert.FromHexString(key.Groups["id"].Value.Replace(" ", "", StringComparison.Ordinal)));
        var sessionKey = key.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal);

        var plain = await CaptureCompiler.CompileAsync(new CompileOptions { InputPath = file, OutputDirectory = Path.Combine(dir, "no-key") });
        Assert.Equal(1, plain.EncryptedConnections);
        Assert.Equal(0, plain.DecryptedConnections);
        Assert.False(plain.ByType.ContainsKey("write"));
        Assert.True(plain.Skipped["encrypted message (SMB3 transform, no session key)"] > 0);

        var decrypted = await CaptureCompiler.CompileAsync(new CompileOptions
        {
            InputPath = file,
            OutputDirectory = Path.Combine(dir, "with-key"),
            SessionKeys = [$"0x{sessionId.ToString("x16", CultureInfo.InvariantCulture)}:{sessionKey}"],
        });
        Assert.Equal(1, decrypted.DecryptedConnections);
        Assert.Equal(1, decrypted.ByType["write"]);
        Assert.Equal(1, decrypted.ByType["read"]);
        Assert.DoesNotContain(decrypted.Skipped.Keys, k => k.StartsWith("encrypted", StringComparison.Ordinal));
        Directory.Delete(dir, true);
    }

    [GeneratedRegex(@"Session Id\s+\[0000\]\s+(?<id>(?:[0-9A-F]{2} ){7}[0-9A-F]{2}).*?Session Key\s+\[0000\]\s+(?<key>(?:[0-9A-F]{2}\s+){15}[0-9A-F]{2})", RegexOptions.Singleline)]
    private static partial Regex KeyDump();
}
