using SMBench.Core.Tests.Support;
using Xunit;
using static SMBench.Core.Tests.Ir.Validation.WorkloadFiles;

namespace SMBench.Core.Tests.Ir.Validation;

/// <summary>Paths stay inside the share; blob references stay inside blobs/ and cover the written length.</summary>
public sealed class ValidatorPathAndBlobTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData(true, "/etc/passwd")]
    [InlineData(false, "/etc/passwd")]
    [InlineData(true, "\\\\server\\share\\x")]
    [InlineData(false, "\\data\\x")]
    [InlineData(true, "C:\\Windows\\x")]
    [InlineData(false, "c:/x")]
    public void Absolute_paths_are_rejected(bool jsonl, string path)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, "ok/file"), Delete("o2", "c1", 1, path));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "is absolute; IR paths are share-relative");
    }

    [Theory]
    [InlineData(true, "../outside")]
    [InlineData(false, "a/../../outside")]
    [InlineData(true, "a\\..\\..\\outside")]
    [InlineData(false, "..\\outside")]
    [InlineData(true, "a/b\\..")]
    public void Dot_dot_traversal_is_rejected_with_either_separator(bool jsonl, string path)
    {
        var report = Validate(_tmp, jsonl, Delete("o1", "c1", 0, path));
        AssertSingleError(report, jsonl, LineOf(jsonl, 1), "o1", "contains '..'");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Both_paths_of_a_rename_are_checked(bool jsonl)
    {
        var report = Validate(_tmp, jsonl,
            Op("o1", "c1", 0, "rename", "\"source_path\":\"a\",\"dest_path\":\"../b\""));
        AssertSingleError(report, jsonl, LineOf(jsonl, 1), "o1", "path '../b' contains '..'");
    }

    private void Blob(string name, int size) => _tmp.WriteText(Path.Combine("w", "blobs", name), new string('x', size));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_blob_that_exists_and_is_long_enough_is_valid(bool jsonl)
    {
        Blob("b1", 10);
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Write("o2", "c1", 1, "h1", "blobs/b1", 10),
            Write("o3", "c1", 2, "h1", "blobs\\\\b1", 4));
        Assert.True(report.IsValid, string.Join("\n", report.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData(true, "../secret")]
    [InlineData(false, "blobs/../workload.json")]
    [InlineData(true, "blobs/../../etc/passwd")]
    [InlineData(false, "blobsX/b1")]
    [InlineData(true, "..\\\\secret")]
    public void Blob_references_outside_blobs_are_rejected(bool jsonl, string blob)
    {
        Blob("b1", 10);
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Write("o2", "c1", 1, "h1", blob, 4));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "points outside blobs/");
    }

    [Theory]
    [InlineData(true, "/etc/passwd")]
    [InlineData(false, "/tmp/blobs/b1")]
    public void Absolute_blob_references_are_rejected(bool jsonl, string blob)
    {
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Write("o2", "c1", 1, "h1", blob, 4));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "must be a relative path under blobs/");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_blob_is_rejected(bool jsonl)
    {
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Write("o2", "c1", 1, "h1", "blobs/nope", 4));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "blob 'blobs/nope' does not exist");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_blob_shorter_than_the_write_is_rejected(bool jsonl)
    {
        Blob("b1", 10);
        var report = Validate(_tmp, jsonl, Open("o1", "c1", 0, "h1"), Write("o2", "c1", 1, "h1", "blobs/b1", 11));
        AssertSingleError(report, jsonl, LineOf(jsonl, 2), "o2", "blob 'blobs/b1' has 10 bytes, shorter than length 11");
    }
}
