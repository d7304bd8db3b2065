using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 Adam (and AdamW, which is Adam with decoupled weight decay): m += (g − m)(1 − β1);
/// v += (g² − v)(1 − β2); α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ); w −= α·m/(√v + ε), ε on the uncorrected √v; AMSGrad uses
/// max(v̂, v).</summary>
public sealed class Adam : Optimizer
{
    private readonly float _beta1, _beta2, _epsilon;
    private readonly bool _amsgrad;
    private float[] _m = Array.Empty<float>(), _v = Array.Empty<float>(), _vMax = Array.Empty<float>();

    public Adam(float learningRate, float beta1, float beta2, float epsilon, bool amsgrad, float weightDecay) : base(learningRate, weightDecay) =>
        (_beta1, _beta2, _epsilon, _amsgrad) = (beta1, beta2, epsilon, amsgrad);

    internal override (string Name, float[] Values)[][] StateBlocks => _amsgrad
        ? new[] { new[] { ("momentum", _m), ("velocity", _v) }, new[] { ("velocity_hat", _vMax) } }
        : new[] { new[] { ("momentum", _m), ("velocity", _v) } };

    protected override void EnsureState(int length)
    {
        if (_m.Length == length) return;
        (_m, _v) = (new float[length], new float[length]);
        if (_amsgrad) _vMax = new float[length];
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float alpha = LearningRate * MathF.Sqrt(1 - MathF.Pow(_beta2, t)) / (1 - MathF.Pow(_beta1, t));
        float a1 = 1 - _beta1, a2 = 1 - _beta2, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var m = Vectors(State(_m, offset, weights.Length));
        var v = Vectors(State(_v, offset, weights.Length));
        var vMax = Vectors(State(_vMax, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * a1;
            v[i] += (g[i] * g[i] - v[i]) * a2;
            var second = v[i];
            if (_amsgrad) second = vMax[i] = Vector.Max(vMax[i], v[i]);
            w[i] -= alpha * m[i] / (Vector.SquareRoot(second) + new Vector<float>(eps));
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _m[offset + i] += (gradients[i] - _m[offset + i]) * a1;
            _v[offset + i] += (gradients[i] * gradients[i] - _v[offset + i]) * a2;
            float second = _v[offset + i];
            if (_amsgrad) second = _vMax[offset + i] = MathF.Max(_vMax[offset + i], _v[offset + i]);
            weights[i] -= alpha * _m[offset + i] / (MathF.Sqrt(second) + eps);
        }
    }
}
