using System.Buffers.Binary;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>FILE_NOTIFY_INFORMATION (MS-FSCC §2.7.1): NextEntryOffset, Action, FileNameLength, FileName.</summary>
public readonly record struct FileNotifyInformation(FileAction Action, string FileName)
{
    private const int FixedLength = 12;

    public static IReadOnlyList<FileNotifyInformation> ParseChain(ReadOnlySpan<byte> buffer)
    {
        var result = new List<FileNotifyInformation>();
        var offset = 0;
        while (offset < buffer.Length)
        {
            var rest = buffer[offset..];
            if (rest.Length < FixedLength)
                throw new SmbProtocolException($"FILE_NOTIFY_INFORMATION at {offset}: {rest.Length} bytes left, needs {FixedLength}");
            var next = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(rest[8..]);
            if (next != 0 && (next < FixedLength || next >= (uint)rest.Length))
                throw new SmbProtocolException($"FILE_NOTIFY_INFORMATION at {offset}: NextEntryOffset {next} outside {FixedLength}..{rest.Length - 1}");
            var entry = next == 0 ? rest : rest[..(int)next];
            var name = SmbWire.SliceLocal(entry, FixedLength, nameLength, "FILE_NOTIFY_INFORMATION FileName, entry offset", offset);
            result.Add(new FileNotifyInformation(
                (FileAction)BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]),
                SmbWire.Utf16(name, "FILE_NOTIFY_INFORMATION FileName")));
            if (next == 0) break;
            offset += (int)next;
        }
        return result;
    }

    public static byte[] ToArray(IReadOnlyList<FileNotifyInformation> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var total = 0;
        for (var i = 0; i < changes.Count; i++)
        {
            var len = FixedLength + SmbWire.Utf16Length(changes[i].FileName);
            total += i < changes.Count - 1 ? (len + 3) & ~3 : len;
        }
        var bytes = new byte[total];
        var offset = 0;
        for (var i = 0; i < changes.Count; i++)
        {
            var nameLength = SmbWire.Utf16Length(changes[i].FileName);
            var len = FixedLength + nameLength;
            var next = i < changes.Count - 1 ? (len + 3) & ~3 : 0; // entries are 4-byte aligned
            var span = bytes.AsSpan(offset);
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)next);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)changes[i].Action);
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)nameLength);
            SmbWire.WriteUtf16(changes[i].FileName, span[FixedLength..]);
            offset += next;
        }
        return bytes;
    }
}
