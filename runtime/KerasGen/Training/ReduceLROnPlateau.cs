using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KerasGen.Training;

/// <summary>
/// Keras 3 <c>ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4,
/// cooldown=0, min_lr=0.0)</c>: when the monitored value has not improved by more than <c>min_delta</c> for
/// <c>patience</c> epochs, the learning rate is multiplied by <c>factor</c> (not below <c>min_lr</c>), then
/// <c>cooldown</c> epochs pass before counting again. "auto" minimizes unless the name contains "acc", as in Keras.
/// </summary>
public sealed class ReduceLROnPlateau : ICallback
{
    private readonly string _monitor;
    private readonly double _factor, _minDelta, _minLr; // Python floats in Keras, so the printed rates match
    private readonly int _patience, _cooldown, _verbose;
    private readonly MonitorMode _mode;
    private readonly Action<string> _print;
    private bool _minimize;
    private double _best;
    private int _wait, _cooldownCounter;

    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, int verbose = 0, MonitorMode mode = MonitorMode.Auto,
        double minDelta = 1e-4, int cooldown = 0, double minLr = 0, Action<string>? print = null)
    {
        if (factor >= 1) throw new ArgumentOutOfRangeException(nameof(factor), factor, $"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor.ToString(CultureInfo.InvariantCulture)}");
        (_monitor, _factor, _patience, _verbose, _mode, _minDelta, _cooldown, _minLr) = (monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr);
        _print = print ?? Console.WriteLine;
    }

    public void OnTrainBegin(TrainingContext context)
    {
        _minimize = _mode == MonitorMode.Min || (_mode == MonitorMode.Auto && !_monitor.Contains("acc", StringComparison.Ordinal));
        _best = _minimize ? double.PositiveInfinity : double.NegativeInfinity;
        (_wait, _cooldownCounter) = (0, 0);
    }

    public void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs)
    {
        if (Monitor.Find(logs, _monitor) is not double current)
        {
            _print($"Learning rate reduction is conditioned on metric `{_monitor}` which is not available. Available metrics are: {string.Join(",", logs.Select(l => l.Key))}.");
            return;
        }
        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            _wait = 0;
        }
        if (_minimize ? current < _best - _minDelta : current > _best + _minDelta)
        {
            _best = current;
            _wait = 0;
        }
        else if (_cooldownCounter <= 0 && ++_wait >= _patience)
        {
            var optimizer = OptimizerOf.Model(context, "ReduceLROnPlateau");
            double old = optimizer.LearningRate;
            if (old > (float)_minLr) // Keras compares with np.float32(min_lr)
            {
                double reduced = Math.Max(old * _factor, _minLr);
                optimizer.LearningRate = (float)reduced;
                if (_verbose > 0) _print($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {reduced.ToString("R", CultureInfo.InvariantCulture)}.");
                (_cooldownCounter, _wait) = (_cooldown, 0);
            }
        }
    }
}
