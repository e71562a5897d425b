using Spectre.Console;

namespace SMBench.Daemon.Cli;

/// <summary>One step of a long command: done so far, total when known, and a short status text.</summary>
internal readonly record struct ProgressStep(double Done, double Total, string Status);

/// <summary>
/// Progress of long commands (compile, provision, replay) for people: a Spectre.Console progress display on a
/// terminal, a plain line on stderr every few seconds when output is redirected, and nothing under --json (stdout
/// then holds only the result).
/// </summary>
internal static class LiveProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(string title, bool json, Func<IProgress<ProgressStep>, Task<T>> work)
    {
        if (json) return await work(new Progress<ProgressStep>(_ => { }));
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = DateTime.MinValue;
            return await work(new SynchronousProgress(p =>
            {
                if (DateTime.UtcNow - last < PlainInterval) return;
                last = DateTime.UtcNow;
                Console.Error.WriteLine($"{title}: {p.Status}");
            }));
        }
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1);
                task.IsIndeterminate = true;
                result = await work(new SynchronousProgress(p =>
                {
                    task.IsIndeterminate = p.Total <= 0;
                    if (p.Total > 0) task.MaxValue = p.Total;
                    task.Value = Math.Min(p.Done, task.MaxValue);
                    task.Description = $"{title}: {Markup.Escape(p.Status)}";
                }));
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the pool and could print after the end).</summary>
    private sealed class SynchronousProgress(Action<ProgressStep> report) : IProgress<ProgressStep>
    {
        public void Report(ProgressStep value) => report(value);
    }
}
