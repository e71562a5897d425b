using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SMBench.Daemon.Hosting.Logging;

/// <summary>
/// Feeds every log line (after the host's level filters) into the <see cref="LogRing"/>. Akka's events arrive with
/// their actor path as a structured field and Akka's own header in the text; the ring keeps the path as the
/// category and the bare message, so <c>ctl log tail</c> reads like the rest.
/// </summary>
[ProviderAlias("Ring")]
public sealed partial class LogRingProvider(LogRing ring) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RingLogger(ring, categoryName);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"^\[[A-Z]+\]\[[^\]]*\]\[Thread \d+\]\[[^\]]*\] ?")]
    private static partial Regex AkkaHeader();

    private sealed class RingLogger(LogRing ring, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            var source = category;
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                foreach (var (key, value) in fields)
                    if (key == "ActorPath" && value?.ToString() is { Length: > 0 } path)
                    {
                        source = path;
                        message = AkkaHeader().Replace(message, "");
                        break;
                    }
            ring.Append(DateTimeOffset.UtcNow, LogEntry.LevelName(logLevel), source, message,
                exception == null ? null : $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
