using SMBench.Core.Credentials;
using SMBench.Provisioner.Prestate;

namespace SMBench.Provisioner;

/// <summary>A replay target as the CLI gives it: <c>smb://host[:port]/share</c> or <c>file:///dir</c>.</summary>
public sealed record ShareTarget(string Scheme, string Host, int Port, string Share, string? LocalPath)
{
    public static ShareTarget Parse(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var u))
            throw new ArgumentException($"'{target}' is not a target URI (smb://host[:port]/share or file:///dir)", nameof(target));
        if (u.Scheme == "file") return new ShareTarget("file", "", 0, "", u.LocalPath);
        if (u.Scheme != "smb") throw new ArgumentException($"'{target}': unsupported scheme '{u.Scheme}' (smb or file)", nameof(target));
        var share = u.AbsolutePath.Trim('/');
        if (share.Length == 0 || share.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"'{target}': give exactly one share name after the host (smb://host/share)", nameof(target));
        return new ShareTarget("smb", u.Host, u.IsDefaultPort || u.Port <= 0 ? 445 : u.Port, Uri.UnescapeDataString(share), null);
    }

    /// <summary>Opens a writer for this target; SMB needs <paramref name="credential"/>.</summary>
    public async Task<IShareWriter> OpenWriterAsync(Credential? credential, CancellationToken cancellationToken = default)
    {
        if (Scheme == "file") return new LocalDirectoryShareWriter(LocalPath!);
        if (credential == null) throw new ArgumentException($"smb://{Host}/{Share}: a user and password are needed to write the pre-state");
        return await SmbShareWriter.ConnectAsync(Host, Port, Share, credential, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
