using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SMBench.Integration.Tests.Daemon;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>
/// Workload uploads larger than the daemon's limit (here 1 MiB) are refused with 413 and a message naming the limit
/// and the setting — whether the size is declared, streamed without a length, or hidden in a small gzip that
/// unpacks to more — and the daemon keeps serving and accepting bundles that fit.
/// </summary>
[Collection(SecurityDaemonCollection.Name)]
public sealed class UploadLimitTests(SecurityDaemonFixture fixture)
{
    private DaemonProcess Daemon => fixture.Daemon;

    private static string SeedExample => Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example");

    private async Task<(HttpStatusCode Status, string Error)> Put(string name, HttpContent content)
    {
        using var r = await Daemon.Http.PutAsync($"/api/workloads/{name}", content);
        var text = await r.Content.ReadAsStringAsync();
        var error = text.Length > 0 && JsonDocument.Parse(text).RootElement.TryGetProperty("error", out var e) ? e.GetString()! : text;
        return (r.StatusCode, error);
    }

    private static byte[] Tar(long fileBytes, bool gzip)
    {
        using var buffer = new MemoryStream();
        using (Stream outer = gzip ? new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true) : new KeepOpen(buffer))
        using (var writer = new TarWriter(outer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "workload.json")
            {
                DataStream = new MemoryStream(File.ReadAllBytes(Path.Combine(SeedExample, "workload.json"))),
            });
            foreach (var blob in Directory.GetFiles(Path.Combine(SeedExample, "blobs")))
                writer.WriteEntry(blob, "blobs/" + Path.GetFileName(blob));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "blobs/zeros") { DataStream = new MemoryStream(new byte[fileBytes]) });
        }
        return buffer.ToArray();
    }

    private static void AssertNamesTheLimit(string error)
    {
        Assert.Contains($"at most {SecurityDaemonFixture.UploadLimit} bytes", error, StringComparison.Ordinal);
        Assert.Contains("max-upload-bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_declared_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var content = new ByteArrayContent(Tar(SecurityDaemonFixture.UploadLimit + 64 * 1024, gzip: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var (status, error) = await Put("too-big", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertNamesTheLimit(error);
        await AssertStillServingAsync("too-big");
    }

    [Fact]
    public async Task A_streamed_bundle_without_a_length_is_cut_off_at_the_limit()
    {
        using var content = new StreamContent(new NoLength(Tar(SecurityDaemonFixture.UploadLimit + 64 * 1024, gzip: false)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var (status, error) = await Put("streamed", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        AssertNamesTheLimit(error);
        await AssertStillServingAsync("streamed");
    }

    [Fact]
    public async Task A_small_gzip_that_unpacks_past_the_limit_is_refused()
    {
        var bomb = Tar(48L << 20, gzip: true);
        Assert.True(bomb.Length < SecurityDaemonFixture.UploadLimit, $"the gzip is {bomb.Length} bytes");
        using var content = new ByteArrayContent(bomb);
        var (status, error) = await Put("bomb", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("unpacks to more than that", error, StringComparison.Ordinal);
        AssertNamesTheLimit(error);
        await AssertStillServingAsync("bomb");
    }

    private async Task AssertStillServingAsync(string refusedName)
    {
        var workloads = Path.Combine(Daemon.DataDir, "workloads");
        Assert.False(Directory.Exists(Path.Combine(workloads, refusedName)));
        // Nothing half-extracted is left behind.
        if (Directory.Exists(workloads))
            Assert.DoesNotContain(Directory.GetDirectories(workloads), d => d.Contains(".upload-", StringComparison.Ordinal));
        using (var health = await Daemon.Http.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var content = new ByteArrayContent(Tar(1000, gzip: true));
        var name = refusedName + "-small";
        var (status, error) = await Put(name, content);
        Assert.True(status == HttpStatusCode.Created, error);
    }

    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    /// <summary>A readable stream that hides its length, so HttpClient sends it chunked.</summary>
    private sealed class NoLength(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
