using System;
using System.Globalization;

namespace KerasGen.Training;

/// <summary>Keras <c>LearningRateScheduler(schedule, verbose=0)</c>: at the start of every epoch the learning rate
/// becomes <c>schedule(epoch, current rate)</c> (epochs counted from 0).</summary>
public sealed class LearningRateScheduler : ICallback
{
    private readonly Func<int, float, float> _schedule;
    private readonly int _verbose;
    private readonly Action<string> _print;

    public LearningRateScheduler(Func<int, float, float> schedule, int verbose = 0, Action<string>? print = null)
    {
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        (_verbose, _print) = (verbose, print ?? Console.WriteLine);
    }

    public void OnEpochBegin(TrainingContext context, int epoch)
    {
        var optimizer = OptimizerOf.Model(context, "LearningRateScheduler");
        float rate = _schedule(epoch, optimizer.LearningRate);
        if (!float.IsFinite(rate)) throw new ArgumentException($"The output of the `schedule` function should be a finite float. Got: {rate}");
        optimizer.LearningRate = rate;
        if (_verbose > 0) _print($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {rate.ToString("R", CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>The optimizer of the model a callback trains.</summary>
internal static class OptimizerOf
{
    public static Optimizers.Optimizer Model(TrainingContext context, string callback) =>
        context.Model is IDifferentiableModel model ? model.Optimizer : throw new ArgumentException($"{callback} needs a KerasGen model with [Compile].");
}
