using System.Buffers.Binary;
using System.Text;
using SMBench.Core.Ir;

namespace SMBench.Compiler.Smb;

/// <summary>SMB2_CREATE_REQUEST_LEASE (v1, 32 bytes) and _V2 (52 bytes) — MS-SMB2 §2.2.13.2.8 and .10.</summary>
public static class LeaseContext
{
    private const uint ParentLeaseKeySet = 0x4;

    public static LeaseRequest ParseRequest(ReadOnlySpan<byte> data)
    {
        var key = Hex(data[..16]);
        var state = BinaryPrimitives.ReadUInt32LittleEndian(data[16..]);
        if (data.Length < 52) return new LeaseRequest(key, StateLetters(state), 1);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(data[20..]);
        var parent = (flags & ParentLeaseKeySet) != 0 ? Hex(data.Slice(32, 16)) : null;
        return new LeaseRequest(key, StateLetters(state), 2, parent, BinaryPrimitives.ReadUInt16LittleEndian(data[48..]));
    }

    /// <summary>Lease state granted in a CREATE response's lease context.</summary>
    public static uint ParseGrantedState(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32LittleEndian(data[16..]);

    public static string Hex(ReadOnlySpan<byte> key) => Convert.ToHexStringLower(key);

    /// <summary>"RWH" letters for SMB2_LEASE_READ/HANDLE/WRITE_CACHING; "" for none.</summary>
    public static string StateLetters(uint state)
    {
        var sb = new StringBuilder(3);
        if ((state & 0x1) != 0) sb.Append('R');
        if ((state & 0x4) != 0) sb.Append('W');
        if ((state & 0x2) != 0) sb.Append('H');
        return sb.ToString();
    }
}
