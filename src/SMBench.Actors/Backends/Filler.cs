namespace SMBench.Actors.Backends;

/// <summary>Deterministic synthetic payload: the same offset always gets the same bytes, so reads can be checked.</summary>
public static class Filler
{
    public static void Fill(Span<byte> data, long offset)
    {
        for (var i = 0; i < data.Length; i++)
        {
            var x = (ulong)(offset + i) * 0x9E3779B97F4A7C15UL;
            data[i] = (byte)(x >> 56);
        }
    }
}
