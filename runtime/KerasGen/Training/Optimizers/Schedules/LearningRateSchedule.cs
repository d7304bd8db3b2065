using System;

namespace KerasGen.Training.Optimizers.Schedules;

/// <summary>
/// Keras 3's <c>keras.optimizers.schedules.LearningRateSchedule</c>: the learning rate as a function of the optimizer's
/// step count (<c>optimizer.iterations</c>, 0 on the first step). Set it as <see cref="Optimizer.LearningRateSchedule"/>;
/// the optimizer then evaluates it at every step, before weight decay and the update, as Keras does.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate at <paramref name="step"/>.</summary>
    public abstract float At(long step);

    /// <summary><paramref name="decaySteps"/>, after checking it is a positive number (every decaying schedule divides by it).</summary>
    private protected static float DecaySteps(float decaySteps)
    {
        if (!(decaySteps > 0) || float.IsInfinity(decaySteps)) throw new ArgumentOutOfRangeException(nameof(decaySteps), decaySteps, "`decay_steps` must be a positive number.");
        return decaySteps;
    }
}

/// <summary>Keras <c>ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)</c>:
/// <c>initial · decay_rate^(step / decay_steps)</c>, the exponent floored when <paramref name="staircase"/>.</summary>
public sealed class ExponentialDecay(float initialLearningRate, float decaySteps, float decayRate, bool staircase = false) : LearningRateSchedule
{
    private readonly float _steps = DecaySteps(decaySteps);

    public override float At(long step)
    {
        double p = step / (double)_steps;
        if (staircase) p = Math.Floor(p);
        return (float)(initialLearningRate * Math.Pow(decayRate, p));
    }
}

/// <summary>Keras <c>InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)</c>:
/// <c>initial / (1 + decay_rate · step / decay_steps)</c>, the ratio floored when <paramref name="staircase"/>.</summary>
public sealed class InverseTimeDecay(float initialLearningRate, float decaySteps, float decayRate, bool staircase = false) : LearningRateSchedule
{
    private readonly float _steps = DecaySteps(decaySteps);

    public override float At(long step)
    {
        double p = step / (double)_steps;
        if (staircase) p = Math.Floor(p);
        return (float)(initialLearningRate / (1 + decayRate * p));
    }
}

/// <summary>Keras <c>PiecewiseConstantDecay(boundaries, values)</c>: <c>values[0]</c> while step ≤ boundaries[0],
/// <c>values[i]</c> while boundaries[i−1] &lt; step ≤ boundaries[i], the last value after the last boundary.</summary>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    private readonly long[] _boundaries;
    private readonly float[] _values;

    public PiecewiseConstantDecay(long[] boundaries, float[] values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != boundaries.Length + 1)
            throw new ArgumentException(
                $"The length of boundaries should be 1 less than the length of values. Received: boundaries={boundaries.Length} elements, values={values.Length} elements.", nameof(values));
        (_boundaries, _values) = ((long[])boundaries.Clone(), (float[])values.Clone());
    }

    public override float At(long step)
    {
        for (int i = 0; i < _boundaries.Length; i++)
            if (step <= _boundaries[i]) return _values[i];
        return _values[^1];
    }
}

/// <summary>Keras <c>PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0,
/// cycle=False)</c>: <c>(initial − end) · (1 − s / decay_steps)^power + end</c> with s = min(step, decay_steps); with
/// <paramref name="cycle"/>, decay_steps grows to the next multiple of itself at or above the step (itself at step 0).</summary>
public sealed class PolynomialDecay(float initialLearningRate, float decaySteps, float endLearningRate = 0.0001f, float power = 1f, bool cycle = false) : LearningRateSchedule
{
    private readonly float _steps = DecaySteps(decaySteps);

    public override float At(long step)
    {
        double steps = _steps, s = step;
        if (cycle)
        {
            double multiplier = step == 0 ? 1 : Math.Ceiling(s / steps);
            steps *= multiplier;
        }
        else s = Math.Min(s, steps);
        return (float)((initialLearningRate - endLearningRate) * Math.Pow(1 - s / steps, power) + endLearningRate);
    }
}

/// <summary>Keras 3 <c>CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None,
/// warmup_steps=0)</c>: with a warm-up, a linear rise from the initial rate to <paramref name="warmupTarget"/> over
/// <paramref name="warmupSteps"/> steps; then <c>rate · ((1 − alpha) · ½(1 + cos(π · s / decay_steps)) + alpha)</c>,
/// s the steps since the warm-up (at most decay_steps), rate the warm-up target or the initial rate.</summary>
public sealed class CosineDecay(float initialLearningRate, float decaySteps, float alpha = 0f, float? warmupTarget = null, float warmupSteps = 0) : LearningRateSchedule
{
    private readonly float _steps = DecaySteps(decaySteps);

    public override float At(long step)
    {
        double s = step;
        if (warmupTarget is float target && s < warmupSteps)
            return (float)(initialLearningRate + (target - initialLearningRate) * (s / warmupSteps));
        double rate = warmupTarget ?? initialLearningRate;
        double completed = Math.Min(s - (warmupTarget is null ? 0 : warmupSteps), _steps) / _steps;
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * completed));
        return (float)(rate * ((1 - alpha) * cosine + alpha));
    }
}
