using System.Text;

namespace SMBench.Provisioner.Prestate;

/// <summary>Deterministic filler bytes: the same path always gets the same content, so runs are reproducible.</summary>
public static class SyntheticContent
{
    /// <summary>Fills <paramref name="buffer"/> with the bytes at <paramref name="offset"/> of the file at <paramref name="path"/>.</summary>
    public static void Fill(string path, long offset, Span<byte> buffer)
    {
        var seed = Fnv1a(Encoding.UTF8.GetBytes(path));
        // splitmix64 over the 8-byte block index: random access without generating the bytes before the offset.
        var block = (ulong)offset / 8;
        var skip = (int)(offset % 8);
        Span<byte> word = stackalloc byte[8];
        var written = 0;
        while (written < buffer.Length)
        {
            var z = seed + (block++ + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(word, z);
            var take = Math.Min(8 - skip, buffer.Length - written);
            word.Slice(skip, take).CopyTo(buffer[written..]);
            written += take;
            skip = 0;
        }
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> data)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in data) hash = (hash ^ b) * 0x100000001b3UL;
        return hash;
    }
}
