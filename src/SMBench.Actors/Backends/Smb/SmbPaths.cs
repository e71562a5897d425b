using SMBench.Smb.Client;
using SMBench.Smb.Protocol;

namespace SMBench.Actors.Backends.Smb;

/// <summary>Folder helpers over a tree connect.</summary>
internal static class SmbPaths
{
    /// <summary>Creates every missing level of a share-relative folder path.</summary>
    public static async Task EnsureDirectoryAsync(SmbTree tree, string path, CancellationToken ct)
    {
        var parts = path.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        foreach (var part in parts)
        {
            current = current.Length == 0 ? part : $"{current}\\{part}";
            await using var dir = await tree.CreateAsync(current, FileAccessMask.ReadAttributes | FileAccessMask.Synchronize,
                ShareAccess.Read | ShareAccess.Write | ShareAccess.Delete, CreateDisposition.OpenIf, CreateOptions.DirectoryFile,
                cancellationToken: ct).ConfigureAwait(false);
        }
    }

    public static string Parent(string smbPath)
    {
        var i = smbPath.LastIndexOf('\\');
        return i < 0 ? "" : smbPath[..i];
    }
}
