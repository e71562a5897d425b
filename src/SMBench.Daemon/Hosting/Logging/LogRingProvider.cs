using Microsoft.Extensions.Logging;

namespace SMBench.Daemon.Hosting.Logging;

/// <summary>Feeds every log line (after the host's level filters) into the <see cref="LogRing"/>.</summary>
[ProviderAlias("Ring")]
public sealed class LogRingProvider(LogRing ring) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RingLogger(ring, categoryName);

    public void Dispose()
    {
    }

    private sealed class RingLogger(LogRing ring, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            ring.Append(DateTimeOffset.UtcNow, LogEntry.LevelName(logLevel), category, formatter(state, exception),
                exception == null ? null : $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
