using System.Buffers.Binary;
using System.Text;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.CreateContexts;

/// <summary>
/// The create-context chain of a CREATE request or response (§2.2.13.2): 16-byte headers (Next, NameOffset,
/// NameLength, Reserved, DataOffset, DataLength), offsets relative to each context, entries 8-byte aligned.
/// </summary>
public static class CreateContextList
{
    private const int HeaderLength = 16;

    private static readonly string[] KnownTags =
    [
        CreateContextNames.Lease, CreateContextNames.DurableHandleRequest, CreateContextNames.DurableHandleRequestV2,
        CreateContextNames.DurableHandleReconnect, CreateContextNames.DurableHandleReconnectV2,
        CreateContextNames.QueryMaximalAccess, CreateContextNames.QueryOnDiskId, CreateContextNames.TimewarpToken,
        CreateContextNames.AllocationSize, CreateContextNames.ExtendedAttributes, CreateContextNames.SecurityDescriptor,
        "AAPL",
    ];

    /// <summary>Parses a chain; <paramref name="isResponse"/> picks the response layouts of shared tags.</summary>
    public static IReadOnlyList<CreateContext> Parse(ReadOnlySpan<byte> chain, bool isResponse)
    {
        if (chain.IsEmpty) return [];
        var result = new List<CreateContext>(2);
        var offset = 0;
        while (true)
        {
            var rest = chain[offset..];
            if (rest.Length < HeaderLength)
                throw new SmbProtocolException($"create context at chain offset {offset}: {rest.Length} bytes left, a context header needs {HeaderLength}");
            var next = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            var nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(rest[4..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[6..]);
            var dataOffset = BinaryPrimitives.ReadUInt16LittleEndian(rest[10..]);
            var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(rest[12..]);
            if (next != 0 && (next < HeaderLength || next >= (uint)rest.Length))
                throw new SmbProtocolException($"create context at chain offset {offset}: Next {next} is outside {HeaderLength}..{rest.Length - 1}");
            var entry = next == 0 ? rest : rest[..(int)next];
            if (nameLength == 0)
                throw new SmbProtocolException($"create context at chain offset {offset}: empty name");
            var name = SmbWire.SliceLocal(entry, nameOffset, nameLength, "create context name, chain offset", offset);
            var data = SmbWire.SliceLocal(entry, dataLength == 0 ? 0 : dataOffset, dataLength, "create context data, chain offset", offset);
            result.Add(ParseOne(TagOf(name), data, isResponse));
            if (next == 0) return result;
            offset += (int)next;
        }
    }

    private static CreateContext ParseOne(string tag, ReadOnlySpan<byte> data, bool isResponse) => tag switch
    {
        CreateContextNames.Lease => LeaseContext.Parse(data),
        CreateContextNames.DurableHandleRequest when isResponse => DurableHandleResponse.Parse(data),
        CreateContextNames.DurableHandleRequest => DurableHandleRequest.Parse(data),
        CreateContextNames.DurableHandleRequestV2 when isResponse => DurableHandleResponseV2.Parse(data),
        CreateContextNames.DurableHandleRequestV2 => DurableHandleRequestV2.Parse(data),
        CreateContextNames.DurableHandleReconnect when !isResponse => DurableHandleReconnect.Parse(data),
        CreateContextNames.DurableHandleReconnectV2 when !isResponse => DurableHandleReconnectV2.Parse(data),
        CreateContextNames.QueryMaximalAccess when isResponse => MaximalAccessResponse.Parse(data),
        CreateContextNames.QueryMaximalAccess => MaximalAccessRequest.Parse(data),
        CreateContextNames.QueryOnDiskId when isResponse => QueryOnDiskIdResponse.Parse(data),
        CreateContextNames.QueryOnDiskId when data.IsEmpty => new QueryOnDiskIdRequest(),
        CreateContextNames.AllocationSize when !isResponse => AllocationSizeRequest.Parse(data),
        CreateContextNames.TimewarpToken when !isResponse => TimewarpTokenRequest.Parse(data),
        _ => new RawCreateContext(tag, data.ToArray()),
    };

    // Returns the shared constant for common tags so parsing them allocates no string.
    private static string TagOf(ReadOnlySpan<byte> name)
    {
        if (name.Length == 4)
        {
            foreach (var known in KnownTags)
            {
                if (name[0] == known[0] && name[1] == known[1] && name[2] == known[2] && name[3] == known[3])
                    return known;
            }
        }
        return Encoding.Latin1.GetString(name);
    }

    /// <summary>Bytes <see cref="Write"/> needs for this chain.</summary>
    public static int GetLength(IReadOnlyList<CreateContext>? contexts)
    {
        if (contexts is null || contexts.Count == 0) return 0;
        var total = 0;
        for (var i = 0; i < contexts.Count; i++)
        {
            var entry = EntryLength(contexts[i]);
            total += i < contexts.Count - 1 ? SmbWire.Align8(entry) : entry;
        }
        return total;
    }

    /// <summary>Writes the chain at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(IReadOnlyList<CreateContext>? contexts, Span<byte> destination)
    {
        if (contexts is null || contexts.Count == 0) return 0;
        var offset = 0;
        for (var i = 0; i < contexts.Count; i++)
        {
            var context = contexts[i];
            var nameLength = Encoding.Latin1.GetByteCount(context.Name);
            var dataLength = context.DataLength;
            var dataOffset = dataLength == 0 ? 0 : SmbWire.Align8(HeaderLength + nameLength);
            var entryLength = EntryLength(context);
            var isLast = i == contexts.Count - 1;
            var next = isLast ? 0 : SmbWire.Align8(entryLength);
            var span = destination.Slice(offset, isLast ? entryLength : next);
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)next);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], HeaderLength);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], checked((ushort)nameLength));
            BinaryPrimitives.WriteUInt16LittleEndian(span[10..], checked((ushort)dataOffset));
            BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)dataLength);
            Encoding.Latin1.GetBytes(context.Name, span[HeaderLength..]);
            if (dataLength > 0) context.WriteData(span.Slice(dataOffset, dataLength));
            offset += isLast ? entryLength : next;
        }
        return offset;
    }

    private static int EntryLength(CreateContext context)
    {
        var nameLength = Encoding.Latin1.GetByteCount(context.Name);
        return context.DataLength == 0
            ? HeaderLength + nameLength
            : SmbWire.Align8(HeaderLength + nameLength) + context.DataLength;
    }
}
