namespace SMBench.Daemon.Cli;

/// <summary>A replay target: <c>smb://host[:port]/share</c> or <c>file:///dir</c> (a plain path means file).</summary>
public sealed record TargetSpec(string Scheme, string? Host, int Port, string? Share, string? LocalPath)
{
    public static TargetSpec Parse(string text)
    {
        if (text.StartsWith("smb://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                throw new FormatException($"target '{text}' is not smb://host[:port]/share");
            var share = uri.AbsolutePath.Trim('/');
            if (share.Length == 0 || share.Contains('/'))
                throw new FormatException($"target '{text}' must name exactly one share: smb://host[:port]/share");
            return new TargetSpec("smb", uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 445 : uri.Port, Uri.UnescapeDataString(share), null);
        }
        if (text.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.UnescapeDataString(new Uri(text).AbsolutePath);
            return new TargetSpec("file", null, 0, null, path);
        }
        if (text.Contains("://")) throw new FormatException($"target '{text}': only smb:// and file:// are understood");
        return new TargetSpec("file", null, 0, null, Path.GetFullPath(text));
    }

    public override string ToString() => Scheme == "smb" ? $"smb://{Host}:{Port}/{Share}" : $"file://{LocalPath}";
}
