using Microsoft.Win32.SafeHandles;
using SMBench.Core.Ir;
using SMBench.Core.Results;

namespace SMBench.Actors.Backends.Local;

/// <summary>One client's view of the local root. Handles are SafeFileHandles (or a directory path).</summary>
internal sealed class LocalClientSession(LocalBackend backend) : IClientSession
{
    private byte[] _buffer = [];
    // Handles the workload never closed are closed with the session, so a run leaks no descriptors.
    private readonly HashSet<SafeFileHandle> _open = [];

    public ValueTask<OpOutcome> ExecuteAsync(IrOperation op, object? handle, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Execute(op, handle));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BackendRefusedException
                                      or OperationCanceledException or ArgumentException or NotSupportedException)
        {
            return ValueTask.FromResult(LocalStatus.From(e));
        }
    }

    private OpOutcome Execute(IrOperation op, object? handle)
    {
        switch (op)
        {
            case OpenOp open: return Open(open);
            case ReadOp read:
            {
                var buffer = Buffer(read.Length);
                var n = RandomAccess.Read(File(handle), buffer.AsSpan(0, read.Length), read.Offset);
                return Ok(n);
            }
            case WriteOp write:
            {
                var buffer = Buffer(write.Length);
                var data = buffer.AsSpan(0, write.Length);
                if (write.Blob != null && backend.Blobs != null) backend.Blobs.Read(write.Blob, data);
                else Filler.Fill(data, write.Offset);
                RandomAccess.Write(File(handle), data, write.Offset);
                return Ok(write.Length);
            }
            case CloseOp:
                if (handle is SafeFileHandle h)
                {
                    _open.Remove(h);
                    h.Dispose();
                }
                return Ok();
            case FlushOp: RandomAccess.FlushToDisk(File(handle)); return Ok();
            case TruncateOp t: RandomAccess.SetLength(File(handle), t.Length); return Ok();
            case RenameOp rename: return Rename(rename);
            case DeleteOp delete:
            {
                var path = backend.Paths.Resolve(delete.Path);
                if (Directory.Exists(path)) return new OpOutcome("STATUS_FILE_IS_A_DIRECTORY", Error: $"{delete.Path} is a directory");
                if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{delete.Path} does not exist");
                System.IO.File.Delete(path);
                return Ok();
            }
            case MkdirOp mkdir:
            {
                var path = backend.Paths.Resolve(mkdir.Path);
                if (Directory.Exists(path) || System.IO.File.Exists(path)) return new OpOutcome("STATUS_OBJECT_NAME_COLLISION");
                if (!Directory.Exists(Path.GetDirectoryName(path))) throw new DirectoryNotFoundException($"parent of {mkdir.Path} does not exist");
                Directory.CreateDirectory(path);
                return Ok();
            }
            case RmdirOp rmdir:
            {
                var path = backend.Paths.Resolve(rmdir.Path);
                if (!Directory.Exists(path)) throw new FileNotFoundException($"{rmdir.Path} does not exist");
                if (Directory.EnumerateFileSystemEntries(path).Any()) return new OpOutcome("STATUS_DIRECTORY_NOT_EMPTY");
                Directory.Delete(path);
                return Ok();
            }
            case ListOp list:
            {
                var path = backend.Paths.Resolve(list.Path);
                if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{list.Path} is not a directory");
                var count = Directory.EnumerateFileSystemEntries(path, list.Pattern).LongCount();
                return Ok(count);
            }
            case StatOp stat:
            {
                if (stat.Handle != null) return handle is string ? Ok() : Ok(RandomAccess.GetLength(File(handle)));
                var path = backend.Paths.Resolve(stat.Path!);
                if (Directory.Exists(path)) return Ok();
                return Ok(new FileInfo(path) is { Exists: true } fi ? fi.Length : throw new FileNotFoundException($"{stat.Path} does not exist"));
            }
            default:
                return new OpOutcome(ReplayStatus.Unsupported, Error: $"the local backend cannot do '{op.Type}'");
        }
    }

    private OpOutcome Open(OpenOp open)
    {
        var path = backend.Paths.Resolve(open.Path);
        if (open.Directory || Directory.Exists(path))
        {
            if (Directory.Exists(path)) return new OpOutcome(StatusText.Success, Handle: path);
            if (open.Mode == OpenMode.Read) throw new FileNotFoundException($"{open.Path} does not exist");
            Directory.CreateDirectory(path);
            return new OpOutcome(StatusText.Success, Handle: path);
        }
        // Mode 0 semantics: readers need the file; writers open-or-create it (and its folders).
        var (mode, access) = open.Mode switch
        {
            OpenMode.Read => (FileMode.Open, FileAccess.Read),
            OpenMode.Write => (FileMode.OpenOrCreate, FileAccess.Write),
            _ => (FileMode.OpenOrCreate, FileAccess.ReadWrite),
        };
        if (mode != FileMode.Open) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var handle = System.IO.File.OpenHandle(path, mode, access, FileShare.ReadWrite | FileShare.Delete);
        _open.Add(handle);
        return new OpOutcome(StatusText.Success, Handle: handle);
    }

    private OpOutcome Rename(RenameOp rename)
    {
        var source = backend.Paths.Resolve(rename.SourcePath);
        var dest = backend.Paths.Resolve(rename.DestPath);
        if (System.IO.File.Exists(dest) || Directory.Exists(dest))
        {
            if (!rename.ReplaceIfExists || Directory.Exists(dest)) return new OpOutcome("STATUS_OBJECT_NAME_COLLISION");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
        if (Directory.Exists(source)) Directory.Move(source, dest);
        else System.IO.File.Move(source, dest, rename.ReplaceIfExists);
        return Ok();
    }

    private static SafeFileHandle File(object? handle) => handle as SafeFileHandle
        ?? throw new BackendRefusedException("STATUS_INVALID_HANDLE", "the handle is a directory or was never opened as a file");

    private byte[] Buffer(int length)
    {
        if (_buffer.Length < length) _buffer = new byte[Math.Max(length, 4096)];
        return _buffer;
    }

    private static OpOutcome Ok(long bytes = 0) => new(StatusText.Success, bytes);

    public ValueTask DisposeAsync()
    {
        foreach (var h in _open) h.Dispose();
        _open.Clear();
        return ValueTask.CompletedTask;
    }
}
