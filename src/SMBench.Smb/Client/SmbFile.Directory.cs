using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbFile
{
    /// <summary>
    /// Lists a directory opened with this handle: QUERY_DIRECTORY repeated until STATUS_NO_MORE_FILES. A pattern
    /// that matches nothing yields an empty list (the server's STATUS_NO_SUCH_FILE on the first call).
    /// </summary>
    public async Task<IReadOnlyList<DirectoryEntry>> QueryDirectoryAsync(string pattern = "*",
        FileInformationClass informationClass = FileInformationClass.FileIdBothDirectoryInformation,
        uint outputBufferLength = 65536, CancellationToken cancellationToken = default)
    {
        var entries = new List<DirectoryEntry>();
        var flags = QueryDirectoryFlags.RestartScans;
        while (true)
        {
            var request = new QueryDirectoryRequest
            {
                FileInformationClass = informationClass,
                Flags = flags,
                FileId = FileId,
                FileName = pattern,
                OutputBufferLength = Math.Min(outputBufferLength, Connection.MaxTransactSize),
            };
            using var response = await Tree.SendAsync(Tree.For(request) with { ExpectedResponseLength = (int)request.OutputBufferLength },
                cancellationToken).ConfigureAwait(false);
            if (response.Status == NtStatus.NoMoreFiles) break;
            if (response.Status == NtStatus.NoSuchFile && flags == QueryDirectoryFlags.RestartScans) break;
            if (response.Status != NtStatus.Success)
                throw new SmbStatusException(response.Status, Smb2Command.QueryDirectory, $"of '{Name}'");
            var before = entries.Count;
            foreach (var entry in QueryDirectoryResponse.Parse(response.Message).Entries(informationClass)) entries.Add(entry);
            if (entries.Count == before) break;
            flags = QueryDirectoryFlags.None;
        }
        return entries;
    }
}
