namespace SMBench.Compiler;

/// <summary>What an input file is, decided from its first bytes.</summary>
public enum InputKind
{
    Pcap,
    PcapNg,
    Loadfile,
    Unknown,
}

public static class InputSniffer
{
    /// <summary>gzip, xz or zstd magic: captures are often shipped compressed.</summary>
    public static bool IsCompressed(string path)
    {
        Span<byte> head = stackalloc byte[6];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        return head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])
               || head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]);
    }

    public static InputKind Detect(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (n >= 4)
        {
            var magic = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(head);
            if (magic is 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1) return InputKind.Pcap;
            if (magic == 0x0A0D0D0A) return InputKind.PcapNg;
        }
        // A loadfile is text: printable ASCII lines.
        if (n == 0) return InputKind.Unknown;
        foreach (var b in head)
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) return InputKind.Unknown;
        return InputKind.Loadfile;
    }
}
