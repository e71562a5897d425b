using System.Text.Json;
using SMBench.Core.Ir;

namespace SMBench.Compiler.Mapping;

/// <summary>Assigns IR client ids (client_001, …) to whatever <see cref="ClientGrouping"/> says a client is.</summary>
public sealed class ClientRegistry
{
    private readonly ClientGrouping _grouping;
    private readonly Anonymizer? _anonymizer;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Id, string User, string Address)> _order = [];

    public ClientRegistry(ClientGrouping grouping, Anonymizer? anonymizer)
    {
        _grouping = grouping;
        _anonymizer = anonymizer;
    }

    public int Count => _order.Count;

    public string Resolve(long connectionId, ulong sessionId, string address, string user)
    {
        var key = _grouping switch
        {
            ClientGrouping.Connection => $"c{connectionId}",
            ClientGrouping.Session => $"c{connectionId}/s{sessionId:x}",
            _ => address + "|" + user.ToUpperInvariant(),
        };
        if (_ids.TryGetValue(key, out var id)) return id;
        id = $"client_{_order.Count + 1:D3}";
        _ids[key] = id;
        _order.Add((id, user, address));
        return id;
    }

    /// <summary>Header entries with the user and address each client stands for (anonymized when asked).</summary>
    public IReadOnlyList<ClientInfo> Describe(IReadOnlyDictionary<string, long> opsPerClient)
    {
        var list = new List<ClientInfo>(_order.Count);
        foreach (var (id, user, address) in _order)
        {
            if (!opsPerClient.TryGetValue(id, out var n) || n == 0) continue;
            var extra = new Dictionary<string, JsonElement>
            {
                ["user"] = JsonSerializer.SerializeToElement(_anonymizer?.User(user) ?? user),
                ["address"] = JsonSerializer.SerializeToElement(_anonymizer?.Address(address) ?? address),
            };
            list.Add(new ClientInfo { ClientId = id, OperationCount = n, Extra = extra });
        }
        return list;
    }
}
