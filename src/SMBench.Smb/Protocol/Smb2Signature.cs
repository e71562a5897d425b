using System.Buffers.Binary;

namespace SMBench.Smb.Protocol;

/// <summary>The 16-byte header Signature held by value so a parsed header allocates nothing.</summary>
public readonly record struct Smb2Signature(ulong Low, ulong High)
{
    public const int Size = 16;

    public bool IsZero => Low == 0 && High == 0;

    public static Smb2Signature Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(source), BinaryPrimitives.ReadUInt64LittleEndian(source[8..]));

    public static Smb2Signature FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size ? Read(bytes) : throw new ArgumentException($"a signature is {Size} bytes", nameof(bytes));

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, Low);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], High);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Convert.ToHexString(ToArray());
}
