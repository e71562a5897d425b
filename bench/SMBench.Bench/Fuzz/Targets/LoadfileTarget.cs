using System.Globalization;
using System.Text;
using SMBench.Compiler;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// dbench loadfiles through <c>smbench compile</c> (importer, mapping, writer): token-level mutations (hostile
/// numbers, paths, statuses, timestamps, missing or extra arguments) and byte-level ones. Documented error:
/// <see cref="CompileFailedException"/>.
/// </summary>
public sealed class LoadfileTarget : IFuzzTarget, IDisposable
{
    private static readonly string[] HostileTokens =
    [
        "0", "-1", "0x", "0xFFFFFFFFFFFFFFFF", "18446744073709551616", "9223372036854775807", "1e308", "NaN", "-0.5",
        "\"\"", "\"", "\"\\..\\..\\etc\"", "\"C:\\x\"", "\"a:b\"", "\"CON\"", "NT_STATUS_", "NT_STATUS_NOPE", "NT_STATUS_OK",
        "0x40", "100", "16385", "99999999999.999999", "-5.000000", "Close", "NTCreateX", "ReadX", "WriteX", "LockX",
    ];

    private static readonly string Seed = "Deltree \"\\clients\\client1\" NT_STATUS_OK\nMkdir \"\\clients\" NT_STATUS_OK\nNTCreateX \"\\clients\\client1\" 0x1 0x2 16385 NT_STATUS_OK\nClose 16385 NT_STATUS_OK\nNTCreateX \"\\clients\\client1\\a.dat\" 0x40 0x5 100 NT_STATUS_OK\nWriteX 100 0 65536 65536 NT_STATUS_OK\nReadX 100 0 4096 4096 NT_STATUS_OK\nLockX 100 10 1 NT_STATUS_OK\nUnlockX 100 10 1 NT_STATUS_OK\nFlush 100 NT_STATUS_OK\nQUERY_FILE_INFORMATION 100 258 NT_STATUS_OK\nSET_FILE_INFORMATION 100 1004 NT_STATUS_OK\nClose 100 NT_STATUS_OK\nQUERY_PATH_INFORMATION \"\\clients\\client1\\a.dat\" 1004 NT_STATUS_OK\nFIND_FIRST \"\\clients\\client1\\*.dat\" 260 1366 1 NT_STATUS_OK\nQUERY_FS_INFORMATION 1 NT_STATUS_OK\nRename \"\\clients\\client1\\a.dat\" \"\\clients\\client1\\b.dat\" NT_STATUS_OK\nUnlink \"\\clients\\client1\\b.dat\" 0x6 NT_STATUS_OK\nNTCreateX \"\\clients\\client1\\gone\" 0x40 0x1 101 NT_STATUS_OBJECT_NAME_NOT_FOUND\nRmdir \"\\clients\\client1\" NT_STATUS_OK";

    private readonly FuzzScratch _scratch = new("loadfile");

    public string Name => "loadfile";

    public string DocumentedErrors => nameof(CompileFailedException);

    public IReadOnlyList<byte[]> LoadSeeds()
    {
        var lines = Seed.Split('\n');
        var timed = string.Join('\n', lines.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{i * 0.25:F6} {l}")));
        return [Encoding.UTF8.GetBytes(Seed + "\n"), Encoding.UTF8.GetBytes(timed + "\n")];
    }

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        if (random.Next(3) == 0) return ByteMutator.Mutate(seed, seeds, random);
        var lines = Encoding.UTF8.GetString(seed).Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var i = random.Next(lines.Count);
            var tokens = lines[i].Split(' ').ToList();
            switch (random.Next(5))
            {
                case 0: tokens[random.Next(tokens.Count)] = HostileTokens[random.Next(HostileTokens.Length)]; break;
                case 1 when tokens.Count > 1: tokens.RemoveAt(random.Next(tokens.Count)); break;
                case 2: tokens.Insert(random.Next(tokens.Count + 1), HostileTokens[random.Next(HostileTokens.Length)]); break;
                case 3: lines.Insert(random.Next(lines.Count), lines[i]); break;
                default: if (lines.Count > 1) lines.RemoveAt(i); continue;
            }
            if (i < lines.Count) lines[i] = string.Join(' ', tokens);
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    public void Execute(byte[] input)
    {
        var file = Path.Combine(_scratch.Dir, "client.txt");
        File.WriteAllBytes(file, input);
        CaptureCompiler.Compile(new CompileOptions
        {
            InputPath = file,
            OutputDirectory = Path.Combine(_scratch.Dir, "out"),
            IsLoadfile = true,
            Payload = PayloadMode.Synthetic,
        }, null, CancellationToken.None);
    }

    public bool IsDocumented(Exception e) => e is CompileFailedException;

    public void Dispose() => _scratch.Dispose();
}
