using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 SGD: w −= lr·g; with momentum m = μm − lr·g, then w += m (or, Nesterov, w += μm − lr·g).</summary>
public sealed class Sgd : Optimizer
{
    private readonly float _momentum;
    private readonly bool _nesterov;
    private float[] _velocity = Array.Empty<float>();

    public Sgd(float learningRate, float momentum, bool nesterov, float weightDecay) : base(learningRate, weightDecay)
    {
        if (momentum is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "`momentum` must be a float between [0, 1].");
        (_momentum, _nesterov) = (momentum, nesterov);
    }

    internal override (string Name, float[] Values)[][] StateBlocks =>
        _momentum != 0 ? new[] { new[] { ("momentum", _velocity) } } : Array.Empty<(string, float[])[]>();

    protected override void EnsureState(int length)
    {
        if (_momentum != 0 && _velocity.Length != length) _velocity = new float[length];
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float lr = LearningRate, mu = _momentum;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        int tail = TailStart(weights.Length);
        if (mu == 0)
        {
            for (int i = 0; i < w.Length; i++) w[i] -= lr * g[i];
            for (int i = tail; i < weights.Length; i++) weights[i] -= lr * gradients[i];
            return;
        }
        var m = Vectors(State(_velocity, offset, weights.Length));
        for (int i = 0; i < w.Length; i++)
        {
            m[i] = mu * m[i] - lr * g[i];
            w[i] += _nesterov ? mu * m[i] - lr * g[i] : m[i];
        }
        for (int i = tail; i < weights.Length; i++)
        {
            _velocity[offset + i] = mu * _velocity[offset + i] - lr * gradients[i];
            weights[i] += _nesterov ? mu * _velocity[offset + i] - lr * gradients[i] : _velocity[offset + i];
        }
    }
}
