using SMBench.Compiler;
using SMBench.Compiler.Capture;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// Whole capture files through <c>smbench compile</c>'s code path: format sniffing, libpcap's pcap/pcapng reader,
/// link/IP/TCP decoding, reassembly, framing, SMB2 decoding, mapping and the workload writer. Seeds are the shared
/// corpus files cut to their first few KiB (libpcap then also meets a record cut short). Documented errors:
/// <see cref="CompileFailedException"/> and <see cref="CaptureFormatException"/> (unusable input, said clearly).
/// </summary>
public sealed class CaptureFileTarget : IFuzzTarget, IDisposable
{
    private const int MaxSeedBytes = 12 * 1024;
    private readonly FuzzScratch _scratch = new("pcap");

    public string Name => "capture-file";

    public string DocumentedErrors => $"{nameof(CompileFailedException)}, {nameof(CaptureFormatException)}";

    public IReadOnlyList<byte[]> LoadSeeds() => FuzzCorpus.CaptureFiles()
        .Select(f => File.ReadAllBytes(f) is var b && b.Length > MaxSeedBytes ? b[..MaxSeedBytes] : File.ReadAllBytes(f))
        .ToList();

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        var mutated = ByteMutator.Mutate(seed, seeds, random);
        // Keep the magic most of the time so the input gets past the sniffer into libpcap and the decoders.
        if (random.Next(8) != 0 && mutated.Length >= 4 && seed.Length >= 4) seed.AsSpan(0, 4).CopyTo(mutated);
        return mutated;
    }

    public void Execute(byte[] input)
    {
        var file = Path.Combine(_scratch.Dir, "input.pcap");
        File.WriteAllBytes(file, input);
        CaptureCompiler.Compile(new CompileOptions
        {
            InputPath = file,
            OutputDirectory = Path.Combine(_scratch.Dir, "out"),
            Payload = PayloadMode.Synthetic,
        }, null, CancellationToken.None);
    }

    public bool IsDocumented(Exception e) => e is CompileFailedException or CaptureFormatException;

    public void Dispose() => _scratch.Dispose();
}
