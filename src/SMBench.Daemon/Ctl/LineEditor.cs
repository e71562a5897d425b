using System.Text;

namespace SMBench.Daemon.Ctl;

/// <summary>
/// A small line editor for the interactive prompt: editing keys, history (Up/Down) and Tab completion.
/// Runs with Ctrl-C read as a key (it clears the line) so the process survives it.
/// </summary>
public sealed class LineEditor(Func<string, IReadOnlyList<string>> complete)
{
    private readonly List<string> _history = [];

    /// <summary>Reads one line; null at Ctrl-D on an empty line.</summary>
    public string? ReadLine(string prompt)
    {
        var buffer = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        Console.Write(prompt);
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            var ctrl = key.Modifiers.HasFlag(ConsoleModifiers.Control);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    var line = buffer.ToString();
                    if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
                    return line;
                case ConsoleKey.C when ctrl:
                    Console.WriteLine("^C");
                    return "";
                case ConsoleKey.D when ctrl:
                    if (buffer.Length == 0) { Console.WriteLine(); return null; }
                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < buffer.Length:
                    buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0: cursor--; break;
                case ConsoleKey.RightArrow when cursor < buffer.Length: cursor++; break;
                case ConsoleKey.Home: cursor = 0; break;
                case ConsoleKey.End: cursor = buffer.Length; break;
                case ConsoleKey.A when ctrl: cursor = 0; break;
                case ConsoleKey.E when ctrl: cursor = buffer.Length; break;
                case ConsoleKey.U when ctrl: buffer.Remove(0, cursor); cursor = 0; break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    buffer.Clear().Append(_history[--historyIndex]);
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    historyIndex++;
                    buffer.Clear().Append(historyIndex < _history.Count ? _history[historyIndex] : "");
                    cursor = buffer.Length;
                    break;
                case ConsoleKey.Tab:
                    cursor = Complete(buffer, cursor, prompt);
                    break;
                default:
                    if (!char.IsControl(key.KeyChar)) buffer.Insert(cursor++, key.KeyChar);
                    break;
            }
            Redraw(prompt, buffer, cursor);
        }
    }

    private int Complete(StringBuilder buffer, int cursor, string prompt)
    {
        var before = buffer.ToString(0, cursor);
        var start = before.LastIndexOf(' ') + 1;
        var word = before[start..];
        var candidates = complete(before).Where(c => c.StartsWith(word, StringComparison.Ordinal)).Distinct().ToList();
        if (candidates.Count == 0) return cursor;
        var common = candidates.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
        var insert = common[word.Length..] + (candidates.Count == 1 ? " " : "");
        if (insert.Length == 0 && candidates.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine(string.Join("  ", candidates));
            Console.Write(prompt);
        }
        buffer.Insert(cursor, insert);
        return cursor + insert.Length;
    }

    private static void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        // Carriage return, prompt and text, clear the rest of the line, then step back to the cursor.
        Console.Write("\r" + prompt + buffer + "\u001b[K");
        var back = buffer.Length - cursor;
        if (back > 0) Console.Write($"\u001b[{back}D");
    }
}
