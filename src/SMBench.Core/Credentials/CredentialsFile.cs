using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SMBench.Core.Credentials;

/// <summary>
/// A loaded credentials file: resolves an IR client id to the <see cref="Credential"/> it logs in with, taking the
/// password from the environment variable the entry names or from the file itself.
/// </summary>
public sealed class CredentialsFile
{
    private readonly Dictionary<string, CredentialEntry> _byClient;
    private readonly Func<string, string?> _environment;

    /// <summary>Where the document came from (a path, or a label for in-memory text); used in every error.</summary>
    public string Source { get; }

    public CredentialsDocument Document { get; }

    private CredentialsFile(string source, CredentialsDocument document, Func<string, string?>? environment)
    {
        Source = source;
        Document = document;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _byClient = new Dictionary<string, CredentialEntry>(StringComparer.Ordinal);
        Validate();
    }

    /// <summary>Reads and validates a credentials file.</summary>
    /// <param name="environment">Looks up environment variables; the process environment when null.</param>
    public static CredentialsFile Load(string path, Func<string, string?>? environment = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CredentialsException(path, $"cannot read the credentials file: {e.Message}", e);
        }
        return Parse(text, path, environment);
    }

    /// <summary>Parses credentials YAML; <paramref name="source"/> names it in errors.</summary>
    public static CredentialsFile Parse(string yaml, string source, Func<string, string?>? environment = null)
    {
        CredentialsDocument? document;
        try
        {
            document = Deserializer.Deserialize<CredentialsDocument?>(yaml);
        }
        catch (YamlException e)
        {
            // Our fields are all strings, so YamlDotNet's messages name keys and positions, never values.
            throw new CredentialsException(source,
                $"line {e.Start.Line}, column {e.Start.Column}: not a valid credentials file ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this for a document-end marker followed by more content ("...\nkey: v").
            throw new CredentialsException(source, $"not a valid credentials file ({e.Message})", e);
        }
        return new CredentialsFile(source, document ?? new CredentialsDocument(), environment);
    }

    /// <summary>Wraps an in-memory document (e.g. one the provisioner is about to write).</summary>
    public static CredentialsFile FromDocument(CredentialsDocument document, string source,
        Func<string, string?>? environment = null) => new(source, document, environment);

    /// <summary>True when the client has its own entry (not just the default).</summary>
    public bool HasEntry(string clientId) => _byClient.ContainsKey(clientId);

    /// <summary>The explicit entry for a client, or null.</summary>
    public CredentialEntry? FindEntry(string clientId) => _byClient.GetValueOrDefault(clientId);

    /// <summary>The credential for an IR client: its own entry, else the default block.</summary>
    /// <exception cref="CredentialsException">No entry and no default, or the password cannot be found.</exception>
    public Credential Resolve(string clientId)
    {
        if (_byClient.TryGetValue(clientId, out var entry))
        {
            var where = $"users entry for client_id '{clientId}'";
            return new Credential(Blank(entry.Domain), entry.Username!,
                ResolvePassword(entry.PasswordEnv, entry.Password, where));
        }
        var d = Document.Default
            ?? throw new CredentialsException(Source,
                $"client_id '{clientId}' has no users entry and the file has no default block; add one of them");
        return new Credential(Blank(d.Domain), d.Username!, ResolvePassword(d.PasswordEnv, d.Password, "default block"));
    }

    /// <summary>Resolves every client up front so a run fails before it starts, with all problems in one error.</summary>
    public IReadOnlyDictionary<string, Credential> ResolveAll(IEnumerable<string> clientIds)
    {
        var result = new Dictionary<string, Credential>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var id in clientIds)
        {
            try
            {
                result[id] = Resolve(id);
            }
            catch (CredentialsException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
            throw new CredentialsException(string.Join(Environment.NewLine, problems.Distinct(StringComparer.Ordinal)));
        return result;
    }

    private string ResolvePassword(string? passwordEnv, string? password, string where)
    {
        if (!string.IsNullOrEmpty(passwordEnv))
        {
            var value = _environment(passwordEnv);
            if (string.IsNullOrEmpty(value))
                throw new CredentialsException(Source,
                    $"{where}: environment variable '{passwordEnv}' named by password_env is not set or empty");
            return value;
        }
        return password!;
    }

    private void Validate()
    {
        // "users:" with no list, or "- " with no mapping, deserialize to null rather than failing.
        Document.Users ??= [];
        for (var i = 0; i < Document.Users.Count; i++)
        {
            var u = Document.Users[i]
                ?? throw new CredentialsException(Source, $"users[{i}]: empty entry; each item needs client_id, username and a password source");
            var where = $"users[{i}]" + (string.IsNullOrEmpty(u.ClientId) ? "" : $" (client_id '{u.ClientId}')");
            if (string.IsNullOrWhiteSpace(u.ClientId))
                throw new CredentialsException(Source, $"{where}: client_id is missing");
            if (string.IsNullOrWhiteSpace(u.Username))
                throw new CredentialsException(Source, $"{where}: username is missing");
            CheckPasswordSource(u.PasswordEnv, u.Password, where);
            if (!_byClient.TryAdd(u.ClientId, u))
                throw new CredentialsException(Source, $"{where}: client_id '{u.ClientId}' is listed twice");
        }
        if (Document.Default is { } d)
        {
            if (string.IsNullOrWhiteSpace(d.Username))
                throw new CredentialsException(Source, "default block: username is missing");
            CheckPasswordSource(d.PasswordEnv, d.Password, "default block");
        }
    }

    private void CheckPasswordSource(string? passwordEnv, string? password, string where)
    {
        var hasEnv = !string.IsNullOrEmpty(passwordEnv);
        var hasPassword = password != null;
        if (hasEnv && hasPassword)
            throw new CredentialsException(Source, $"{where}: give either password_env or password, not both");
        if (!hasEnv && !hasPassword)
            throw new CredentialsException(Source, $"{where}: password_env or password is required");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();
}
