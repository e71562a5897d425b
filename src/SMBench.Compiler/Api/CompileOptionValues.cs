namespace SMBench.Compiler;

/// <summary>The CLI spellings of the compile options (`--payload keep|synthetic`, `--client-by …`).</summary>
public static class CompileOptionValues
{
    public static readonly IReadOnlyList<string> PayloadNames = ["keep", "synthetic"];

    public static readonly IReadOnlyList<string> ClientByNames = ["address-user", "connection", "session"];

    public static PayloadMode ParsePayload(string value) => value.ToLowerInvariant() switch
    {
        "keep" => PayloadMode.Keep,
        "synthetic" => PayloadMode.Synthetic,
        _ => throw new ArgumentException($"--payload must be one of {string.Join(", ", PayloadNames)}, not '{value}'", nameof(value)),
    };

    public static ClientGrouping ParseClientBy(string value) => value.ToLowerInvariant() switch
    {
        "address-user" or "address_user" => ClientGrouping.AddressUser,
        "connection" => ClientGrouping.Connection,
        "session" => ClientGrouping.Session,
        _ => throw new ArgumentException($"--client-by must be one of {string.Join(", ", ClientByNames)}, not '{value}'", nameof(value)),
    };
}
