using System.Text;
using System.Text.Json;

namespace SMBench.Daemon.Reports;

/// <summary>
/// One line of <c>ops.jsonl</c> as the report pass sees it. Low-cardinality texts are interned; op id, path and
/// error stay raw UTF-8 slices of the line and become strings only when the record is interesting (a failure or
/// a fidelity mismatch).
/// </summary>
internal ref struct JournalRecord
{
    public string Type;
    public string ClientId;
    public string Status;
    public string? ExpectedStatus;
    public string? Node;
    public long DueUs;
    public long IssuedUs;
    public long CompletedUs;
    public long Bytes;
    public ReadOnlySpan<byte> OpIdRaw;
    public bool OpIdEscaped;
    public ReadOnlySpan<byte> PathRaw;
    public bool PathEscaped;
    public ReadOnlySpan<byte> ErrorRaw;
    public bool ErrorEscaped;

    public readonly long LatencyUs => CompletedUs - IssuedUs;
    public readonly long LatenessUs => IssuedUs - DueUs;

    /// <summary>Same rule as <c>OpResult.Ok</c>: got what the capture got, or succeeded when nothing was expected.</summary>
    public readonly bool Ok => ExpectedStatus != null
        ? string.Equals(ExpectedStatus, Status, StringComparison.Ordinal)
        : string.Equals(Status, Core.Results.StatusText.Success, StringComparison.Ordinal);

    public readonly string OpId => Text(OpIdRaw, OpIdEscaped) ?? "";
    public readonly string? Path => PathRaw.IsEmpty ? null : Text(PathRaw, PathEscaped);
    public readonly string? Error => ErrorRaw.IsEmpty ? null : Text(ErrorRaw, ErrorEscaped);

    public static string? Text(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped) return Encoding.UTF8.GetString(raw);
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString();
    }
}
