using System;
using System.Linq;

namespace KerasGen.Initialization;

/// <summary>
/// Keras 3 initializers (KERAS_SPEC §2.2) by their canonical snake_case id; the generator maps aliases, class names
/// and Keras 1 names onto these before they reach run time. Values are filled in Keras' layout of the weight.
/// </summary>
public static class WeightInitializer
{
    /// <summary>The std of a standard normal truncated to [−2, 2]; Keras divides by it to keep the variance.</summary>
    private const double TruncatedNormalStd = 0.87962566103423978;

    /// <summary>Fills <paramref name="destination"/> with <paramref name="initializer"/>: a canonical id
    /// (<c>"he_normal"</c>) or the generator's canonical constructor form with every argument by keyword
    /// (<c>"random_uniform(minval=-1, maxval=1)"</c>). A <c>seed</c> argument replaces <paramref name="seed"/>, so the
    /// weight's values depend on it alone, as in Keras.</summary>
    public static void Fill(string initializer, int[] shape, Span<float> destination, ulong seed)
    {
        var call = KerasGen.Generator.Catalog.KerasCall.Parse(initializer, out var error)
            ?? throw new ArgumentException($"Malformed initializer '{initializer}': {error}.", nameof(initializer));
        double Argument(string name, double keras)
        {
            foreach (var pair in call.Named)
                if (pair.Key == name) return pair.Value is double d ? d : throw new ArgumentException($"Initializer '{initializer}': {name} must be a number.", nameof(initializer));
            return keras;
        }
        string Text(string name, string keras)
        {
            foreach (var pair in call.Named)
                if (pair.Key == name) return pair.Value as string ?? keras;
            return keras;
        }
        if (call.Positional.Count > 0)
            throw new ArgumentException($"Initializer '{initializer}': arguments must be given by keyword.", nameof(initializer));
        var random = new DeterministicRandom(call.Named.Any(p => p.Key == "seed") ? (ulong)Argument("seed", 0) : seed);
        var (fanIn, fanOut) = Fans.Compute(shape);
        switch (call.Name)
        {
            case "glorot_uniform": VarianceScaling(random, destination, 1, (fanIn + fanOut) / 2, "uniform"); break;
            case "glorot_normal": VarianceScaling(random, destination, 1, (fanIn + fanOut) / 2, "truncated_normal"); break;
            case "he_uniform": VarianceScaling(random, destination, 2, fanIn, "uniform"); break;
            case "he_normal": VarianceScaling(random, destination, 2, fanIn, "truncated_normal"); break;
            case "lecun_uniform": VarianceScaling(random, destination, 1, fanIn, "uniform"); break;
            case "lecun_normal": VarianceScaling(random, destination, 1, fanIn, "truncated_normal"); break;
            case "variance_scaling":
                string mode = Text("mode", "fan_in");
                double fan = mode switch
                {
                    "fan_in" => fanIn,
                    "fan_out" => fanOut,
                    "fan_avg" => (fanIn + fanOut) / 2,
                    _ => throw new ArgumentException($"Initializer '{initializer}': unknown mode '{mode}'.", nameof(initializer)),
                };
                VarianceScaling(random, destination, Argument("scale", 1), fan, Text("distribution", "truncated_normal"));
                break;
            case "random_uniform":
                double min = Argument("minval", -0.05), max = Argument("maxval", 0.05);
                if (min == -max) Uniform(random, destination, max); // the symmetric form's arithmetic, as before arguments existed
                else foreach (ref float w in destination) w = (float)(min + (max - min) * random.NextDouble());
                break;
            case "random_normal":
                double mean = Argument("mean", 0), stddev = Argument("stddev", 0.05);
                foreach (ref float w in destination) w = (float)(mean + stddev * random.NextNormal());
                break;
            case "truncated_normal": TruncatedNormal(random, destination, Argument("mean", 0), Argument("stddev", 0.05)); break;
            case "zeros": destination.Clear(); break;
            case "constant": destination.Fill((float)Argument("value", 0)); break;
            case "ones": destination.Fill(1f); break;
            case "identity": Identity(shape, destination, (float)Argument("gain", 1)); break;
            case "orthogonal": Orthogonal(random, shape, destination, Argument("gain", 1)); break;
            default: throw new ArgumentException($"Unknown initializer '{initializer}'.", nameof(initializer));
        }
    }

    /// <summary>Keras VarianceScaling: variance scale / max(1, fan); uniform, or truncated normal corrected to it.</summary>
    private static void VarianceScaling(DeterministicRandom random, Span<float> destination, double scale, double fan, string distribution)
    {
        double variance = scale / Math.Max(1, fan);
        switch (distribution)
        {
            case "uniform": Uniform(random, destination, Math.Sqrt(3 * variance)); break;
            case "truncated_normal": TruncatedNormal(random, destination, 0, Math.Sqrt(variance) / TruncatedNormalStd); break;
            case "untruncated_normal":
                double stddev = Math.Sqrt(variance);
                foreach (ref float w in destination) w = (float)(stddev * random.NextNormal());
                break;
            default: throw new ArgumentException($"Unknown VarianceScaling distribution '{distribution}'.", nameof(distribution));
        }
    }

    private static void Uniform(DeterministicRandom random, Span<float> destination, double limit)
    {
        foreach (ref float w in destination) w = (float)(limit * (2 * random.NextDouble() - 1));
    }

    /// <summary>N(0, stddev) with values outside ±2·stddev drawn again, as Keras.</summary>
    private static void TruncatedNormal(DeterministicRandom random, Span<float> destination, double mean, double stddev)
    {
        foreach (ref float w in destination)
        {
            double z;
            do z = random.NextNormal(); while (z < -2 || z > 2);
            w = (float)(mean + stddev * z);
        }
    }

    private static void Identity(int[] shape, Span<float> destination, float gain)
    {
        if (shape.Length != 2) throw new ArgumentException($"The identity initializer needs a 2-D weight; got rank {shape.Length}.");
        destination.Clear();
        for (int i = 0; i < Math.Min(shape[0], shape[1]); i++) destination[i * shape[1] + i] = gain;
    }

    /// <summary>Keras 3: A ~ N(0,1) of (max(rows, cols), min(rows, cols)); Q of its QR with sign(diag R) folded in
    /// (modified Gram-Schmidt gives that positive-diagonal Q directly); transposed when rows &lt; cols.</summary>
    private static void Orthogonal(DeterministicRandom random, int[] shape, Span<float> destination, double gain)
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
                destination[r * cols + c] = (float)(gain * (rows >= cols ? q[r * narrow + c] : q[c * narrow + r]));
    }
}
