using System.Buffers.Binary;
using System.Text;
using SMBench.Smb.Protocol;

namespace SMBench.Smb.Messages.Fscc;

/// <summary>
/// Reads and writes the directory information classes QUERY_DIRECTORY returns: entries chained by
/// NextEntryOffset (0 = last), each with the class's fixed part then FileName.
/// </summary>
public static class DirectoryInformation
{
    /// <summary>
    /// True for the listing classes this library decodes. A capture can carry others (e.g. a newer Windows class):
    /// check before <see cref="Enumerate"/> and count the rest as undecoded instead of catching an exception.
    /// </summary>
    public static bool IsSupported(FileInformationClass informationClass) => informationClass is
        FileInformationClass.FileDirectoryInformation or FileInformationClass.FileFullDirectoryInformation or
        FileInformationClass.FileIdFullDirectoryInformation or FileInformationClass.FileBothDirectoryInformation or
        FileInformationClass.FileIdBothDirectoryInformation or FileInformationClass.FileNamesInformation or
        FileInformationClass.FileIdExtdDirectoryInformation;

    /// <summary>Offset of FileName within an entry of this class, or throws for a class that is not a listing.</summary>
    public static int FileNameOffset(FileInformationClass informationClass) => informationClass switch
    {
        FileInformationClass.FileDirectoryInformation => 64,
        FileInformationClass.FileFullDirectoryInformation => 68,
        FileInformationClass.FileIdFullDirectoryInformation => 80,
        FileInformationClass.FileBothDirectoryInformation => 94,
        FileInformationClass.FileIdBothDirectoryInformation => 104,
        FileInformationClass.FileNamesInformation => 12,
        FileInformationClass.FileIdExtdDirectoryInformation => 88,
        _ => throw new NotSupportedException($"{informationClass} is not a directory listing class this library decodes"),
    };

    public static Enumerator Enumerate(FileInformationClass informationClass, ReadOnlySpan<byte> buffer) =>
        new(informationClass, buffer);

    public static IReadOnlyList<DirectoryEntry> ToList(FileInformationClass informationClass, ReadOnlySpan<byte> buffer)
    {
        var list = new List<DirectoryEntry>();
        foreach (var entry in Enumerate(informationClass, buffer)) list.Add(entry);
        return list;
    }

