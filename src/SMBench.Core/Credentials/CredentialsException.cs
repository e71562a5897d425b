namespace SMBench.Core.Credentials;

/// <summary>
/// A credentials file is missing, malformed or lacks what a client needs. The message names the file and the
/// entry; it never contains a password.
/// </summary>
public sealed class CredentialsException : Exception
{
    public string? FilePath { get; }

    public CredentialsException(string message) : base(message) { }

    public CredentialsException(string message, Exception inner) : base(message, inner) { }

    public CredentialsException(string? filePath, string message, Exception? inner = null)
        : base(filePath == null ? message : $"{filePath}: {message}", inner)
    {
        FilePath = filePath;
    }

    public CredentialsException() { }
}
