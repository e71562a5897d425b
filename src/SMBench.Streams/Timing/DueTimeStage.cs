using Akka.Streams;
using Akka.Streams.Stage;
using SMBench.Actors.Runs;

namespace SMBench.Streams.Timing;

/// <summary>
/// Releases ops at their due time, in batches: every op already due when downstream asks goes out together, and an
/// op due later is held while a <see cref="PrecisionTimer"/> wakes the stage exactly then. Ops are taken in stream
/// order, so a workload sorted by timestamp is released on time and an out-of-order op goes out as soon as it is seen.
/// Nothing is released before <see cref="TimelineControl.Begin"/>: the stage first pulls the first op (opening and
/// parsing the IR, warming up) and reports itself primed, so time zero is not spent starting up.
/// </summary>
/// <remarks>
/// Wake-ups are at least <see cref="MinWakeGapUs"/> apart: at high rates each wake-up releases the ops that fell
/// due since the last one as one batch (lateness stays within that gap) instead of paying a timer round trip and a
/// stage callback per op, which at tens of thousands of ops/s would take a core of its own.
/// </remarks>
/// <param name="dropped">Told how many ops a cancel left unreleased (the run counts them as not run).</param>
public sealed class DueTimeStage(RunClock clock, int maxBatch = 1024, PrecisionTimer? timer = null, Action<int>? dropped = null)
    : GraphStageWithMaterializedValue<FlowShape<ScheduledOp[], IReadOnlyList<ScheduledOp>>, TimelineControl>
{
    private readonly RunClock _clock = clock;
    private readonly int _maxBatch = maxBatch;
    private readonly Action<int>? _dropped = dropped;
    private readonly PrecisionTimer _timer = timer ?? PrecisionTimer.Shared;
    public const long MinWakeGapUs = 100;
    // Ops arrive in chunks (as the reader thread parsed them): one element per chunk through the graph, and the
    // ops, which are structs, are never boxed into the stream's element slots.
    private readonly Inlet<ScheduledOp[]> _in = new("due-time.in");
    private readonly Outlet<IReadOnlyList<ScheduledOp>> _out = new("due-time.out");

    public override FlowShape<ScheduledOp[], IReadOnlyList<ScheduledOp>> Shape => new(_in, _out);

    public override ILogicAndMaterializedValue<TimelineControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new TimelineControl();
        return new LogicAndMaterializedValue<TimelineControl>(new Logic(this, control), control);
    }

    private sealed class Logic : GraphStageLogic
    {
        private readonly DueTimeStage _stage;
        private readonly TimelineControl _control;
        private readonly PrecisionTimer _timer;
        private List<ScheduledOp> _batch = [];
        // The chunk being released and the position of its next op; an op at _next that is not yet due is "held".
        private ScheduledOp[]? _chunk;
        private int _next;
        private bool _started;
        private bool _waiting;
        private bool _upstreamDone;
        private long _lastWakeUs = long.MinValue / 2;
        private Action? _wake;

        public Logic(DueTimeStage stage, TimelineControl control) : base(stage.Shape)
        {
            _stage = stage;
            _control = control;
            _timer = stage._timer;
            SetHandler(stage._in, onPush: OnPush, onUpstreamFinish: () =>
            {
                _upstreamDone = true;
                _control.SetPrimed();
                CompleteIfDone();
            });
            SetHandler(stage._out, onPull: TryPush);
        }

        public override void PreStart()
        {
            var onDue = GetAsyncCallback(OnDue);
            _wake = onDue; // one delegate for every wake-up, not a closure per timer
            _control.SetBegin(GetAsyncCallback(OnBegin));
            _control.SetCancel(GetAsyncCallback(OnCancel));
            Pull(_stage._in);
        }

        private void OnPush()
        {
            _chunk = Grab(_stage._in);
            _next = 0;
            if (_chunk.Length == 0)
            {
                _chunk = null;
                PullIfRoom();
                return;
            }
            if (!_started)
            {
                _control.SetPrimed();
                return;
            }
            Release();
        }

        private void OnBegin()
        {
            _started = true;
            Release();
        }

        /// <summary>The run stopped: ops not yet released never will be (a held chunk would otherwise keep the stage open).</summary>
        private void OnCancel()
        {
            var left = _chunk == null ? 0 : _chunk.Length - _next;
            _chunk = null;
            _upstreamDone = true;
            if (_batch.Count > 0 && !IsAvailable(_stage._out))
            {
                left += _batch.Count;
                _batch.Clear();
            }
            if (left > 0) _stage._dropped?.Invoke(left);
            if (_batch.Count == 0) CompleteStage();
            else TryPush();
        }

        private void OnDue()
        {
            _waiting = false;
            _lastWakeUs = _stage._clock.NowUs;
            Release();
        }

        /// <summary>Moves every due op of the current chunk into the batch; schedules a wake-up for the first that is not.</summary>
        private void Release()
        {
            if (_waiting) return;
            var now = _stage._clock.NowUs;
            while (_chunk != null && _next < _chunk.Length && _batch.Count < _stage._maxBatch)
            {
                var op = _chunk[_next];
                if (op.DueUs > now)
                {
                    _waiting = true;
                    var wakeUs = Math.Max(op.DueUs, _lastWakeUs + MinWakeGapUs);
                    _timer.Schedule(_stage._clock.ToTimestamp(wakeUs), _wake!);
                    break;
                }
                _batch.Add(op);
                _next++;
            }
            if (_chunk != null && _next >= _chunk.Length) _chunk = null;
            PullIfRoom();
            TryPush();
        }

        private void PullIfRoom()
        {
            if (_chunk == null && !_upstreamDone && !HasBeenPulled(_stage._in)) Pull(_stage._in);
        }

        private void TryPush()
        {
            if (_batch.Count > 0 && IsAvailable(_stage._out))
            {
                Push(_stage._out, _batch);
                _batch = new List<ScheduledOp>(16);
                // A full batch left due ops in the chunk: go on with them now that there is room again.
                if (_started && !_waiting && _chunk != null) Release();
            }
            CompleteIfDone();
        }

        private void CompleteIfDone()
        {
            if (_upstreamDone && _chunk == null && _batch.Count == 0) CompleteStage();
        }
    }
}

/// <summary>The timing stage's handle for the coordinator: wait until primed, then begin.</summary>
public sealed class TimelineControl
{
    private readonly TaskCompletionSource _primed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _begin;
    private Action? _cancel;

    public Task Primed => _primed.Task;

    public void Begin() => (_begin ?? throw new InvalidOperationException("the timeline is not materialized yet"))();

    internal void SetPrimed() => _primed.TrySetResult();

    internal void SetBegin(Action begin) => _begin = begin;

    /// <summary>Ends the timeline now, releasing nothing more (also before <see cref="Begin"/>).</summary>
    public void Cancel() => _cancel?.Invoke();

    internal void SetCancel(Action cancel) => _cancel = cancel;
}
