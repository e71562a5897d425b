using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SMBench.Provisioner.Users;

/// <summary>
/// Names accounts from a template: <c>{index}</c> is the client's 1-based position (with an optional .NET format,
/// e.g. <c>smb{index:000}</c> → smb001) and <c>{client_id}</c> the IR client id reduced to letters, digits, '-' and '_'.
/// </summary>
public sealed partial class UserNameTemplate
{
    public const string Default = "smb{index:000}";

    public string Template { get; }

    public UserNameTemplate(string template)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new ArgumentException("the user name template is empty", nameof(template));
        var unknown = Placeholder().Matches(template).Select(m => m.Groups["name"].Value)
            .FirstOrDefault(n => n is not ("index" or "client_id"));
        if (unknown != null)
            throw new ArgumentException($"user name template '{template}': unknown placeholder '{{{unknown}}}' (use {{index}} or {{client_id}})", nameof(template));
        if (!template.Contains("{index", StringComparison.Ordinal) && !template.Contains("{client_id}", StringComparison.Ordinal))
            throw new ArgumentException($"user name template '{template}' has no {{index}} or {{client_id}}, so every client would get the same name", nameof(template));
        Template = template;
    }

    public string Format(int index, string clientId) => Placeholder().Replace(Template, m =>
    {
        var format = m.Groups["format"].Success ? m.Groups["format"].Value : null;
        return m.Groups["name"].Value == "index"
            ? index.ToString(format, CultureInfo.InvariantCulture)
            : Sanitize(clientId);
    });

    private static string Sanitize(string clientId)
    {
        var sb = new StringBuilder(clientId.Length);
        foreach (var c in clientId) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.ToString();
    }

    [GeneratedRegex(@"\{(?<name>[a-z_]+)(:(?<format>[^}]*))?\}")]
    private static partial Regex Placeholder();

    public override string ToString() => Template;
}
