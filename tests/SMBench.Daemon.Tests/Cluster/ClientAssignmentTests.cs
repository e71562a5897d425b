using SMBench.Daemon.Cluster;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

public sealed class ClientAssignmentTests
{
    private static readonly List<string> Clients = Enumerable.Range(0, 3000).Select(i => $"client_{i:D4}").ToList();

    [Fact]
    public void The_same_clients_and_nodes_always_give_the_same_assignment()
    {
        var nodes = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 };
        var first = ClientAssignment.Assign(Clients, nodes);
        var reversed = ClientAssignment.Assign(Clients, nodes.Reverse().ToDictionary());
        Assert.Equal(first.Keys, reversed.Keys);
        foreach (var node in first.Keys) Assert.Equal(first[node], reversed[node]);
        Assert.Equal(Clients.Count, first.Values.Sum(c => c.Count));
        Assert.Equal(Clients.Count, first.Values.SelectMany(c => c).Distinct().Count());
    }

    [Fact]
    public void A_node_with_twice_the_capacity_gets_about_twice_the_clients()
    {
        var result = ClientAssignment.Assign(Clients, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["big"] = 2 });
        // Expected shares 750 / 750 / 1500; hashing gives a binomial spread (σ ≈ 27 for the big node), so ±15 % is wide.
        Assert.InRange(result["big"].Count, 1275, 1725);
        Assert.InRange(result["a"].Count, 637, 863);
        Assert.InRange(result["b"].Count, 637, 863);
    }

    [Fact]
    public void Removing_a_node_moves_only_its_clients()
    {
        var before = ClientAssignment.Assign(Clients, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 });
        var after = ClientAssignment.Assign(Clients, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 });
        Assert.Empty(before["a"].Except(after["a"]));
        Assert.Empty(before["b"].Except(after["b"]));
        Assert.Equal(Clients.Count, after["a"].Count + after["b"].Count);
    }

    [Fact]
    public void No_node_is_an_error()
        => Assert.Throws<ArgumentException>(() => ClientAssignment.Assign(Clients, new Dictionary<string, double>()));
}
