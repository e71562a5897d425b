using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace SMBench.Integration.Tests.Daemon;

/// <summary>Workload bundles uploaded to the daemon (PUT /api/workloads/{name}) and run from there.</summary>
[Collection(DaemonCollection.Name)]
public sealed class WorkloadUploadTests(DaemonFixture fixture)
{
    private DaemonProcess Daemon => fixture.Daemon;

    private static string SeedExample => Path.Combine(DaemonProcess.RepoRoot, "samples", "seed-example");

    private async Task<(HttpStatusCode Status, JsonElement Body)> Put(string name, byte[] bundle)
    {
        using var content = new ByteArrayContent(bundle);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var r = await Daemon.Http.PutAsync($"/api/workloads/{name}", content);
        var text = await r.Content.ReadAsStringAsync();
        // A path the router never reaches (e.g. "..", normalised away by the client) answers without a body.
        using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (r.StatusCode, doc.RootElement.Clone());
    }

    private static byte[] Bundle(Action<TarWriter> fill, bool gzip)
    {
        using var buffer = new MemoryStream();
        using (Stream outer = gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new NonClosing(buffer))
        using (var writer = new TarWriter(outer, TarEntryFormat.Pax, leaveOpen: true))
            fill(writer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task An_uploaded_bundle_is_validated_and_runs()
    {
        // A tar of the directory itself (one top folder), gzipped, as `tar czf seed.tgz seed-example` makes it.
        var bundle = Bundle(w =>
        {
            foreach (var file in Directory.EnumerateFiles(SeedExample, "*", SearchOption.AllDirectories))
                w.WriteEntry(file, "seed-example/" + Path.GetRelativePath(SeedExample, file));
        }, gzip: true);
        var (status, body) = await Put("seed-upload", bundle);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        Assert.Equal(13, body.GetProperty("ops_total").GetInt64());
        var workload = body.GetProperty("workload").GetString()!;
        Assert.StartsWith(Daemon.DataDir, workload, StringComparison.Ordinal);

        var id = await Daemon.SubmitAsync(new { workload, backend = "null", time_scale = 0 });
        var run = await Daemon.WaitEndedAsync(id);
        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal(13, run.GetProperty("summary").GetProperty("ops_total").GetInt64());

        var (again, _) = await Put("seed-upload", bundle);
        Assert.Equal(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task Bundles_that_escape_the_directory_or_carry_links_are_refused()
    {
        var escape = Bundle(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "../escaped.txt")
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes("x")),
        }), gzip: false);
        var (status, body) = await Put("escape", escape);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("points outside the workload directory", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Daemon.DataDir, "workloads", "escaped.txt")));

        var link = Bundle(w => w.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "blobs") { LinkName = "/etc" }), gzip: true);
        (status, body) = await Put("link", link);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("only files and directories", body.GetProperty("error").GetString(), StringComparison.Ordinal);

        (status, body) = await Put("garbage", Encoding.UTF8.GetBytes("this is not a tar archive at all, not even close............"));
        Assert.Equal(HttpStatusCode.BadRequest, status);

        (status, _) = await Put("..", escape);
        Assert.NotEqual(HttpStatusCode.Created, status);
        Assert.False(Directory.Exists(Path.Combine(Daemon.DataDir, "workloads", "escape")));
        using (var health = await Daemon.Http.GetAsync("/healthz")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Ctl_run_start_upload_sends_a_local_workload_and_runs_it()
    {
        var r = await Daemon.RunCliAsync(["ctl", "run", "start", SeedExample, "--upload", "--backend", "null", "--time-scale", "0", "--wait", "--interval", "0.2"]);
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("as workload 'seed-example-", r.Out, StringComparison.Ordinal);
        Assert.Contains("summary: 13 ops", r.Out, StringComparison.Ordinal);
    }

    // TarWriter closes what it writes to unless told otherwise; this keeps the MemoryStream readable for ToArray.
    private sealed class NonClosing(Stream inner) : Stream
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
}
