namespace SMBench.Daemon.Ctl;

/// <summary>One ctl command: its usage line, whether it streams until Ctrl-C, and the HTTP call behind it.</summary>
public sealed record PaletteCommand(string Name, string Description, string Usage, bool Streaming, string Method, string Path);

/// <summary>A group of ctl commands (run, cluster, actor, log), as <c>GET /api/cmd/palettes</c> lists them.</summary>
public sealed record Palette(string Name, string Description, IReadOnlyList<PaletteCommand> Commands);

/// <summary>
/// The palettes the daemon serves. <c>smbench ctl</c> discovers them from the daemon, so help and completion show
/// what the daemon it talks to can do; the path says which endpoint a command uses ({id} filled from arguments).
/// </summary>
public static class PaletteCatalog
{
    public static readonly IReadOnlyList<Palette> All =
    [
        new("run", "Replay runs: submit, follow and stop",
        [
            new("start", "Queue a replay of a workload on the daemon host (--upload: send a local workload first)",
                "run start <workload> [--target URL] [--backend local|null|smb] [--mode mvp|realistic|full] [--time-scale F] [--loop N | --duration T] [--connections per-client|shared:N] [--root DIR] [--user U --password-env VAR | --credentials FILE] [--run-id ID] [--upload] [--wait]",
                false, "POST", "/api/runs"),
            new("list", "All runs, newest first", "run list", false, "GET", "/api/runs"),
            new("status", "State, progress and summary of one run", "run status <id>", false, "GET", "/api/runs/{id}"),
            new("stop", "Stop a run (its journal keeps every issued op)", "run stop <id>", false, "POST", "/api/runs/{id}/stop"),
            new("watch", "Follow a run's progress until it ends (Ctrl-C leaves it running)", "run watch <id> [--interval S]", true, "GET", "/api/runs/{id}"),
        ]),
        new("cluster", "Cluster membership (a single node unless started with --seed-nodes)",
        [
            new("show", "Members with address, status and roles", "cluster show", false, "GET", "/api/cluster"),
            new("status", "This node's status", "cluster status", false, "GET", "/api/cluster"),
            new("leader", "The leader's address", "cluster leader", false, "GET", "/api/cluster"),
            new("leave", "Make a node (default: this one) leave the cluster", "cluster leave [address]", false, "POST", "/api/cluster/leave"),
            new("down", "Mark a node down (its clients in a running run are lost)", "cluster down <address>", false, "POST", "/api/cluster/down"),
            new("join", "Join this node to a cluster", "cluster join <seed-address>", false, "POST", "/api/cluster/join"),
        ]),
        new("actor", "The actor hierarchy",
        [
            new("hierarchy", "Actors as a tree", "actor hierarchy [-d N] [--path /user]", false, "GET", "/api/actors"),
        ]),
        new("log", "The daemon log",
        [
            new("tail", "Last lines, then new lines as they come (until Ctrl-C)", "log tail [-n N]", true, "GET", "/api/logs"),
            new("peek", "The last lines, once", "log peek [-n N]", false, "GET", "/api/logs"),
        ]),
    ];
}
