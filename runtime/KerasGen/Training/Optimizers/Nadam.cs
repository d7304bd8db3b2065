using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 Nadam: μ_t = β1(1 − 0.5·0.96ᵗ); the product P_t of all μ so far; m and v as Adam;
/// m̂ = μ_{t+1}·m/(1 − P_t·μ_{t+1}) + (1 − μ_t)·g/(1 − P_t); v̂ = v/(1 − β2ᵗ); w −= lr·m̂/(√v̂ + ε).</summary>
public sealed class Nadam : Optimizer
{
    private readonly float _beta1, _beta2, _epsilon;
    private float _momentumProduct = 1f;
    private float[] _m = Array.Empty<float>(), _v = Array.Empty<float>();

    public Nadam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) : base(learningRate, weightDecay) =>
        (_beta1, _beta2, _epsilon) = (beta1, beta2, epsilon);

    internal override (string Name, float[] Values)[][] StateBlocks => new[] { new[] { ("momentum", _m), ("velocity", _v) } };

    /// <summary>Keras' <c>u_product</c>, the running product of the momentum schedule.</summary>
    internal override float[] Scalars { get => new[] { _momentumProduct }; set => _momentumProduct = value[0]; }

    protected override void EnsureState(int length)
    {
        if (_m.Length != length) (_m, _v) = (new float[length], new float[length]);
    }

    /// <summary>The momentum product moves once per step, however many ranges the step's update is cut into.</summary>
    protected override void BeginUpdate(long t) => _momentumProduct *= _beta1 * (1 - 0.5f * MathF.Pow(0.96f, t));

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float muT = _beta1 * (1 - 0.5f * MathF.Pow(0.96f, t)), muNext = _beta1 * (1 - 0.5f * MathF.Pow(0.96f, t + 1));
        float productNext = _momentumProduct * muNext;
        float mScale = muNext / (1 - productNext), gScale = (1 - muT) / (1 - _momentumProduct);
        float vScale = 1 / (1 - MathF.Pow(_beta2, t)), a1 = 1 - _beta1, a2 = 1 - _beta2, lr = LearningRate, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var m = Vectors(State(_m, offset, weights.Length));
        var v = Vectors(State(_v, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            m[i] += (g[i] - m[i]) * a1;
            v[i] += (g[i] * g[i] - v[i]) * a2;
            var mHat = mScale * m[i] + gScale * g[i];
            w[i] -= lr * mHat / (Vector.SquareRoot(v[i] * vScale) + new Vector<float>(eps));
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _m[offset + i] += (gradients[i] - _m[offset + i]) * a1;
            _v[offset + i] += (gradients[i] * gradients[i] - _v[offset + i]) * a2;
            float mHat = mScale * _m[offset + i] + gScale * gradients[i];
            weights[i] -= lr * mHat / (MathF.Sqrt(_v[offset + i] * vScale) + eps);
        }
    }
}
