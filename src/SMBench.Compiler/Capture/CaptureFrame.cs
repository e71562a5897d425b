using PacketDotNet;

namespace SMBench.Compiler.Capture;

/// <summary>One frame as stored in the capture file (1-based number as Wireshark shows it).</summary>
/// <param name="OriginalLength">Length on the wire; more than <c>Data.Length</c> when the snap length cut it.</param>
public readonly record struct CaptureFrame(long Number, long TimestampUs, LinkLayers LinkLayer, byte[] Data, int OriginalLength);
