using System.Globalization;
using SMBench.Core.Results;

namespace SMBench.Compiler.Loadfile;

/// <summary>
/// One line of a dbench loadfile, split into its command, arguments and trailing status. dbench 4 lines may start
/// with a timestamp in seconds ("12.345 ReadX …"); quoted arguments hold paths with spaces.
/// </summary>
public sealed class LoadfileLine
{
    private readonly List<string> _args;

    private LoadfileLine(long lineNumber, double? timestamp, string command, List<string> args, string? status)
    {
        LineNumber = lineNumber;
        TimestampSeconds = timestamp;
        Command = command;
        _args = args;
        Status = status;
    }

    public long LineNumber { get; }
    public double? TimestampSeconds { get; }
    public string Command { get; }
    public IReadOnlyList<string> Args => _args;

    /// <summary>Canonical STATUS_… text, or null when the line gives none (old "ERROR" form).</summary>
    public string? Status { get; }

    /// <summary>Null for blank and comment lines.</summary>
    public static LoadfileLine? Parse(string text, long lineNumber)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0 || tokens[0].StartsWith('#')) return null;
        double? ts = null;
        if (double.TryParse(tokens[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds))
                throw new FormatException($"timestamp '{tokens[0]}' is not a time in seconds");
            ts = seconds;
            tokens.RemoveAt(0);
            if (tokens.Count == 0) throw new FormatException("a timestamp without a command");
        }
        var command = tokens[0];
        tokens.RemoveAt(0);
        string? status = null;
        if (tokens.Count > 0 && LooksLikeStatus(tokens[^1]))
        {
            status = NormalizeStatus(tokens[^1]);
            tokens.RemoveAt(tokens.Count - 1);
        }
        return new LoadfileLine(lineNumber, ts, command, tokens, status);
    }

    public string Arg(int index, string what)
        => index < _args.Count ? _args[index] : throw new FormatException($"{Command} needs {what} (argument {index + 1})");

    public long Number(int index, string what)
    {
        var s = Arg(index, what);
        var ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            : long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw new FormatException($"{Command}: {what} '{s}' is not a number");
    }

    /// <summary>A number that must be 0 ≤ n ≤ <paramref name="max"/> (offsets, sizes).</summary>
    public long Count(int index, string what, long max = long.MaxValue)
    {
        var n = Number(index, what);
        return n >= 0 && n <= max ? n : throw new FormatException($"{Command}: {what} {n} is out of range (0..{max})");
    }

    private static bool LooksLikeStatus(string token)
        => token.StartsWith("NT_STATUS_", StringComparison.Ordinal) || token.StartsWith("STATUS_", StringComparison.Ordinal)
           || token is "SUCCESS" or "ERROR" || (token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && token.Length == 10);

    private static string? NormalizeStatus(string token)
    {
        if (token == "SUCCESS" || token == "NT_STATUS_OK") return StatusText.Success;
        if (token == "ERROR") return null;
        var text = token.StartsWith("NT_", StringComparison.Ordinal) ? token[3..] : token;
        return StatusText.Normalize(text) ?? text;
    }

    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) break;
            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                if (end < 0) throw new FormatException("unterminated quoted argument");
                tokens.Add(line[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                tokens.Add(line[start..i]);
            }
        }
        return tokens;
    }
}
