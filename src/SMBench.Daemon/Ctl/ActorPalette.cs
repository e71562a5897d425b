using System.Text.Json;
using Spectre.Console;

namespace SMBench.Daemon.Ctl;

/// <summary><c>actor hierarchy [-d N] [--path P]</c>.</summary>
internal static class ActorPalette
{
    public static async Task<int> ExecuteAsync(CtlClient client, CtlOutput output, string command, CtlArgs args, CancellationToken ct)
    {
        if (command != "hierarchy") return -1;
        args.OnlyKnown("d", "depth", "path");
        var depth = args.Int(3, "d", "depth");
        var path = args.Option("path") ?? "/";
        var json = await client.GetAsync($"/api/actors?depth={depth}&path={Uri.EscapeDataString(path)}", ct).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(json);
            return 0;
        }
        var root = json.GetProperty("root");
        var tree = new Tree(Label(root));
        Add(tree.AddNode, root);
        output.Console.Write(tree);
        return 0;
    }

    private static void Add(Func<string, TreeNode> addNode, JsonElement node)
    {
        foreach (var child in node.GetProperty("children").EnumerateArray())
        {
            var treeNode = addNode(Label(child));
            Add(treeNode.AddNode, child);
        }
    }

    private static string Label(JsonElement node)
    {
        var type = CtlOutput.Text(node, "type");
        var count = CtlOutput.Number(node, "child_count");
        var shown = node.GetProperty("children").GetArrayLength();
        var more = count > shown ? $" (+{count - shown} children)" : "";
        return Markup.Escape($"{CtlOutput.Text(node, "path")}{(type == "-" ? "" : $" [{type}]")}{more}");
    }
}
