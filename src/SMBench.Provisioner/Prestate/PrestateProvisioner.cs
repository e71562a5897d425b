using SMBench.Provisioner.Manifest;

namespace SMBench.Provisioner.Prestate;

/// <summary>
/// Creates the folders and files a workload expects to find, under the same root the replay will use, through an
/// <see cref="IShareWriter"/>. What it creates is recorded in the manifest; <see cref="CleanupAsync"/> removes
/// exactly that (files first, then directories innermost first, and only if empty).
/// </summary>
public sealed class PrestateProvisioner(IShareWriter writer)
{
    /// <param name="root">The replay's --root, share-relative ("" or "/" for the share root itself).</param>
    public async Task<PrestateResult> ProvisionAsync(PrestateDocument document, string root, string? manifestPath = null,
        bool dryRun = false, int parallelism = 4, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        document.Validate("prestate");
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        // Directories in parent-first order: the root's components, the listed folders, and every file's parents.
        var directories = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddDirectory(string dir)
        {
            foreach (var a in SharePath.Ancestors(dir).Append(dir))
                if (a.Length > 0 && seen.Add(a)) directories.Add(a);
        }
        var rootPath = SharePath.Combine(root, "");
        if (rootPath.Length > 0) AddDirectory(rootPath);
        foreach (var d in document.Directories) AddDirectory(SharePath.Combine(root, d.Path));
        var files = document.Files.Select(f => (Path: SharePath.Combine(root, f.Path), f.Size, f.Content)).ToList();
        foreach (var f in files)
            foreach (var a in SharePath.Ancestors(f.Path)) AddDirectory(a);

        var bytes = files.Sum(f => f.Size);
        if (dryRun) return new PrestateResult(directories.Count, files.Count, 0, 0, bytes, true);

        var createdDirs = new List<string>();
        var createdFiles = new List<string>();
        int resized = 0, existed = 0;
        try
        {
            foreach (var dir in directories)
            {
                var outcome = await writer.EnsureDirectoryAsync(dir, cancellationToken).ConfigureAwait(false);
                if (outcome == EnsureOutcome.Created) createdDirs.Add(dir);
                else existed++;
                progress?.Report(dir + "/");
            }
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(files, parallel, async (f, token) =>
            {
                var outcome = await writer.EnsureFileAsync(f.Path, f.Size, f.Content, token).ConfigureAwait(false);
                lock (createdFiles)
                {
                    if (outcome == EnsureOutcome.Created) createdFiles.Add(f.Path);
                    else if (outcome == EnsureOutcome.Resized) resized++;
                    else existed++;
                }
                progress?.Report(f.Path);
            }).ConfigureAwait(false);
        }
        finally
        {
            // Record even a partial run, so cleanup can remove what was created before a failure.
            if (manifestPath != null && (createdDirs.Count > 0 || createdFiles.Count > 0))
                await RecordAsync(manifestPath, root, createdDirs, createdFiles).ConfigureAwait(false);
        }
        return new PrestateResult(createdDirs.Count, createdFiles.Count, resized, existed, bytes, false);
    }

    private async Task RecordAsync(string manifestPath, string root, List<string> dirs, List<string> files)
    {
        var manifest = await ProvisionManifest.LoadAsync(manifestPath).ConfigureAwait(false);
        var section = manifest.Prestate ??= new ProvisionManifest.PrestateSection();
        section.Target = writer.Target;
        section.Root = root;
        foreach (var d in dirs) if (!section.Directories.Contains(d)) section.Directories.Add(d);
        foreach (var f in files.Order(StringComparer.Ordinal)) if (!section.Files.Contains(f)) section.Files.Add(f);
        await manifest.SaveAsync(manifestPath).ConfigureAwait(false);
    }

    /// <summary>Removes the recorded files and directories; returns the directories left because they were not empty.</summary>
    public async Task<IReadOnlyList<string>> CleanupAsync(string manifestPath, CancellationToken cancellationToken = default)
    {
        var manifest = await ProvisionManifest.LoadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        var left = new List<string>();
        if (manifest.Prestate is { } section)
        {
            foreach (var f in section.Files) await writer.DeleteFileAsync(f, cancellationToken).ConfigureAwait(false);
            foreach (var d in Enumerable.Reverse(section.Directories))
                if (await writer.DeleteDirectoryAsync(d, cancellationToken).ConfigureAwait(false) == DeleteOutcome.NotEmpty)
                    left.Add(d);
            manifest.Prestate = null;
            await manifest.SaveAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        }
        return left;
    }
}
