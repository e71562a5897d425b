using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

/// <summary>Reads back what the tests assert on in a rendered page.</summary>
internal static partial class ReportHtml
{
    public static string TileValue(string html, string id)
    {
        var m = Regex.Match(html, $"<div class=\"tile[^\"]*\" id=\"{id}\" data-value=\"([^\"]*)\"");
        Assert.True(m.Success, $"tile {id} is missing");
        return System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static double TileNumber(string html, string id) => double.Parse(TileValue(html, id), CultureInfo.InvariantCulture);

    public static void HasSections(string html, IEnumerable<string> ids)
    {
        foreach (var id in ids) Assert.Matches($"<(section|header) id=\"{id}\">", html);
    }

    /// <summary>Nothing the page would fetch: no src/href/url() pointing off the page, no script or link to a URL.</summary>
    public static void IsSelfContained(string html)
    {
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data:image/svg+xml;base64,", html);
        // The charts themselves must not reach out either (an SVG may link images, fonts or stylesheets).
        foreach (Match m in Regex.Matches(html, "data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)"))
        {
            var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value));
            Assert.Contains("<svg", svg);
            Assert.DoesNotMatch("(href|src)\\s*=\\s*\"(?!#|data:)|url\\(\\s*['\"]?(?!#|data:)|@import", svg);
        }
    }

    [GeneratedRegex("(src|href)\\s*=\\s*\"(?!data:|#)[^\"]*\"|url\\(\\s*['\"]?(?!data:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    public static int Count(string html, string needle) => Regex.Matches(html, Regex.Escape(needle)).Count;
}
