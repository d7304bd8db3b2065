using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 RMSprop: v = ρv + (1 − ρ)g²; centered: ḡ = ρḡ + (1 − ρ)g and the denominator v − ḡ² + ε, else
/// v + ε (ε inside the root); inc = lr·g/√den; with momentum m = μm + inc, w −= m, else w −= inc.</summary>
public sealed class RmsProp : Optimizer
{
    private readonly float _rho, _momentum, _epsilon;
    private readonly bool _centered;
    private float[] _v = Array.Empty<float>(), _m = Array.Empty<float>(), _mean = Array.Empty<float>();

    public RmsProp(float learningRate, float rho, float momentum, float epsilon, bool centered, float weightDecay) : base(learningRate, weightDecay) =>
        (_rho, _momentum, _epsilon, _centered) = (rho, momentum, epsilon, centered);

    internal override (string Name, float[] Values)[][] StateBlocks
    {
        get
        {
            var blocks = new System.Collections.Generic.List<(string, float[])[]> { new[] { ("velocity", _v) } };
            if (_momentum > 0) blocks.Add(new[] { ("momentum", _m) });
            if (_centered) blocks.Add(new[] { ("average_gradient", _mean) });
            return blocks.ToArray();
        }
    }

    protected override void EnsureState(int length)
    {
        if (_v.Length == length) return;
        _v = new float[length];
        if (_momentum > 0) _m = new float[length];
        if (_centered) _mean = new float[length];
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float lr = LearningRate, rho = _rho, keep = 1 - _rho, mu = _momentum, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var v = Vectors(State(_v, offset, weights.Length));
        var m = Vectors(State(_m, offset, weights.Length));
        var mean = Vectors(State(_mean, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            v[i] = rho * v[i] + keep * g[i] * g[i];
            var denominator = v[i] + new Vector<float>(eps);
            if (_centered)
            {
                mean[i] = rho * mean[i] + keep * g[i];
                denominator -= mean[i] * mean[i];
            }
            var increment = lr * g[i] / Vector.SquareRoot(denominator);
            if (mu > 0) w[i] -= m[i] = mu * m[i] + increment;
            else w[i] -= increment;
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _v[offset + i] = rho * _v[offset + i] + keep * gradients[i] * gradients[i];
            float denominator = _v[offset + i] + eps;
            if (_centered)
            {
                _mean[offset + i] = rho * _mean[offset + i] + keep * gradients[i];
                denominator -= _mean[offset + i] * _mean[offset + i];
            }
            float increment = lr * gradients[i] / MathF.Sqrt(denominator);
            if (mu > 0) weights[i] -= _m[offset + i] = mu * _m[offset + i] + increment;
            else weights[i] -= increment;
        }
    }
}
