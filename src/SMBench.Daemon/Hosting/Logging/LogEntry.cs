using Microsoft.Extensions.Logging;

namespace SMBench.Daemon.Hosting.Logging;

/// <summary>One line of the daemon log as <c>GET /api/logs</c> serves it.</summary>
public sealed record LogEntry(long Seq, DateTimeOffset Time, string Level, string Category, string Message, string? Exception)
{
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };

    /// <summary>The one-line text form (<c>log tail</c> without --json).</summary>
    public override string ToString()
        => $"{Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z {Level,-5} {Category}: {Message}{(Exception == null ? "" : " | " + Exception)}";
}
