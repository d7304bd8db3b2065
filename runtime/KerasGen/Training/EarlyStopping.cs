using System;
using System.Collections.Generic;

namespace KerasGen.Training;

/// <summary>
/// Keras 3 <c>EarlyStopping(monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto", baseline=None,
/// restore_best_weights=False, start_from_epoch=0)</c>: stops when the monitored value has not improved by more than
/// <c>minDelta</c> for <c>patience</c> epochs; optionally restores the best epoch's weights.
/// </summary>
public sealed class EarlyStopping : ICallback
{
    private readonly string _monitor;
    private readonly double _minDelta, _baseline;
    private readonly int _patience, _startFromEpoch, _verbose;
    private readonly bool _restoreBestWeights;
    private readonly MonitorMode _mode;
    private readonly Action<string> _print;
    private bool _minimize;
    private int _wait;
    private double? _best;
    private float[][]? _bestWeights;

    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0, MonitorMode mode = MonitorMode.Auto,
        double baseline = double.NaN, bool restoreBestWeights = false, int startFromEpoch = 0, Action<string>? print = null)
    {
        (_monitor, _minDelta, _patience, _verbose, _mode, _baseline, _restoreBestWeights, _startFromEpoch) =
            (monitor, Math.Abs(minDelta), patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch);
        _print = print ?? Console.WriteLine;
    }

    /// <summary>The epoch (0-based) training stopped at, or 0 if it ran to the end.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The epoch (0-based) with the best monitored value.</summary>
    public int BestEpoch { get; private set; }

    public void OnTrainBegin(TrainingContext context)
    {
        _minimize = Monitor.Resolve(_mode, _monitor, "EarlyStopping") == MonitorMode.Min;
        (_wait, StoppedEpoch, BestEpoch, _best, _bestWeights) = (0, 0, 0, null, null);
    }

    public void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs)
    {
        if (Monitor.Find(logs, _monitor) is not double current || epoch < _startFromEpoch) return;
        if (_restoreBestWeights && _bestWeights is null)
        {
            _bestWeights = context.Model.GetWeights();
            BestEpoch = epoch;
        }
        _wait++;
        if (IsImprovement(current, _best))
        {
            _best = current;
            BestEpoch = epoch;
            if (_restoreBestWeights) _bestWeights = context.Model.GetWeights();
            if (double.IsNaN(_baseline) || IsImprovement(current, _baseline)) _wait = 0;
            return;
        }
        if (_wait >= _patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            context.StopTraining = true;
            if (_restoreBestWeights && _bestWeights is not null)
            {
                if (_verbose > 0) _print($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
                context.Model.SetWeights(_bestWeights);
            }
        }
    }

    public void OnTrainEnd(TrainingContext context)
    {
        if (StoppedEpoch > 0 && _verbose > 0) _print($"Epoch {StoppedEpoch + 1}: early stopping");
    }

    /// <summary>Keras: monitor_op(current − min_delta, reference), min_delta negated when minimizing.</summary>
    private bool IsImprovement(double current, double? reference) =>
        reference is not double r || (_minimize ? current + _minDelta < r : current - _minDelta > r);
}
