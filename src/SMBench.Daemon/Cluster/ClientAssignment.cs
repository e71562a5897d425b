using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SMBench.Daemon.Cluster;

/// <summary>
/// Which node runs which client: weighted rendezvous hashing. Each client goes to the node with the highest score
/// <c>-capacity / ln(h)</c>, where <c>h ∈ (0,1)</c> hashes (node, client). The same client ids and members always give
/// the same answer (whoever computes it, before or after a coordinator hand-over), a node's expected share is its
/// capacity over the total, and removing a node moves only that node's clients.
/// </summary>
public static class ClientAssignment
{
    /// <param name="nodes">Node address → capacity (&gt; 0).</param>
    /// <returns>Node address → its clients, in the order given; nodes that got none are present with an empty list.</returns>
    public static SortedDictionary<string, List<string>> Assign(IEnumerable<string> clientIds, IReadOnlyDictionary<string, double> nodes)
    {
        if (nodes.Count == 0) throw new ArgumentException("no node can run clients", nameof(nodes));
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in nodes.Keys) result[node] = [];
        foreach (var client in clientIds)
        {
            string? best = null;
            var bestScore = double.NegativeInfinity;
            foreach (var (node, capacity) in nodes)
            {
                var score = -Math.Max(capacity, 1e-9) / Math.Log(Unit(node, client));
                if (score > bestScore || (score == bestScore && string.CompareOrdinal(node, best) < 0))
                {
                    best = node;
                    bestScore = score;
                }
            }
            result[best!].Add(client);
        }
        return result;
    }

    /// <summary>A stable hash of (node, client) mapped into (0, 1).</summary>
    private static double Unit(string node, string client)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(node + "\n" + client), hash);
        var bits = BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11; // 53 bits
        return (bits + 0.5) / (1UL << 53);
    }
}
