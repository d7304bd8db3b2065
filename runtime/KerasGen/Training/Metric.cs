using System;

namespace KerasGen.Training;

/// <summary>
/// A Keras metric as a running mean over the samples seen since <see cref="Reset"/> (Keras' stateful metrics: an
/// epoch's value is the mean over all its rows, not the mean of batch means). "accuracy"/"acc" is resolved as Keras
/// does (KERAS_SPEC §7.2): one output unit → binary accuracy; sparse targets → sparse categorical; else categorical.
/// </summary>
public sealed class Metric
{
    private readonly Func<ReadOnlySpan<float>, ReadOnlySpan<float>, double> _row;
    private double _sum;
    private long _count;

    private Metric(string name, Func<ReadOnlySpan<float>, ReadOnlySpan<float>, double> row) => (Name, _row) = (name, row);

    /// <summary>The name the user typed, as Keras prints it.</summary>
    public string Name { get; }

    public double Value => _count == 0 ? 0 : _sum / _count;

    public static readonly string[] Known = { "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mae", "mean_absolute_error", "mse", "mean_squared_error" };

    /// <param name="name">The metric id as the user typed it.</param>
    /// <param name="outputWidth">The last output axis (K).</param>
    /// <param name="sparseTargets">Targets are class indices (sparse categorical loss).</param>
    public static Metric Create(string name, int outputWidth, bool sparseTargets) => name switch
    {
        "accuracy" or "acc" => outputWidth == 1 ? new(name, BinaryAccuracy) : sparseTargets ? new(name, SparseCategoricalAccuracy) : new(name, CategoricalAccuracy),
        "binary_accuracy" => new(name, BinaryAccuracy),
        "categorical_accuracy" => new(name, CategoricalAccuracy),
        "sparse_categorical_accuracy" => new(name, SparseCategoricalAccuracy),
        "mae" or "mean_absolute_error" => new(name, (p, y) => Mean(p, y, static (a, b) => Math.Abs(a - b))),
        "mse" or "mean_squared_error" => new(name, (p, y) => Mean(p, y, static (a, b) => (a - b) * (a - b))),
        _ => throw new ArgumentException($"Unknown metric '{name}'. Known: {string.Join(", ", Known)}.", nameof(name)),
    };

    public void Reset() => (_sum, _count) = (0, 0);

    /// <summary>Adds <paramref name="rows"/> rows of K predictions and their targets (one index per row when sparse).</summary>
    public void Update(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, int rows, int k, bool sparseTargets)
    {
        for (int r = 0; r < rows; r++)
            _sum += _row(predictions.Slice(r * k, k), sparseTargets ? targets.Slice(r, 1) : targets.Slice(r * k, k));
        _count += rows;
    }

    private static double BinaryAccuracy(ReadOnlySpan<float> p, ReadOnlySpan<float> y)
    {
        int hits = 0;
        for (int i = 0; i < p.Length; i++) if ((p[i] > 0.5f ? 1f : 0f) == y[i]) hits++;
        return (double)hits / p.Length;
    }

    private static double CategoricalAccuracy(ReadOnlySpan<float> p, ReadOnlySpan<float> y) => ArgMax(p) == ArgMax(y) ? 1 : 0;

    private static double SparseCategoricalAccuracy(ReadOnlySpan<float> p, ReadOnlySpan<float> y) => ArgMax(p) == (int)y[0] ? 1 : 0;

    private static double Mean(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Func<float, float, double> error)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++) sum += error(p[i], y[i]);
        return sum / p.Length;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
