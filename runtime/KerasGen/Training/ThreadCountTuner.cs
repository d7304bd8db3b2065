using System.Collections.Generic;

namespace KerasGen.Training;

/// <summary>
/// Chooses, by timing, whether a training step runs across cores or on the calling thread, for steps whose bits do
/// not depend on that choice (<see cref="Trainer.CutFree"/>: a Dense model's row-split gradient, no Dropout, no
/// activity penalty, each chunk within one round). More cores are not always faster there: mnist-mlp
/// at batch 32 on a 2-core Zen 4 VM took 40.9–45.2 µs per sample on two cores against 30.6–37.0 on one (each step
/// moves the half of the weights one core updated into the other's cache), while on a 2-core Zen 3 VM two cores were
/// 1.27x–1.42x faster in BenchmarkDotNet, and 1.6x slower beside one other busy process.
/// </summary>
/// <remarks>
/// A trial runs <see cref="Blocks"/> blocks of <see cref="BlockSteps"/> consecutive steps, every core and one thread
/// in turn; each block's first step is not timed, since it pays for the switch (the weights the other choice wrote
/// sit in the other core's cache; the workers may have gone to sleep), so the timed steps are each choice's steady
/// state, under the same conditions for both. The choice whose timed steps took less time in total wins (not the
/// median: sharing cores often costs a few much slower steps) for <see cref="SettledSteps"/> steps, then another
/// trial, since the machine's load changes. The slower choice runs 16 of every 532 steps. Blocks of 4 steps (3 timed)
/// with 250 between trials chose one thread in 3 of 12 trials on the quiet Zen 3 VM, where two cores are 1.4x faster:
/// a core's occasional ~4 ms stall weighed too much in 3 steps. Each batch size and chunk
/// count has its own trial (a Fit's last, smaller batch does not restart the others), up to
/// <see cref="MaxTrials"/> of them; beyond that, steps use every core.
/// </remarks>
internal sealed class ThreadCountTuner
{
    /// <summary>Blocks in a trial: every core, one thread, every core, one thread.</summary>
    public const int Blocks = 4;

    /// <summary>Consecutive steps of one choice in a block, the first of them not timed.</summary>
    public const int BlockSteps = 8;

    /// <summary>Steps on the chosen count between trials.</summary>
    public const int SettledSteps = 500;

    /// <summary>Batch sizes and chunk counts tuned at once.</summary>
    public const int MaxTrials = 8;

    /// <summary>Steps in a trial.</summary>
    public const int TrialSteps = Blocks * BlockSteps;

    private readonly Dictionary<(int Samples, int Chunks), Trial> _trials = new();
    private Trial? _current;

    /// <summary>Whether a trial for this batch size and chunk count has started.</summary>
    public bool Tunes(int samples, int chunks) => _trials.ContainsKey((samples, chunks));

    /// <summary>Whether the next step, of <paramref name="samples"/> samples that would run in
    /// <paramref name="chunks"/> chunks across cores, runs on the calling thread instead; its time goes to
    /// <see cref="Record"/>.</summary>
    public bool OnOneThread(int samples, int chunks)
    {
        if (!_trials.TryGetValue((samples, chunks), out var trial))
        {
            if (_trials.Count == MaxTrials)
            {
                _current = null;
                return false;
            }
            _trials.Add((samples, chunks), trial = new Trial());
        }
        _current = trial;
        return trial.OnOneThread;
    }

    /// <summary>The duration, in <see cref="System.Diagnostics.Stopwatch"/> ticks, of the step
    /// <see cref="OnOneThread"/> was last asked about. A step that threw is not recorded: the next one asks
    /// again.</summary>
    public void Record(long ticks)
    {
        _current?.Record(ticks);
        _current = null;
    }

    /// <summary>The choice for one batch size and chunk count: a trial (steps 0 … <see cref="TrialSteps"/> − 1),
    /// then settled.</summary>
    private sealed class Trial
    {
        private long _oneThread, _allCores;
        private int _step;
        private bool _settledOnOneThread;

        /// <summary>In a trial, even blocks run across cores and odd ones on one thread.</summary>
        public bool OnOneThread => _step < TrialSteps ? _step / BlockSteps % 2 == 1 : _settledOnOneThread;

        public void Record(long ticks)
        {
            if (_step < TrialSteps && _step % BlockSteps != 0)
            {
                if (OnOneThread) _oneThread += ticks;
                else _allCores += ticks;
            }
            _step++;
            if (_step == TrialSteps)
            {
                _settledOnOneThread = _oneThread < _allCores;
                _oneThread = _allCores = 0;
            }
            else if (_step == TrialSteps + SettledSteps) _step = 0;
        }
    }
}
