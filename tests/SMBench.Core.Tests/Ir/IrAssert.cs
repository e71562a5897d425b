using System.Text.Json;
using SMBench.Core.Ir;
using Xunit;

namespace SMBench.Core.Tests.Ir;

/// <summary>
/// Structural equality of IR ops. The records compare collections by reference, so extensions (lists and the
/// JsonElement map) are compared here field by field; SourceLine (where an op was read from) is ignored.
/// </summary>
public static class IrAssert
{
    public static void Equal(IrOperation expected, IrOperation actual)
    {
        Assert.Equal(expected with { Smb = null, SourceLine = 0 }, actual with { Smb = null, SourceLine = 0 });
        Equal(expected.Smb, actual.Smb, expected.OpId);
    }

    public static void Equal(IReadOnlyList<IrOperation> expected, IReadOnlyList<IrOperation> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Equal(expected[i], actual[i]);
    }

    /// <summary>The element re-serialised without indentation, so formatting differences don't count.</summary>
    public static string Canonical(JsonElement e) => JsonSerializer.Serialize(e);

    public static void Equal(SmbOpExtensions? expected, SmbOpExtensions? actual, string opId)
    {
        if (expected == null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected with { OnBreak = null, Extra = null }, actual with { OnBreak = null, Extra = null });
        Assert.Equal(expected.OnBreak ?? [], actual.OnBreak ?? []);
        var e = (expected.Extra ?? new Dictionary<string, JsonElement>()).ToDictionary(kv => kv.Key, kv => Canonical(kv.Value));
        var a = (actual.Extra ?? new Dictionary<string, JsonElement>()).ToDictionary(kv => kv.Key, kv => Canonical(kv.Value));
        Assert.True(e.OrderBy(kv => kv.Key).SequenceEqual(a.OrderBy(kv => kv.Key)),
            $"op {opId}: extension extras differ: expected {string.Join(",", e)} got {string.Join(",", a)}");
    }
}
