using SMBench.Core.Ir;
using Xunit;

namespace SMBench.Core.Tests.Ir;

public sealed class SharePathTests
{
    [Theory]
    [InlineData("docs/report.txt", "docs/report.txt")]
    [InlineData("docs\\report.txt", "docs/report.txt")]
    [InlineData("docs//sub\\\\file", "docs/sub/file")]
    [InlineData("./docs/./file", "docs/file")]
    [InlineData("docs/sub/", "docs/sub")]
    [InlineData("", "")]
    [InlineData(".", "")]
    [InlineData("a..b/..c/d..", "a..b/..c/d..")]
    [InlineData("stream:file:$DATA", "stream:file:$DATA")]
    public void Normalises_separators_and_empty_or_dot_components(string input, string expected)
    {
        Assert.Equal(expected, SharePath.TryNormalize(input, out var error));
        Assert.Null(error);
        Assert.Equal(expected, SharePath.Normalize(input));
    }

    [Theory]
    [InlineData("/etc/passwd", "is absolute")]
    [InlineData("\\share\\x", "is absolute")]
    [InlineData("\\\\server\\share", "is absolute")]
    [InlineData("C:\\x", "is absolute")]
    [InlineData("d:", "is absolute")]
    [InlineData("..", "contains '..'")]
    [InlineData("a/../b", "contains '..'")]
    [InlineData("a\\..\\b", "contains '..'")]
    [InlineData("a/b/..", "contains '..'")]
    [InlineData("a\0b", "NUL")]
    public void Rejects_absolute_traversal_and_nul(string input, string reason)
    {
        Assert.Null(SharePath.TryNormalize(input, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => SharePath.Normalize(input));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_missing_and_overlong_paths()
    {
        Assert.Null(SharePath.TryNormalize(null, out var missing));
        Assert.Equal("path is missing", missing);
        Assert.Null(SharePath.TryNormalize(new string('a', 4097), out var tooLong));
        Assert.Contains("limit 4096", tooLong, StringComparison.Ordinal);
        Assert.Equal(4096, SharePath.Normalize(new string('a', 4096)).Length);
    }

    [Theory]
    [InlineData("a/b/c", "a/b")]
    [InlineData("a", "")]
    [InlineData("", "")]
    public void Parent_of_a_normalised_path(string path, string parent)
    {
        Assert.Equal(parent, SharePath.Parent(path));
    }
}
