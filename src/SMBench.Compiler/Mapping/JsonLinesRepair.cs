namespace SMBench.Compiler.Mapping;

/// <summary>
/// Core's <c>WorkloadWriter</c> (JSON Lines mode) currently lets its Utf8JsonWriter put a ',' value separator in
/// front of every operation line after the first, which its own reader then rejects. Until that is fixed there,
/// this streaming pass removes a ',' that starts a line; on correct output it changes nothing.
/// </summary>
public static class JsonLinesRepair
{
    public static void StripLeadingSeparators(string file)
    {
        var temp = file + ".repair";
        var changed = false;
        using (var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var atLineStart = true;
            var buffer = new byte[1 << 16];
            int n;
            while ((n = input.Read(buffer)) > 0)
            {
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (atLineStart && buffer[i] == (byte)',')
                    {
                        output.Write(buffer, start, i - start);
                        start = i + 1;
                        changed = true;
                    }
                    atLineStart = buffer[i] == (byte)'\n';
                }
                output.Write(buffer, start, n - start);
            }
        }
        if (changed) File.Move(temp, file, overwrite: true);
        else File.Delete(temp);
    }
}
