namespace SMBench.Core.Results;

/// <summary>
/// The one record every issued op produces (a line of <c>results/ops.jsonl</c>). Times are µs from the run start:
/// due (when the timeline wanted it), issued (when it went out), completed.
/// </summary>
public sealed record OpResult
{
    public required string OpId { get; init; }
    public required string ClientId { get; init; }
    public required string Type { get; init; }
    public long DueUs { get; init; }
    public long IssuedUs { get; init; }
    public long CompletedUs { get; init; }
    /// <summary>NTSTATUS text ("STATUS_SUCCESS", …) or a replay-side failure kind ("SMBENCH_…").</summary>
    public required string Status { get; init; }
    public long Bytes { get; init; }
    /// <summary>Human-readable reason when the op failed (never a secret).</summary>
    public string? Error { get; init; }
    public string? ExpectedStatus { get; init; }
    public string? Path { get; init; }
    public string? Node { get; init; }

    public long LatencyUs => CompletedUs - IssuedUs;
    public long LatenessUs => IssuedUs - DueUs;
    public bool? StatusMatches => ExpectedStatus == null ? null : ExpectedStatus == Status;

    /// <summary>An op is ok when it got what the capture got, or (without an expectation) succeeded.</summary>
    public bool Ok => StatusMatches ?? StatusText.IsSuccess(Status);
}

/// <summary>Status texts for failures that happen on our side rather than on the server.</summary>
public static class ReplayStatus
{
    /// <summary>The op waited on a handle whose open failed, so it was never sent.</summary>
    public const string DependencyFailed = "SMBENCH_DEPENDENCY_FAILED";
    /// <summary>The backend threw something that is not an NTSTATUS (I/O error, confinement refusal…).</summary>
    public const string BackendError = "SMBENCH_BACKEND_ERROR";
    /// <summary>The run was stopped after the op was issued and before it completed.</summary>
    public const string Cancelled = "SMBENCH_CANCELLED";
    /// <summary>The backend cannot do this op type in this mode.</summary>
    public const string Unsupported = "SMBENCH_UNSUPPORTED";
    /// <summary>The client could not log in, so its ops were never sent.</summary>
    public const string LoginFailed = "SMBENCH_LOGIN_FAILED";
    /// <summary>The connection to the target was lost and could not be restored in time.</summary>
    public const string ConnectionLost = "SMBENCH_CONNECTION_LOST";
}
