using System;
using System.Numerics;

namespace KerasGen.Training.Optimizers;

/// <summary>Keras 3 Adadelta: Eg = ρEg + (1 − ρ)g²; Δ = −√(Ex + ε)/√(Eg + ε)·g with the new Eg;
/// Ex = ρEx + (1 − ρ)Δ²; w += lr·Δ.</summary>
public sealed class Adadelta : Optimizer
{
    private readonly float _rho, _epsilon;
    private float[] _gradSquares = Array.Empty<float>(), _deltaSquares = Array.Empty<float>();

    public Adadelta(float learningRate, float rho, float epsilon, float weightDecay) : base(learningRate, weightDecay) =>
        (_rho, _epsilon) = (rho, epsilon);

    internal override (string Name, float[] Values)[][] StateBlocks => new[] { new[] { ("accumulated_grad", _gradSquares), ("accumulated_delta_var", _deltaSquares) } };

    protected override void EnsureState(int length)
    {
        if (_gradSquares.Length != length) (_gradSquares, _deltaSquares) = (new float[length], new float[length]);
    }

    protected override void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset)
    {
        float lr = LearningRate, rho = _rho, keep = 1 - _rho, eps = _epsilon;
        var w = Vectors(weights);
        var g = Vectors(gradients);
        var eg = Vectors(State(_gradSquares, offset, weights.Length));
        var ex = Vectors(State(_deltaSquares, offset, weights.Length));
        var epsilon = new Vector<float>(eps);
        for (int i = 0; i < w.Length; i++)
        {
            eg[i] = rho * eg[i] + keep * g[i] * g[i];
            var delta = -Vector.SquareRoot(ex[i] + epsilon) / Vector.SquareRoot(eg[i] + epsilon) * g[i];
            ex[i] = rho * ex[i] + keep * delta * delta;
            w[i] += lr * delta;
        }
        for (int i = TailStart(weights.Length); i < weights.Length; i++)
        {
            _gradSquares[offset + i] = rho * _gradSquares[offset + i] + keep * gradients[i] * gradients[i];
            float delta = -MathF.Sqrt(_deltaSquares[offset + i] + eps) / MathF.Sqrt(_gradSquares[offset + i] + eps) * gradients[i];
            _deltaSquares[offset + i] = rho * _deltaSquares[offset + i] + keep * delta * delta;
            weights[i] += lr * delta;
        }
    }
}
