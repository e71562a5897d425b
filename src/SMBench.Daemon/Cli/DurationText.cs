using System.Globalization;
using System.Text.RegularExpressions;

namespace SMBench.Daemon.Cli;

/// <summary>
/// Durations as users type them for <c>--duration</c>: seconds ("90", "1.5"), units ("500ms", "90s", "10m",
/// "2h", "1h30m"), or a time span ("00:10:00").
/// </summary>
internal static partial class DurationText
{
    /// <summary>Parses a positive duration; throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static TimeSpan Parse(string text)
    {
        var s = text.Trim();
        TimeSpan result;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) result = TimeSpan.FromSeconds(seconds);
        else if (s.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span)) result = span;
        else
        {
            var parts = UnitPart().Matches(s);
            if (parts.Count == 0 || string.Concat(parts.Select(m => m.Value)) != s) throw Invalid(text);
            result = TimeSpan.Zero;
            foreach (Match m in parts)
            {
                var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                result += m.Groups[2].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(value),
                    "s" => TimeSpan.FromSeconds(value),
                    "m" => TimeSpan.FromMinutes(value),
                    _ => TimeSpan.FromHours(value),
                };
            }
        }
        return result > TimeSpan.Zero && result < TimeSpan.FromDays(365) ? result : throw Invalid(text);
    }

    private static FormatException Invalid(string text) =>
        new($"'{text}' is not a positive duration (examples: 90, 90s, 500ms, 10m, 1h30m, 00:10:00)");

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex UnitPart();
}
