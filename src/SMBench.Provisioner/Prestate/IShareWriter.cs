namespace SMBench.Provisioner.Prestate;

/// <summary>What ensuring one entry did.</summary>
public enum EnsureOutcome
{
    Created,
    Existed,

    /// <summary>The file existed with another size and was set to the recorded one.</summary>
    Resized,
}

/// <summary>What deleting one entry did.</summary>
public enum DeleteOutcome
{
    Deleted,
    Missing,

    /// <summary>A directory that holds entries we did not create; it is left alone.</summary>
    NotEmpty,
}

/// <summary>
/// Where the pre-state is written: a local directory (<see cref="LocalDirectoryShareWriter"/>) or an SMB share.
/// Paths are '/'-joined and share-relative, already checked by <see cref="SharePath"/>.
/// </summary>
public interface IShareWriter
{
    /// <summary>Short description of the target for messages and the manifest (e.g. file:///srv/x, smb://host/share).</summary>
    string Target { get; }

    /// <summary>Creates the directory if missing (its parent exists).</summary>
    Task<EnsureOutcome> EnsureDirectoryAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Creates the file with <paramref name="size"/> bytes of <paramref name="content"/> if missing; sets the size if it differs.</summary>
    Task<EnsureOutcome> EnsureFileAsync(string path, long size, ContentKind content, CancellationToken cancellationToken = default);

    Task<DeleteOutcome> DeleteFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a directory only if it is empty.</summary>
    Task<DeleteOutcome> DeleteDirectoryAsync(string path, CancellationToken cancellationToken = default);
}
