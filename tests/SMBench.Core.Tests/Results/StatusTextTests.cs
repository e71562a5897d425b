using SMBench.Core.Results;
using Xunit;

namespace SMBench.Core.Tests.Results;

public sealed class StatusTextTests
{
    [Theory]
    [InlineData("STATUS_SUCCESS", "STATUS_SUCCESS")]
    [InlineData("status_object_name_not_found", "STATUS_OBJECT_NAME_NOT_FOUND")]
    [InlineData("  STATUS_ACCESS_DENIED ", "STATUS_ACCESS_DENIED")]
    [InlineData("STATUS_SOMETHING_WE_DO_NOT_LIST", "STATUS_SOMETHING_WE_DO_NOT_LIST")]
    [InlineData("status_something_new", "STATUS_SOMETHING_NEW")]
    public void Names_normalise_to_upper_case_names(string text, string expected)
    {
        Assert.Equal(expected, StatusText.Normalize(text));
    }

    [Theory]
    [InlineData("0x00000000", "STATUS_SUCCESS")]
    [InlineData("0x0", "STATUS_SUCCESS")]
    [InlineData("0xc0000022", "STATUS_ACCESS_DENIED")]
    [InlineData("0XC0000043", "STATUS_SHARING_VIOLATION")]
    [InlineData("0x80000006", "STATUS_NO_MORE_FILES")]
    [InlineData("0xc0dec0de", "0xC0DEC0DE")]
    [InlineData("0x1", "0x00000001")]
    public void Hex_normalises_to_the_name_or_to_canonical_hex(string text, string expected)
    {
        Assert.Equal(expected, StatusText.Normalize(text));
    }

    [Theory]
    [InlineData("0", "STATUS_SUCCESS")]
    [InlineData("3221225506", "STATUS_ACCESS_DENIED")]
    [InlineData("3235823838", "0xC0DEC0DE")]
    [InlineData("-1073741790", "STATUS_ACCESS_DENIED")]
    [InlineData("-1059143458", "0xC0DEC0DE")]
    public void Decimal_normalises_like_hex(string text, string expected)
    {
        Assert.Equal(expected, StatusText.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("0xZZ")]
    [InlineData("0x1FFFFFFFF")]
    [InlineData("4294967296")]
    [InlineData("-2147483649")]
    [InlineData("+5")]
    public void Unparseable_text_is_null(string? text)
    {
        Assert.Null(StatusText.Normalize(text));
    }

    [Fact]
    public void Every_spelling_of_one_code_compares_equal()
    {
        var spellings = new[] { "STATUS_OBJECT_NAME_COLLISION", "status_object_name_collision", "0xC0000035", "0xc0000035", "3221225525" };
        Assert.Single(spellings.Select(StatusText.Normalize).Distinct());
        Assert.Equal("STATUS_OBJECT_NAME_COLLISION", StatusText.FromCode(0xC0000035));
    }

    [Fact]
    public void Only_success_is_success()
    {
        Assert.True(StatusText.IsSuccess(StatusText.Success));
        Assert.False(StatusText.IsSuccess("STATUS_PENDING"));
        Assert.False(StatusText.IsSuccess(ReplayStatus.DependencyFailed));
    }
}
