namespace SMBench.Compiler.Smb;

/// <summary>A FileId the capture saw opened, and what the IR knows it as.</summary>
public sealed class OpenHandle
{
    public OpenHandle(string? handleRef, string path, bool isDirectory, string clientId)
    {
        HandleRef = handleRef;
        Path = path;
        IsDirectory = isDirectory;
        ClientId = clientId;
    }

    /// <summary>Null when the CREATE became a <c>mkdir</c>: later ops use the path, the close is folded in.</summary>
    public string? HandleRef { get; }

    public string Path { get; set; }

    public bool IsDirectory { get; }

    public string ClientId { get; }

    /// <summary>Delete-on-close requested (CREATE option or SET_INFO disposition); the IR deletes after the close.</summary>
    public bool DeletePending { get; set; }

    /// <summary>Status of the request that asked for the delete, expected for the delete op.</summary>
    public string? DeleteStatus { get; set; }

    /// <summary>A QUERY_DIRECTORY already produced a <c>list</c> for this enumeration.</summary>
    public bool Listing { get; set; }

    public string? LeaseKey { get; set; }

    /// <summary>The server sent a break the client has not yet acknowledged.</summary>
    public bool BreakOutstanding { get; set; }
}
