using System.Globalization;
using System.Net;
using System.Text;

namespace SMBench.Daemon.Reports;

/// <summary>Small helpers for writing the report HTML: escaping, tables, figures, invariant numbers.</summary>
internal sealed class Html
{
    private readonly StringBuilder _sb = new(256 * 1024);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    public static string F(double v, string format = "0.###") => v.ToString(format, CultureInfo.InvariantCulture);
    public static string Raw(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    public static string Pct(double? rate) => rate is { } r && !double.IsNaN(r) ? (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "–";
    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.###" : "0.#", CultureInfo.InvariantCulture) + " ms";

    public Html Append(string raw)
    {
        _sb.Append(raw);
        return this;
    }

    public Html Line(string raw)
    {
        _sb.Append(raw).Append('\n');
        return this;
    }

    public void Open(string id, string title)
    {
        Line($"<section id=\"{id}\">");
        Line($"<h2>{E(title)}</h2>");
    }

    public void Close() => Line("</section>");

    public void Note(string text) => Line($"<p class=\"note\">{E(text)}</p>");

    public void Figure(string? dataUri, string alt, string emptyText)
    {
        if (dataUri == null) Note(emptyText);
        else Line($"<figure><img alt=\"{E(alt)}\" src=\"{dataUri}\"></figure>");
    }

    /// <summary>A table; cells are text (escaped here). Numeric cells get a sort key so the inline sorter orders them.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows, string? id = null, bool sortable = false)
    {
        var attrs = (id == null ? "" : $" id=\"{id}\"") + (sortable ? " class=\"sortable\"" : "");
        Line($"<table{attrs}><thead><tr>");
        foreach (var h in headers) Append($"<th>{E(h)}</th>");
        Line("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            Append("<tr>");
            foreach (var c in row)
                Append(c.SortKey is { } k ? $"<td class=\"num\" data-v=\"{Raw(k)}\">{E(c.Text)}</td>" : $"<td>{E(c.Text)}</td>");
            Line("</tr>");
        }
        Line("</tbody></table>");
    }

    public override string ToString() => _sb.ToString();
}

/// <summary>A table cell: its text, and a number to sort by when it is numeric.</summary>
internal readonly record struct Cell(string Text, double? SortKey = null)
{
    public static implicit operator Cell(string text) => new(text);
    public static Cell Num(long n) => new(Html.N(n), n);
    public static Cell Num(double v, string text) => new(text, v);
}
