using System;
using System.Collections.Generic;
using KerasGen.Weights;

namespace KerasGen.Training;

/// <summary>
/// Keras <c>ModelCheckpoint(filepath, monitor="val_loss", save_best_only=False, mode="auto", save_weights_only=True)</c>
/// as a Keras 3 <c>.weights.h5</c> file (<see cref="KerasWeights"/>, written atomically), which Keras and
/// <c>LoadWeights</c> read back. The path may contain <c>{epoch}</c> or <c>{epoch:02d}</c> (1-based, as Keras formats it).
/// </summary>
public sealed class ModelCheckpoint : ICallback
{
    private readonly string _path, _monitor;
    private readonly bool _saveBestOnly;
    private readonly MonitorMode _mode;
    private readonly int _verbose;
    private readonly Action<string> _print;
    private bool _minimize;
    private double? _best;

    public ModelCheckpoint(string filepath, string monitor = "val_loss", bool saveBestOnly = false, MonitorMode mode = MonitorMode.Auto, int verbose = 0, Action<string>? print = null)
    {
        ArgumentNullException.ThrowIfNull(filepath);
        if (!filepath.EndsWith(".weights.h5", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in `.weights.h5` (Keras weights format). Received: filepath={filepath}",
                nameof(filepath));
        (_path, _monitor, _saveBestOnly, _mode, _verbose) = (filepath, monitor, saveBestOnly, mode, verbose);
        _print = print ?? Console.WriteLine;
    }

    public void OnTrainBegin(TrainingContext context)
    {
        if (context.Model is not IWeightLayout) throw new ArgumentException("ModelCheckpoint needs a KerasGen-generated model.");
        _minimize = Monitor.Resolve(_mode, _monitor, "ModelCheckpoint") == MonitorMode.Min;
        _best = null;
    }

    public void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs)
    {
        string path = _path.Replace("{epoch:02d}", (epoch + 1).ToString("00")).Replace("{epoch}", (epoch + 1).ToString());
        if (_saveBestOnly)
        {
            if (Monitor.Find(logs, _monitor) is not double current)
            {
                _print($"Can save best model only with {_monitor} available, skipping.");
                return;
            }
            if (_best is double best && !(_minimize ? current < best : current > best))
            {
                if (_verbose > 0) _print($"\nEpoch {epoch + 1}: {_monitor} did not improve from {best:F5}");
                return;
            }
            if (_verbose > 0) _print($"\nEpoch {epoch + 1}: {_monitor} improved from {(_best is double b ? b.ToString("F5") : (_minimize ? "inf" : "-inf"))} to {current:F5}, saving model to {path}");
            _best = current;
        }
        else if (_verbose > 0) _print($"\nEpoch {epoch + 1}: saving model to {path}");
        KerasWeights.Save(context.Model, path);
    }
}
