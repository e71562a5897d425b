using ScottPlot;

namespace SMBench.Daemon.Reports;

/// <summary>A named line on a chart.</summary>
public sealed record ChartSeries(string Label, double[] Xs, double[] Ys);

/// <summary>
/// ScottPlot charts rendered to SVG and returned as <c>data:</c> URIs, so the report is one file that needs no
/// network and the SVGs' internal ids cannot collide with each other inside the page.
/// </summary>
internal static class Charts
{
    public const int Width = 880;
    public const int Height = 300;

    /// <summary>Null when there is nothing to draw (the caller says so in words instead).</summary>
    public static string? Lines(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, int width = Width, int height = Height)
    {
        var drawn = series.Where(s => s.Xs.Length > 0).ToList();
        if (drawn.Count == 0) return null;
        var plot = new Plot();
        foreach (var s in drawn)
        {
            var line = s.Xs.Length == 1 ? plot.Add.Scatter(s.Xs, s.Ys) : plot.Add.ScatterLine(s.Xs, s.Ys);
            line.LegendText = s.Label;
            line.LineWidth = 1.5f;
            if (s.Xs.Length > 1) line.MarkerSize = 0;
        }
        Decorate(plot, title, xLabel, yLabel, drawn.Count > 1);
        plot.Axes.Margins(bottom: 0);
        return ToDataUri(plot, width, height);
    }

    public static string? Bars(string title, string xLabel, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values, int width = Width, int height = Height)
    {
        if (labels.Count == 0) return null;
        var plot = new Plot();
        var bars = plot.Add.Bars(values.ToArray());
        bars.Color = Colors.SteelBlue;
        var ticks = labels.Select((l, i) => new Tick(i, l)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        Decorate(plot, title, xLabel, yLabel, legend: false);
        plot.Axes.Margins(bottom: 0);
        return ToDataUri(plot, width, height);
    }

    private static void Decorate(Plot plot, string title, string xLabel, string yLabel, bool legend)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (legend)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
    }

    private static string ToDataUri(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
