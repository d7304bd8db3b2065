using System;

namespace KerasGen.Initialization;

/// <summary>
/// Keras 3 initializers (KERAS_SPEC §2.2) by their canonical snake_case id; the generator maps aliases, class names
/// and Keras 1 names onto these before they reach run time. Values are filled in Keras' layout of the weight.
/// </summary>
public static class WeightInitializer
{
    /// <summary>The std of a standard normal truncated to [−2, 2]; Keras divides by it to keep the variance.</summary>
    private const double TruncatedNormalStd = 0.87962566103423978;

    public static void Fill(string initializer, int[] shape, Span<float> destination, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var (fanIn, fanOut) = Fans.Compute(shape);
        switch (initializer)
        {
            case "glorot_uniform": VarianceScaling(random, destination, 1, (fanIn + fanOut) / 2, uniform: true); break;
            case "glorot_normal": VarianceScaling(random, destination, 1, (fanIn + fanOut) / 2, uniform: false); break;
            case "he_uniform": VarianceScaling(random, destination, 2, fanIn, uniform: true); break;
            case "he_normal": VarianceScaling(random, destination, 2, fanIn, uniform: false); break;
            case "lecun_uniform": VarianceScaling(random, destination, 1, fanIn, uniform: true); break;
            case "lecun_normal": VarianceScaling(random, destination, 1, fanIn, uniform: false); break;
            case "random_uniform": Uniform(random, destination, 0.05); break;
            case "random_normal": foreach (ref float w in destination) w = (float)(0.05 * random.NextNormal()); break;
            case "truncated_normal": TruncatedNormal(random, destination, 0.05); break;
            case "zeros": case "constant": destination.Clear(); break;
            case "ones": destination.Fill(1f); break;
            case "identity": Identity(shape, destination); break;
            case "orthogonal": Orthogonal(random, shape, destination); break;
            default: throw new ArgumentException($"Unknown initializer '{initializer}'.", nameof(initializer));
        }
    }

    /// <summary>Keras VarianceScaling: variance scale / max(1, fan); uniform, or truncated normal corrected to it.</summary>
    private static void VarianceScaling(DeterministicRandom random, Span<float> destination, double scale, double fan, bool uniform)
    {
        double variance = scale / Math.Max(1, fan);
        if (uniform) Uniform(random, destination, Math.Sqrt(3 * variance));
        else TruncatedNormal(random, destination, Math.Sqrt(variance) / TruncatedNormalStd);
    }

    private static void Uniform(DeterministicRandom random, Span<float> destination, double limit)
    {
        foreach (ref float w in destination) w = (float)(limit * (2 * random.NextDouble() - 1));
    }

    /// <summary>N(0, stddev) with values outside ±2·stddev drawn again, as Keras.</summary>
    private static void TruncatedNormal(DeterministicRandom random, Span<float> destination, double stddev)
    {
        foreach (ref float w in destination)
        {
            double z;
            do z = random.NextNormal(); while (z < -2 || z > 2);
            w = (float)(stddev * z);
        }
    }

    private static void Identity(int[] shape, Span<float> destination)
    {
        if (shape.Length != 2) throw new ArgumentException($"The identity initializer needs a 2-D weight; got rank {shape.Length}.");
        destination.Clear();
        for (int i = 0; i < Math.Min(shape[0], shape[1]); i++) destination[i * shape[1] + i] = 1f;
    }

    /// <summary>Keras 3: A ~ N(0,1) of (max(rows, cols), min(rows, cols)); Q of its QR with sign(diag R) folded in
    /// (modified Gram-Schmidt gives that positive-diagonal Q directly); transposed when rows &lt; cols.</summary>
    private static void Orthogonal(DeterministicRandom random, int[] shape, Span<float> destination)
    {
        if (shape.Length < 2) throw new ArgumentException($"The orthogonal initializer needs a weight of rank 2 or more; got rank {shape.Length}.");
        int cols = shape[^1], rows = destination.Length / cols;
        int tall = Math.Max(rows, cols), narrow = Math.Min(rows, cols);
        var q = new double[tall * narrow];
        for (int i = 0; i < q.Length; i++) q[i] = random.NextNormal();
        for (int j = 0; j < narrow; j++)
        {
            for (int k = 0; k < j; k++)
            {
                double dot = 0;
                for (int i = 0; i < tall; i++) dot += q[i * narrow + k] * q[i * narrow + j];
                for (int i = 0; i < tall; i++) q[i * narrow + j] -= dot * q[i * narrow + k];
            }
            double norm = 0;
            for (int i = 0; i < tall; i++) norm += q[i * narrow + j] * q[i * narrow + j];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < tall; i++) q[i * narrow + j] /= norm;
        }
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                destination[r * cols + c] = (float)(rows >= cols ? q[r * narrow + c] : q[c * narrow + r]);
    }
}
