using System.Collections.Generic;

namespace KerasGen.Training;

/// <summary>
/// Chooses, by timing, whether a training step runs across cores or on the calling thread, for steps whose bits do
/// not depend on that choice (<see cref="Trainer"/> decides which: a Dense model's row-split gradient, no dropout, no
/// activity penalty, each chunk within one round). More cores are not always faster there: mnist-mlp at batch 32 on a
/// 2-core Zen 4 VM took 40.9–45.2 µs per sample on two cores against 30.6–37.0 on one (each step moves the half of
/// the weights one core updated into the other's cache), while on a 2-core Zen 3 VM two cores were 1.42x faster.
/// </summary>
/// <remarks>
/// A trial runs one step of each choice to warm it (not timed), then alternates the two for
/// <see cref="TimedSteps"/> steps each, so both see the same conditions, and keeps the one whose timed steps took less
/// time in total: not the median, since the cost of sharing cores is often a few much slower steps (with one other
/// busy process on the 2-core Zen 3 VM, two-core trial steps took 1.0–1.1 ms, as one thread's did, or 2–3 ms, and two
/// cores averaged 57.6 µs per sample against one thread's 35.0). After
/// <see cref="SettledSteps"/> steps on it, another trial, since the machine's load can change. The slower choice runs
/// on 6 of every 262 steps. Each batch size has its own trial (a Fit's last, smaller batch does not restart the
/// others), up to <see cref="MaxBatchSizes"/> of them; other sizes keep every core.
/// </remarks>
internal sealed class ThreadCountTuner
{
    /// <summary>Timed steps per choice in a trial.</summary>
    public const int TimedSteps = 5;

    /// <summary>Steps on the chosen count between trials.</summary>
    public const int SettledSteps = 250;

    /// <summary>Batch sizes tuned at once.</summary>
    public const int MaxBatchSizes = 8;

    private const int WarmSteps = 2, TrialLength = WarmSteps + 2 * TimedSteps;

    private readonly Dictionary<int, Trial> _trials = new();
    private Trial? _current;

    /// <summary>Whether the next step, of <paramref name="samples"/> samples, runs on the calling thread; its time
    /// goes to <see cref="Record"/>.</summary>
    public bool OnOneThread(int samples)
    {
        if (!_trials.TryGetValue(samples, out var trial))
        {
            if (_trials.Count == MaxBatchSizes)
            {
                _current = null;
                return false;
            }
            _trials.Add(samples, trial = new Trial());
        }
        _current = trial;
        return trial.OnOneThread;
    }

    /// <summary>The duration, in <see cref="System.Diagnostics.Stopwatch"/> ticks, of the step
    /// <see cref="OnOneThread"/> was last asked about.</summary>
    public void Record(long ticks)
    {
        _current?.Record(ticks);
        _current = null;
    }

    /// <summary>The choice for one batch size: a trial (steps 0 … <see cref="TrialLength"/> − 1), then settled.</summary>
    private sealed class Trial
    {
        private readonly long[] _oneThread = new long[TimedSteps], _allCores = new long[TimedSteps];
        private int _step;
        private bool _settledOnOneThread;

        /// <summary>In a trial, even steps run across cores and odd ones on one thread.</summary>
        public bool OnOneThread => _step < TrialLength ? _step % 2 == 1 : _settledOnOneThread;

        public void Record(long ticks)
        {
            if (_step >= WarmSteps && _step < TrialLength)
                (_step % 2 == 1 ? _oneThread : _allCores)[(_step - WarmSteps) / 2] = ticks;
            _step++;
            if (_step == TrialLength) _settledOnOneThread = Total(_oneThread) < Total(_allCores);
            else if (_step == TrialLength + SettledSteps) _step = 0;
        }

        private static long Total(long[] ticks)
        {
            long total = 0;
            foreach (long t in ticks) total += t;
            return total;
        }
    }
}
