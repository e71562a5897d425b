namespace SMBench.Actors.Backends.Smb;

/// <summary>Where an SMB replay goes: server, port, share, and the folder inside the share for this run.</summary>
/// <param name="Root">Share-relative folder all IR paths are placed under ("" replays in place).</param>
public sealed record SmbTarget(string Host, int Port, string Share, string Root)
{
    public override string ToString() => $"smb://{Host}:{Port}/{Share}{(Root.Length > 0 ? "/" + Root : "")}";
}
