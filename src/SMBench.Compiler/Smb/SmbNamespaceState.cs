using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Smb;

/// <summary>
/// Sessions, trees, open files and leases, shared by all connections of a compile: with multichannel (and
/// Windows clients that spread one session over several connections) a FileId opened on one connection is used
/// and closed on another. Ids are server-assigned and effectively unique within a capture.
/// </summary>
public sealed class SmbNamespaceState
{
    public Dictionary<ulong, SessionInfo> Sessions { get; } = [];

    public Dictionary<(ulong SessionId, uint TreeId), TreeInfo> Trees { get; } = [];

    public Dictionary<FileId, OpenHandle> Handles { get; } = [];

    public Dictionary<string, OpenHandle> Leases { get; } = new(StringComparer.Ordinal);
}
