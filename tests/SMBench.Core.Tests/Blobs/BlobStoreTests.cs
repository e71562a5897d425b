using System.Security.Cryptography;
using System.Text;
using SMBench.Core.Blobs;
using SMBench.Core.Ir;
using SMBench.Core.Tests.Support;
using Xunit;

namespace SMBench.Core.Tests.Blobs;

public sealed class BlobStoreTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Put_stores_content_once_under_its_sha256()
    {
        var store = new BlobStore(_tmp.Path);
        var data = Encoding.UTF8.GetBytes("hello, share");

        var reference = store.Put(data);
        var again = store.Put(data);

        Assert.Equal("blobs/" + Convert.ToHexStringLower(SHA256.HashData(data)), reference);
        Assert.Equal(reference, again);
        Assert.Equal(data, File.ReadAllBytes(_tmp.Combine(reference)));
        Assert.Equal([Path.GetFileName(reference)], Directory.GetFiles(_tmp.Combine("blobs")).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_returns_a_prefix_and_refuses_to_read_past_the_end()
    {
        var store = new BlobStore(_tmp.Path);
        var reference = store.Put("0123456789"u8);

        var prefix = new byte[4];
        store.Read(reference, prefix);
        Assert.Equal("0123"u8.ToArray(), prefix);
        Assert.Throws<EndOfStreamException>(() => store.Read(reference, new byte[11]));
    }

    [Theory]
    [InlineData("blobs/abc", "blobs/abc")]
    [InlineData("blobs\\abc", "blobs/abc")]
    [InlineData("./blobs/x/../abc", "blobs/abc")]
    [InlineData("blobs/sub/abc", "blobs/sub/abc")]
    public void Resolve_keeps_references_inside_blobs(string reference, string relative)
    {
        var store = new BlobStore(_tmp.Path);
        Assert.Equal(Path.Combine(_tmp.Path, relative), store.Resolve(reference));
    }

    [Theory]
    [InlineData("../blobs/abc", "points outside blobs/")]
    [InlineData("blobs/../workload.json", "points outside blobs/")]
    [InlineData("blobs/../../x", "points outside blobs/")]
    [InlineData("..\\x", "points outside blobs/")]
    [InlineData("blobs", "points outside blobs/")]
    [InlineData("blobsevil/abc", "points outside blobs/")]
    [InlineData("/etc/passwd", "must be a relative path under blobs/")]
    [InlineData("", "must be a relative path under blobs/")]
    [InlineData("blobs/a\0b", "must be a relative path under blobs/")]
    public void Resolve_refuses_references_that_escape_blobs(string reference, string reason)
    {
        var store = new BlobStore(_tmp.Path);
        Assert.Null(store.TryResolve(reference, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var e = Assert.Throws<WorkloadException>(() => store.Resolve(reference));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_inside_blobs_is_refused()
    {
        var outside = _tmp.WriteText("secret.txt", "not for the server");
        var store = new BlobStore(_tmp.Combine("w"));
        Directory.CreateDirectory(_tmp.Combine("w", "blobs"));
        File.CreateSymbolicLink(_tmp.Combine("w", "blobs", "leak"), outside);

        Assert.Null(store.TryResolve("blobs/leak", out var error));
        Assert.Contains("symbolic link 'blobs/leak'", error, StringComparison.Ordinal);
        Assert.Throws<WorkloadException>(() => store.Read("blobs/leak", new byte[4]));
    }

    [Fact]
    public void A_blobs_folder_that_is_a_symbolic_link_is_refused()
    {
        var elsewhere = _tmp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "abc"), "data");
        Directory.CreateDirectory(_tmp.Combine("w"));
        Directory.CreateSymbolicLink(_tmp.Combine("w", "blobs"), elsewhere);

        Assert.Null(new BlobStore(_tmp.Combine("w")).TryResolve("blobs/abc", out var error));
        Assert.Contains("symbolic link 'blobs'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_reports_a_linked_blob_at_its_write()
    {
        var outside = _tmp.WriteText("secret.txt", "0123456789");
        _tmp.WriteText(Path.Combine("w", "workload.jsonl"),
            Ir.Validation.WorkloadFiles.JsonLines(Ir.Validation.WorkloadFiles.Open("o1", "c1", 0, "h1"),
                Ir.Validation.WorkloadFiles.Write("o2", "c1", 1, "h1", "blobs/leak", 4)));
        Directory.CreateDirectory(_tmp.Combine("w", "blobs"));
        File.CreateSymbolicLink(_tmp.Combine("w", "blobs", "leak"), outside);

        var report = new SMBench.Core.Ir.Validation.WorkloadValidator().Validate(_tmp.Combine("w"));
        Ir.Validation.WorkloadFiles.AssertSingleError(report, true, 3, "o2", "goes through the symbolic link");
    }

    [Fact]
    public void A_sibling_directory_sharing_the_prefix_is_not_inside()
    {
        // "…/w" must not accept "…/w-other/blobs/x" nor "…/wblobs": confinement compares whole path components.
        var store = new BlobStore(_tmp.Combine("w"));
        Assert.Null(store.TryResolve("../w-other/blobs/x", out _));
        Assert.NotNull(store.TryResolve("blobs/x", out _));
    }
}
