using Prometheus;
using SMBench.Core.Results;

namespace SMBench.Daemon.Metrics;

/// <summary>
/// The daemon's Prometheus metrics (prefix <c>smbench_</c>). Labels stay low-cardinality: op type, NTSTATUS text
/// (capped, see <see cref="MaxStatusLabels"/>) and run state — never run ids, clients or paths.
/// Fed by every run's results sink (<see cref="IResultObserver"/>) and by the run manager.
/// </summary>
public sealed class DaemonMetrics : IResultObserver
{
    /// <summary>Distinct status label values before the rest are counted as "other".</summary>
    public const int MaxStatusLabels = 64;

    private readonly Counter _ops;
    private readonly Histogram _latency;
    private readonly Histogram _lateness;
    private readonly Gauge _inFlight;
    private readonly Gauge _activeClients;
    private readonly Counter _breaksReceived;
    private readonly Counter _breaksAcked;
    private readonly Counter _reconnects;
    private readonly Gauge _runState;
    private readonly HashSet<string> _statuses = new(StringComparer.Ordinal);
    private readonly object _statusLock = new();

    public DaemonMetrics(CollectorRegistry? registry = null)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry ?? Prometheus.Metrics.DefaultRegistry);
        _ops = factory.CreateCounter("smbench_ops_total", "Ops completed, by IR type and NTSTATUS (or SMBENCH_ failure kind).",
            new CounterConfiguration { LabelNames = ["type", "status"] });
        // 50 µs … ~13 s: null-backend ops sit at the bottom, slow SMB opens near the top.
        _latency = factory.CreateHistogram("smbench_op_latency_seconds", "Op latency (issued → completed), by IR type.",
            new HistogramConfiguration { LabelNames = ["type"], Buckets = Histogram.ExponentialBuckets(0.00005, 2, 19) });
        // 10 µs … ~5 s: the target is p99 ≤ 1 ms, so the low buckets are fine-grained.
        _lateness = factory.CreateHistogram("smbench_op_lateness_seconds", "Op lateness (issued − due); early ops count as 0.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.00001, 2, 20) });
        _inFlight = factory.CreateGauge("smbench_ops_in_flight", "Ops released by the timeline and not yet completed, all running runs.");
        _activeClients = factory.CreateGauge("smbench_active_clients", "Simulated clients of the running runs.");
        _breaksReceived = factory.CreateCounter("smbench_breaks_received_total", "Oplock/lease breaks received from servers.");
        _breaksAcked = factory.CreateCounter("smbench_breaks_acked_total", "Oplock/lease breaks acknowledged.");
        _reconnects = factory.CreateCounter("smbench_reconnects_total", "Client reconnects after a lost connection.");
        _runState = factory.CreateGauge("smbench_run_state", "Runs known to the daemon, by state.",
            new GaugeConfiguration { LabelNames = ["state"] });
    }

    public void OnResults(IReadOnlyList<OpResult> batch)
    {
        foreach (var r in batch)
        {
            _ops.WithLabels(r.Type, StatusLabel(r.Status)).Inc();
            _latency.WithLabels(r.Type).Observe(Math.Max(0, r.LatencyUs) / 1e6);
            _lateness.Observe(Math.Max(0, r.LatenessUs) / 1e6);
        }
    }

    public void SetRunStates(IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (state, count) in counts) _runState.WithLabels(state).Set(count);
    }

    public void SetLoad(long inFlight, int activeClients)
    {
        _inFlight.Set(inFlight);
        _activeClients.Set(activeClients);
    }

    /// <summary>Break and reconnect counts are per run (the summary has them); they are added when a run ends.</summary>
    public void RunEnded(RunSummary summary)
    {
        _breaksReceived.Inc(summary.Breaks.Received);
        _breaksAcked.Inc(summary.Breaks.Acked);
        _reconnects.Inc(summary.Reconnects);
    }

    private string StatusLabel(string status)
    {
        lock (_statusLock)
        {
            if (_statuses.Contains(status)) return status;
            if (_statuses.Count >= MaxStatusLabels) return "other";
            _statuses.Add(status);
            return status;
        }
    }
}