    private static DirectoryEntry ParseEntry(FileInformationClass cls, ReadOnlySpan<byte> entry, int nameOffset, int at)
    {
        if (cls == FileInformationClass.FileNamesInformation)
        {
            var len = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            return new DirectoryEntry
            {
                FileIndex = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
                FileName = SmbWire.Utf16(SmbWire.SliceLocal(entry, nameOffset, len, "directory entry FileName, entry offset", at), "directory entry FileName"),
            };
        }
        var nameLength = BinaryPrimitives.ReadUInt32LittleEndian(entry[60..]);
        var name = SmbWire.SliceLocal(entry, nameOffset, nameLength, "directory entry FileName, entry offset", at);
        string? shortName = null;
        ulong fileId = 0;
        if (cls is FileInformationClass.FileBothDirectoryInformation or FileInformationClass.FileIdBothDirectoryInformation)
        {
            var shortLength = Math.Min((int)entry[68], 24);
            shortName = Encoding.Unicode.GetString(entry.Slice(70, shortLength & ~1));
        }
        if (cls == FileInformationClass.FileIdBothDirectoryInformation) fileId = BinaryPrimitives.ReadUInt64LittleEndian(entry[96..]);
        if (cls is FileInformationClass.FileIdFullDirectoryInformation or FileInformationClass.FileIdExtdDirectoryInformation)
            fileId = BinaryPrimitives.ReadUInt64LittleEndian(entry[72..]); // Extd: low half of the 128-bit id
        return new DirectoryEntry
        {
            FileIndex = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
            CreationTime = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]),
            LastAccessTime = BinaryPrimitives.ReadInt64LittleEndian(entry[16..]),
            LastWriteTime = BinaryPrimitives.ReadInt64LittleEndian(entry[24..]),
            ChangeTime = BinaryPrimitives.ReadInt64LittleEndian(entry[32..]),
            EndOfFile = BinaryPrimitives.ReadInt64LittleEndian(entry[40..]),
            AllocationSize = BinaryPrimitives.ReadInt64LittleEndian(entry[48..]),
            FileAttributes = (SmbFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(entry[56..]),
            EaSize = cls == FileInformationClass.FileDirectoryInformation ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(entry[64..]),
            ShortName = shortName,
            FileId = fileId,
            ReparsePointTag = cls == FileInformationClass.FileIdExtdDirectoryInformation ? BinaryPrimitives.ReadUInt32LittleEndian(entry[68..]) : 0,
            FileName = SmbWire.Utf16(name, "directory entry FileName"),
        };
    }

    /// <summary>Bytes <see cref="Write"/> needs: each entry 8-byte aligned except the last.</summary>
    public static int GetLength(FileInformationClass informationClass, IReadOnlyList<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var nameOffset = FileNameOffset(informationClass);
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var length = nameOffset + SmbWire.Utf16Length(entries[i].FileName);
            total += i < entries.Count - 1 ? SmbWire.Align8(length) : length;
        }
        return total;
    }

    /// <summary>Encodes entries as a server would; returns the bytes written.</summary>
    public static int Write(FileInformationClass informationClass, IReadOnlyList<DirectoryEntry> entries, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var nameOffset = FileNameOffset(informationClass);
        var offset = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var nameLength = SmbWire.Utf16Length(e.FileName);
            var length = nameOffset + nameLength;
            var next = i < entries.Count - 1 ? SmbWire.Align8(length) : 0;
            var span = destination.Slice(offset, next == 0 ? length : next);
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)next);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], e.FileIndex);
            if (informationClass == FileInformationClass.FileNamesInformation)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)nameLength);
            }
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(span[8..], e.CreationTime);
                BinaryPrimitives.WriteInt64LittleEndian(span[16..], e.LastAccessTime);
                BinaryPrimitives.WriteInt64LittleEndian(span[24..], e.LastWriteTime);
                BinaryPrimitives.WriteInt64LittleEndian(span[32..], e.ChangeTime);
                BinaryPrimitives.WriteInt64LittleEndian(span[40..], e.EndOfFile);
                BinaryPrimitives.WriteInt64LittleEndian(span[48..], e.AllocationSize);
                BinaryPrimitives.WriteUInt32LittleEndian(span[56..], (uint)e.FileAttributes);
                BinaryPrimitives.WriteUInt32LittleEndian(span[60..], (uint)nameLength);
                if (informationClass != FileInformationClass.FileDirectoryInformation)
                    BinaryPrimitives.WriteUInt32LittleEndian(span[64..], e.EaSize);
                if (informationClass is FileInformationClass.FileBothDirectoryInformation or FileInformationClass.FileIdBothDirectoryInformation && e.ShortName is { Length: > 0 } sn)
                {
                    var shortBytes = Encoding.Unicode.GetBytes(sn.Length > 12 ? sn[..12] : sn);
                    span[68] = (byte)shortBytes.Length;
                    shortBytes.CopyTo(span[70..]);
                }
                if (informationClass == FileInformationClass.FileIdBothDirectoryInformation)
                    BinaryPrimitives.WriteUInt64LittleEndian(span[96..], e.FileId);
                if (informationClass is FileInformationClass.FileIdFullDirectoryInformation or FileInformationClass.FileIdExtdDirectoryInformation)
                    BinaryPrimitives.WriteUInt64LittleEndian(span[72..], e.FileId);
                if (informationClass == FileInformationClass.FileIdExtdDirectoryInformation)
                    BinaryPrimitives.WriteUInt32LittleEndian(span[68..], e.ReparsePointTag);
            }
            SmbWire.WriteUtf16(e.FileName, span[nameOffset..]);
            offset += next == 0 ? length : next;
        }
        return offset;
    }

    /// <summary>Allocation-light walk of the NextEntryOffset chain (each entry allocates its name strings).</summary>
    public ref struct Enumerator
    {
        private readonly FileInformationClass _class;
        private readonly ReadOnlySpan<byte> _buffer;
        private readonly int _nameOffset;
        private int _offset;
        private bool _done;

        internal Enumerator(FileInformationClass informationClass, ReadOnlySpan<byte> buffer)
        {
            _class = informationClass;
            _buffer = buffer;
            _nameOffset = FileNameOffset(informationClass);
            _offset = 0;
            _done = buffer.IsEmpty;
            Current = default;
        }

        public DirectoryEntry Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done) return false;
            var rest = _buffer[_offset..];
            if (rest.Length < _nameOffset)
                throw new SmbProtocolException($"{_class} entry at {_offset}: {rest.Length} bytes left, the fixed part needs {_nameOffset}");
            var next = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            if (next != 0 && (next < _nameOffset || next >= (uint)rest.Length))
                throw new SmbProtocolException($"{_class} entry at {_offset}: NextEntryOffset {next} outside {_nameOffset}..{rest.Length - 1}");
            var entry = next == 0 ? rest : rest[..(int)next];
            Current = ParseEntry(_class, entry, _nameOffset, _offset);
            if (next == 0) _done = true;
            else _offset += (int)next;
            return true;
        }
    }
}
