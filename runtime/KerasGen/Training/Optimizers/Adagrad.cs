using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 Adagrad: the accumulator starts at 0.1; a += g²; w −= lr·g/√(a + ε).</summary>
public sealed class Adagrad : Optimizer
{
    private readonly float _initial, _epsilon;
    private float[] _accumulator = Array.Empty<float>();

    public Adagrad(float learningRate, float initialAccumulatorValue, float epsilon, float weightDecay) : base(learningRate, weightDecay) =>
        (_initial, _epsilon) = (initialAccumulatorValue, epsilon);

    internal override (string Name, float[] Values)[][] StateBlocks => new[] { new[] { ("accumulator", _accumulator) } };

    protected override void EnsureState(int length)
    {
        if (_accumulator.Length == length) return;
        _accumulator = new float[length];
        _accumulator.AsSpan().Fill(_initial);
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float lr = LearningRate, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var a = Vectors(State(_accumulator, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            a[i] += g[i] * g[i];
            w[i] -= lr * g[i] / Vector.SquareRoot(a[i] + new Vector<float>(eps));
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _accumulator[offset + i] += gradients[i] * gradients[i];
            weights[i] -= lr * gradients[i] / MathF.Sqrt(_accumulator[offset + i] + eps);
        }
    }
}
