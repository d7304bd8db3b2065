using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 Adamax: m += (g − m)(1 − β1); u = max(β2·u, |g|); w −= lr·m/((1 − β1ᵗ)(u + ε)).</summary>
public sealed class Adamax : Optimizer
{
    private readonly float _beta1, _beta2, _epsilon;
    private float[] _m = Array.Empty<float>(), _u = Array.Empty<float>();

    public Adamax(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) : base(learningRate, weightDecay) =>
        (_beta1, _beta2, _epsilon) = (beta1, beta2, epsilon);

    internal override (string Name, float[] Values)[][] StateBlocks => new[] { new[] { ("momentum", _m), ("norm", _u) } };

    protected override void EnsureState(int length)
    {
        if (_m.Length != length) (_m, _u) = (new float[length], new float[length]);
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float scale = LearningRate / (1 - MathF.Pow(_beta1, t)), a1 = 1 - _beta1, b2 = _beta2, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var m = Vectors(State(_m, offset, weights.Length));
        var u = Vectors(State(_u, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * a1;
            u[i] = Vector.Max(b2 * u[i], Vector.Abs(g[i]));
            w[i] -= scale * m[i] / (u[i] + new Vector<float>(eps));
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _m[offset + i] += (gradients[i] - _m[offset + i]) * a1;
            _u[offset + i] = MathF.Max(b2 * _u[offset + i], MathF.Abs(gradients[i]));
            weights[i] -= scale * _m[offset + i] / (_u[offset + i] + eps);
        }
    }
}
