using System;
using System.Linq;
using KerasGen.Initialization;
using KerasGen.Tests.Models;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>Keras 3 initializer semantics (KERAS_SPEC §2): bounds, mean and variance on a (200, 300) kernel, and
/// seeded determinism.</summary>
public class InitializerTests
{
    private const int FanIn = 200, FanOut = 300;

    private static float[] Draw(string name, ulong seed = 42, int[]? shape = null)
    {
        shape ??= new[] { FanIn, FanOut };
        var values = new float[shape.Aggregate(1, (a, b) => a * b)];
        WeightInitializer.Fill(name, shape, values, seed);
        return values;
    }

    [Theory]
    [InlineData("glorot_uniform", 6.0 / (FanIn + FanOut))]   // limit² for U(±limit)
    [InlineData("he_uniform", 6.0 / FanIn)]
    [InlineData("lecun_uniform", 3.0 / FanIn)]
    [InlineData("random_uniform", 0.05 * 0.05)]
    public void Uniform_initializers_have_keras_bounds_and_variance(string name, double limitSquared)
    {
        var w = Draw(name);
        double limit = Math.Sqrt(limitSquared);
        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        Assert.InRange(w.Max(), limit * 0.99, limit);
        Assert.InRange(Mean(w), -0.01 * limit, 0.01 * limit);
        Assert.InRange(Variance(w), limitSquared / 3 * 0.97, limitSquared / 3 * 1.03);
    }

    [Theory]
    [InlineData("glorot_normal", 2.0 / (FanIn + FanOut))]     // variance kept by the /0.8796 correction
    [InlineData("he_normal", 2.0 / FanIn)]
    [InlineData("lecun_normal", 1.0 / FanIn)]
    public void Truncated_normal_initializers_keep_keras_variance(string name, double variance)
    {
        var w = Draw(name);
        double sigma = Math.Sqrt(variance) / 0.87962566103423978;
        Assert.All(w, v => Assert.InRange(v, -2 * sigma, 2 * sigma));
        Assert.InRange(Mean(w), -0.01 * sigma, 0.01 * sigma);
        Assert.InRange(Variance(w), variance * 0.97, variance * 1.03);
    }

    [Fact]
    public void Random_normal_and_truncated_normal_use_stddev_005()
    {
        var normal = Draw("random_normal");
        Assert.InRange(Variance(normal), 0.0025 * 0.97, 0.0025 * 1.03);
        Assert.Contains(normal, v => Math.Abs(v) > 0.1); // untruncated: beyond 2σ exists
        var truncated = Draw("truncated_normal");
        Assert.All(truncated, v => Assert.InRange(v, -0.1f, 0.1f));
        Assert.InRange(Variance(truncated), 0.0025 * 0.774 * 0.97, 0.0025 * 0.774 * 1.03); // 0.8796² of the untruncated
    }

    [Fact]
    public void Constant_initializers()
    {
        Assert.All(Draw("zeros"), v => Assert.Equal(0f, v));
        Assert.All(Draw("ones"), v => Assert.Equal(1f, v));
        var identity = Draw("identity", shape: new[] { 3, 4 });
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 }, identity);
    }

    [Theory]
    [InlineData(50, 20)]
    [InlineData(20, 50)]
    public void Orthogonal_gives_orthonormal_rows_or_columns(int rows, int cols)
    {
        var w = Draw("orthogonal", shape: new[] { rows, cols });
        int narrow = Math.Min(rows, cols);
        for (int a = 0; a < narrow; a++)
            for (int b = 0; b < narrow; b++)
            {
                double dot = 0;
                for (int k = 0; k < Math.Max(rows, cols); k++)
                    dot += rows >= cols ? (double)w[k * cols + a] * w[k * cols + b] : (double)w[a * cols + k] * w[b * cols + k];
                Assert.InRange(dot, (a == b ? 1 : 0) - 1e-5, (a == b ? 1 : 0) + 1e-5);
            }
    }

    [Fact]
    public void Keras_fan_rules()
    {
        Assert.Equal((8.0, 12.0), Fans.Compute(new[] { 8, 12 }));
        Assert.Equal((24.0, 12.0), Fans.Compute(new[] { 3, 8, 4 }));      // Conv1D (k, in, out)
        Assert.Equal((5.0, 5.0), Fans.Compute(new[] { 5 }));
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_other_seeds_differ()
    {
        var a = new PimaModel(7).GetWeights();
        var b = new PimaModel(7).GetWeights();
        var c = new PimaModel(8).GetWeights();
        Assert.Equal(a, b);
        Assert.NotEqual(a[0], c[0]);
        Assert.All(a[0], v => Assert.InRange(v, -0.05f, 0.05f));     // Keras 1 "uniform" = U(−0.05, 0.05)
        Assert.All(a[1], v => Assert.Equal(0f, v));                  // bias "zeros"
    }

    /// <summary>Golden values: the generator (xoshiro256** + SplitMix64) and the arithmetic-only normal sampler must
    /// give these bits on every machine and runtime. A change here changes every seeded model.</summary>
    [Fact]
    public void Seeded_values_are_stable_across_machines()
    {
        var uniform = Draw("random_uniform", seed: 7, shape: new[] { 4 });
        var normal = Draw("random_normal", seed: 7, shape: new[] { 4 });
        Assert.Equal(GoldenUniform, uniform.Select(BitConverter.SingleToInt32Bits).ToArray());
        Assert.Equal(GoldenNormal, normal.Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    private static readonly int[] GoldenUniform = { 1017401328, -1128972485, 1024138373, 1027935937 };
    private static readonly int[] GoldenNormal = { 1027965014, -1118184626, -1132922172, -1117711963 };

    [Fact]
    public void Deterministic_log_matches_math_log()
    {
        foreach (double x in new[] { 1e-300, 1e-7, 0.3, 0.5, 0.7071, 1, 1.5, 2, 10, 12345.678, 1e300 })
            Assert.Equal(Math.Log(x), DeterministicMath.Log(x), 14);
    }

    private static double Mean(float[] w) => w.Average(v => (double)v);

    private static double Variance(float[] w)
    {
        double mean = Mean(w);
        return w.Average(v => (v - mean) * (v - mean));
    }
}
