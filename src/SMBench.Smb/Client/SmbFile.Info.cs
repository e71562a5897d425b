using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbFile
{
    /// <summary>
    /// QUERY_INFO as given; returns the output buffer. STATUS_BUFFER_OVERFLOW is partial data, not a failure, and
    /// is reported through <paramref name="request"/>'s caller via the returned length being the buffer size.
    /// </summary>
    public async Task<byte[]> QueryInfoAsync(QueryInfoRequest request, CancellationToken cancellationToken = default)
    {
        request = request with { FileId = FileId };
        using var response = await Tree.SendAsync(Tree.For(request) with { ExpectedResponseLength = (int)request.OutputBufferLength },
            cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success && response.Status != NtStatus.BufferOverflow)
            throw new SmbStatusException(response.Status, Smb2Command.QueryInfo, $"of '{Name}'");
        return QueryInfoResponse.Parse(response.Message).OutputBuffer.ToArray();
    }

    /// <summary>QUERY_INFO for one file information class.</summary>
    public Task<byte[]> QueryInfoAsync(FileInformationClass informationClass, uint outputBufferLength = 4096, CancellationToken cancellationToken = default)
        => QueryInfoAsync(QueryInfoRequest.ForFile(FileId, informationClass, outputBufferLength), cancellationToken);

    /// <summary>FileStandardInformation: sizes, link count, delete pending, directory.</summary>
    public async Task<FileStandardInformation> QueryStandardInfoAsync(CancellationToken cancellationToken = default)
        => FileStandardInformation.Parse(await QueryInfoAsync(FileInformationClass.FileStandardInformation, 24, cancellationToken).ConfigureAwait(false));

    /// <summary>FileNetworkOpenInformation: times, sizes and attributes in one answer.</summary>
    public async Task<FileNetworkOpenInformation> QueryNetworkOpenInfoAsync(CancellationToken cancellationToken = default)
        => FileNetworkOpenInformation.Parse(await QueryInfoAsync(FileInformationClass.FileNetworkOpenInformation, 56, cancellationToken).ConfigureAwait(false));

    /// <summary>SET_INFO with one FSCC structure (rename, disposition, end-of-file, basic, allocation, …).</summary>
    public async Task SetInfoAsync(IFileInformation information, CancellationToken cancellationToken = default)
    {
        using var response = await Tree.SendAsync(Tree.For(SetInfoRequest.ForFile(FileId, information)), cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success)
            throw new SmbStatusException(response.Status, Smb2Command.SetInfo, $"{information.InformationClass} of '{Name}'");
    }

    /// <summary>Renames to a share-relative path (the open needs DELETE access).</summary>
    public Task RenameAsync(string newPath, bool replaceIfExists = false, CancellationToken cancellationToken = default)
        => SetInfoAsync(new FileRenameInformation(SmbTree.NormalizePath(newPath), replaceIfExists), cancellationToken);

    /// <summary>Marks the file for deletion on last close (the open needs DELETE access).</summary>
    public Task DeleteOnCloseAsync(bool delete = true, CancellationToken cancellationToken = default)
        => SetInfoAsync(new FileDispositionInformation(delete), cancellationToken);

    /// <summary>Truncates or extends the file.</summary>
    public Task SetEndOfFileAsync(long endOfFile, CancellationToken cancellationToken = default)
        => SetInfoAsync(new FileEndOfFileInformation(endOfFile), cancellationToken);

    /// <summary>Sets times and attributes (0 leaves a time unchanged).</summary>
    public Task SetBasicInfoAsync(FileBasicInformation information, CancellationToken cancellationToken = default)
        => SetInfoAsync(information, cancellationToken);
}
