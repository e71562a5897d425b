using System.Buffers.Binary;

namespace SMBench.Bench.Fuzz;

/// <summary>
/// Byte-level mutations in the style of AFL's havoc stage: bit flips, random bytes, "interesting" integers planted
/// at random offsets (what breaks length and offset fields), block insert/delete/duplicate, truncation and splicing
/// with another seed. One to six of them are stacked per input.
/// </summary>
public static class ByteMutator
{
    private static readonly uint[] Interesting =
    [
        0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF,
        64, 65, 120, 0x1000, 0x100000,
    ];

    public static byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        var data = new List<byte>(seed);
        for (var n = random.Next(1, 7); n > 0; n--) MutateOnce(data, seeds, random);
        return [.. data];
    }

    private static void MutateOnce(List<byte> data, IReadOnlyList<byte[]> seeds, Random random)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(11))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = (byte)random.Next(256);
                break;
            case 2 or 3 when data.Count > 0:
                PlantInteger(data, at, random);
                break;
            case 4 when data.Count > 0:
                data.RemoveRange(at, Math.Min(random.Next(1, 64), data.Count - at));
                break;
            case 5:
                var block = new byte[random.Next(1, 32)];
                random.NextBytes(block);
                data.InsertRange(at, block);
                break;
            case 6 when data.Count > 0:
                var len = Math.Min(random.Next(1, 128), data.Count - at);
                data.InsertRange(random.Next(data.Count), data.GetRange(at, len));
                break;
            case 7 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            case 8 when seeds.Count > 0:
                var other = seeds[random.Next(seeds.Count)];
                if (other.Length == 0) break;
                var from = random.Next(other.Length);
                var take = Math.Min(random.Next(1, 256), other.Length - from);
                data.InsertRange(at, other.AsSpan(from, take).ToArray());
                break;
            case 9 when data.Count > 1:
                var a = random.Next(data.Count);
                (data[at], data[a]) = (data[a], data[at]);
                break;
            default:
                if (data.Count > 0) data[at] = (byte)(data[at] + random.Next(-35, 36));
                break;
        }
    }

    private static void PlantInteger(List<byte> data, int at, Random random)
    {
        var value = Interesting[random.Next(Interesting.Length)];
        var width = random.Next(3) switch { 0 => 1, 1 => 2, _ => 4 };
        Span<byte> bytes = stackalloc byte[4];
        if (random.Next(4) == 0) BinaryPrimitives.WriteUInt32BigEndian(bytes, value << (8 * (4 - width)));
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        for (var i = 0; i < width && at + i < data.Count; i++) data[at + i] = bytes[i];
    }
}
