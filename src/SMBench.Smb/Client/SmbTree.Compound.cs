using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbTree
{
    /// <summary>
    /// CREATE + <paramref name="middle"/> + CLOSE as one related compound (§3.2.4.1.4): the later parts address
    /// the new open with FileId all 0xFF (build them with <see cref="FileId.Related"/>). Returns one response per part
    /// in order, each to be disposed by the caller; statuses are not checked here because a compound may fail part-way.
    /// </summary>
    public Task<Smb2Response[]> CreateCompoundAsync(CreateRequest create, IReadOnlyList<Smb2Request> middle, bool close = true,
        CancellationToken cancellationToken = default)
    {
        var parts = new List<Smb2Request>(middle.Count + 2) { For(create with { Name = NormalizePath(create.Name) }) };
        foreach (var m in middle) parts.Add(m with { Related = true, SessionId = Session.SessionId, TreeId = TreeId, Encrypt = EncryptData });
        if (close) parts.Add(For(new CloseRequest(FileId.Related)) with { Related = true });
        return SendCompoundAsync(parts, cancellationToken);
    }
}
