using SMBench.Provisioner.Prestate;
using Xunit;

namespace SMBench.Provisioner.Tests.Prestate;

public sealed class PrestateDocumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smbench-prestate-doc-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public async Task Loads_the_documented_format()
    {
        var path = Path.Combine(_dir, PrestateDocument.FileName);
        await File.WriteAllTextAsync(path, """
            {"version": 1,
             "directories": [{"path": "projects/a"}],
             "files": [{"path": "projects/a/data.bin", "size": 1048576, "content": "synthetic"},
                       {"path": "readme.txt", "size": 10}]}
            """);

        var doc = await PrestateDocument.LoadAsync(path);

        Assert.Equal("projects/a", doc.Directories[0].Path);
        Assert.Equal(1048576, doc.Files[0].Size);
        Assert.Equal(ContentKind.Synthetic, doc.Files[0].Content);
        Assert.Equal(ContentKind.Zeros, doc.Files[1].Content);
    }

    [Theory]
    [InlineData("""{"version": 2}""", "unknown prestate version 2")]
    [InlineData("""{"version": 1, "files": [{"path": "a", "size": -1}]}""", "files[0]")]
    [InlineData("""{"version": 1, "directories": [{"path": "../x"}]}""", "directories[0]")]
    [InlineData("""{"version": 1, "files": [""", "not a valid prestate document")]
    public async Task Invalid_documents_name_the_file_and_entry(string json, string expected)
    {
        var path = Path.Combine(_dir, PrestateDocument.FileName);
        await File.WriteAllTextAsync(path, json);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => PrestateDocument.LoadAsync(path));

        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }
}
