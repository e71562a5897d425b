using Spectre.Console;

namespace SMBench.Daemon.Ctl;

/// <summary><c>cluster show|status|leader|leave [address]|down &lt;address&gt;|join &lt;address&gt;</c>.</summary>
internal static class ClusterPalette
{
    public static async Task<int> ExecuteAsync(CtlClient client, CtlOutput output, string command, CtlArgs args, CancellationToken ct)
    {
        args.OnlyKnown();
        if (command is "leave" or "down" or "join")
        {
            // leave [address] (default: the node the ctl talks to); down <address>; join <seed address>. The daemon
            // checks the address (and answers 409 when it is not in a cluster).
            var address = args.Positionals.FirstOrDefault();
            var answer = await client.PostAsync($"/api/cluster/{command}", address == null ? null : new { address }, ct).ConfigureAwait(false);
            if (output.Json) output.WriteJson(answer);
            else output.Line($"{command}: {(answer.TryGetProperty("address", out var a) ? a.GetString() : "done")}");
            return 0;
        }
        if (command is not ("show" or "status" or "leader")) return -1;
        var cluster = await client.GetAsync("/api/cluster", ct).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(cluster);
            return 0;
        }
        var self = CtlOutput.Text(cluster, "self");
        switch (command)
        {
            case "leader":
                output.Line(CtlOutput.Text(cluster, "leader"));
                break;
            case "status":
                var me = cluster.GetProperty("members").EnumerateArray().FirstOrDefault(m => CtlOutput.Text(m, "address") == self);
                output.Line($"{self}: {(me.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "not a member" : CtlOutput.Text(me, "status"))} ({CtlOutput.Text(cluster, "mode")})");
                break;
            default:
                var table = new Table().AddColumns("address", "status", "roles", "leader", "reachable");
                foreach (var m in cluster.GetProperty("members").EnumerateArray())
                {
                    var address = CtlOutput.Text(m, "address");
                    table.AddRow(Markup.Escape(address), CtlOutput.Text(m, "status"),
                        Markup.Escape(string.Join(",", m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))),
                        address == CtlOutput.Text(cluster, "leader") ? "*" : "",
                        m.TryGetProperty("reachable", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.False ? "no" : "yes");
                }
                output.Console.Write(table);
                break;
        }
        return 0;
    }
}
