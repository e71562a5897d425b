using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbTree
{
    /// <summary>
    /// Sends a CREATE exactly as given (every field and create context of <paramref name="request"/>) and returns
    /// the open. A failing status throws <see cref="SmbStatusException"/> (e.g. STATUS_OBJECT_NAME_NOT_FOUND,
    /// STATUS_SHARING_VIOLATION). The Name is normalised to backslashes without a leading one.
    /// </summary>
    public async Task<SmbFile> CreateAsync(CreateRequest request, CancellationToken cancellationToken = default)
    {
        request = request with { Name = NormalizePath(request.Name) };
        using var response = await SendAsync(For(request), cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success) throw new SmbStatusException(response.Status, Smb2Command.Create, $"of '{request.Name}'");
        return new SmbFile(this, request, CreateResponse.Parse(response.Message));
    }

    /// <summary>Opens or creates a file or directory with the common parameters.</summary>
    public Task<SmbFile> CreateAsync(string path, FileAccessMask access, ShareAccess share, CreateDisposition disposition,
        CreateOptions options = CreateOptions.None, OplockLevel oplock = OplockLevel.None,
        IReadOnlyList<CreateContext>? contexts = null, CancellationToken cancellationToken = default)
        => CreateAsync(new CreateRequest
        {
            Name = path,
            DesiredAccess = access,
            ShareAccess = share,
            CreateDisposition = disposition,
            CreateOptions = options,
            RequestedOplockLevel = oplock,
            FileAttributes = SmbFileAttributes.Normal,
            CreateContexts = contexts ?? [],
        }, cancellationToken);

    /// <summary>Share-relative path: '/' becomes '\', no leading separator (MS-SMB2 §2.2.13 Name).</summary>
    public static string NormalizePath(string path) => path.Replace('/', '\\').TrimStart('\\');

    /// <summary>
    /// Acknowledges a lease break (MS-SMB2 §2.2.24.2) on this tree's session; <paramref name="state"/> must be a
    /// subset of the break's new state. Only needed when the notification had ACK_REQUIRED.
    /// </summary>
    public async Task AcknowledgeLeaseBreakAsync(Guid leaseKey, LeaseState state, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(For(new LeaseBreakAcknowledgment(leaseKey, state)) with { UseCreditReserve = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success)
            throw new SmbStatusException(response.Status, Smb2Command.OplockBreak, $"lease ack {leaseKey}");
    }
}
