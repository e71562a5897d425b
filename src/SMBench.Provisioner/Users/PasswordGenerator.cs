using System.Security.Cryptography;

namespace SMBench.Provisioner.Users;

/// <summary>
/// Random passwords that satisfy Active Directory's default complexity rule (three of four character classes,
/// no account name inside): we always include all four classes and 20 characters. The symbol set avoids quotes,
/// backslash, '$' and spaces so the password survives shells and YAML unchanged.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-.=@^_~";
    private const string All = Upper + Lower + Digits + Symbols;

    public static string Generate(string username, int length = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 8);
        while (true)
        {
            var chars = new char[length];
            chars[0] = Pick(Upper);
            chars[1] = Pick(Lower);
            chars[2] = Pick(Digits);
            chars[3] = Pick(Symbols);
            for (var i = 4; i < length; i++) chars[i] = Pick(All);
            RandomNumberGenerator.Shuffle(chars.AsSpan());
            var password = new string(chars);
            if (username.Length < 3 || !password.Contains(username, StringComparison.OrdinalIgnoreCase)) return password;
        }
    }

    /// <summary>AD's default complexity check, for tests and for warning about supplied passwords.</summary>
    public static bool MeetsActiveDirectoryComplexity(string password, string username)
    {
        if (password.Length < 7) return false;
        if (username.Length >= 3 && password.Contains(username, StringComparison.OrdinalIgnoreCase)) return false;
        var classes = 0;
        if (password.Any(char.IsUpper)) classes++;
        if (password.Any(char.IsLower)) classes++;
        if (password.Any(char.IsDigit)) classes++;
        if (password.Any(c => !char.IsLetterOrDigit(c))) classes++;
        return classes >= 3;
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
