using System.Buffers.Binary;
using System.Text;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb.Wire;

/// <summary>One SMB2_CREATE_CONTEXT (MS-SMB2 §2.2.13.2): its 4-letter name and its data.</summary>
public readonly ref struct CreateContext
{
    public CreateContext(string name, ReadOnlySpan<byte> data)
    {
        Name = name;
        Data = data;
    }

    public string Name { get; }

    public ReadOnlySpan<byte> Data { get; }
}

/// <summary>Walks a create-context chain (Next offsets, each relative to the context's own start).</summary>
public static class CreateContextReader
{
    /// <summary>Calls <paramref name="visit"/> for each context; stops quietly at the first inconsistent entry.</summary>
    public static int Walk(ReadOnlySpan<byte> chain, CreateContextVisitor visit)
    {
        var offset = 0;
        var count = 0;
        while (offset + 16 <= chain.Length && count < 64)
        {
            var c = chain[offset..];
            var next = BinaryPrimitives.ReadUInt32LittleEndian(c);
            var nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(c[4..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(c[6..]);
            var dataOffset = BinaryPrimitives.ReadUInt16LittleEndian(c[10..]);
            var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(c[12..]);
            if (nameOffset + nameLength > c.Length) throw new SmbProtocolException($"create context {count}: name runs past the chain");
            if (dataLength > 0 && dataOffset + (long)dataLength > c.Length) throw new SmbProtocolException($"create context {count}: data runs past the chain");
            var name = Encoding.ASCII.GetString(c.Slice(nameOffset, nameLength));
            visit(new CreateContext(name, dataLength == 0 ? [] : c.Slice(dataOffset, (int)dataLength)));
            count++;
            if (next == 0) break;
            if (next < 16 || next % 8 != 0) throw new SmbProtocolException($"create context {count}: Next {next} is not a valid offset");
            offset += (int)next;
        }
        return count;
    }
}

public delegate void CreateContextVisitor(CreateContext context);
