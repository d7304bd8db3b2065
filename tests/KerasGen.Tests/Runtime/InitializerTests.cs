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

    // ---- Keras' constructor forms, as the generator writes them into the weight slots (every argument by keyword).

    [Fact]
    public void Random_uniform_with_bounds()
    {
        var w = Draw("random_uniform(minval=-1, maxval=3)");
        Assert.All(w, v => Assert.InRange(v, -1f, 3f));
        Assert.InRange(Mean(w), 0.98, 1.02);
        Assert.InRange(Variance(w), 16.0 / 12 * 0.97, 16.0 / 12 * 1.03);
    }

    [Fact]
    public void Normals_with_mean_and_stddev()
    {
        var normal = Draw("random_normal(mean=2, stddev=0.5)");
        Assert.InRange(Mean(normal), 1.99, 2.01);
        Assert.InRange(Variance(normal), 0.25 * 0.97, 0.25 * 1.03);
        var truncated = Draw("truncated_normal(mean=-1, stddev=0.1)");
        Assert.All(truncated, v => Assert.InRange(v, -1.2f, -0.8f));
        Assert.InRange(Mean(truncated), -1.001, -0.999);
    }

    [Theory]
    [InlineData("variance_scaling(scale=2, mode='fan_out', distribution='uniform')", 3 * 2.0 / FanOut)]
    [InlineData("variance_scaling(scale=1, mode='fan_avg', distribution='uniform')", 6.0 / (FanIn + FanOut))]
    public void Variance_scaling_uniform(string initializer, double limitSquared)
    {
        var w = Draw(initializer);
        double limit = Math.Sqrt(limitSquared);
        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        Assert.InRange(Variance(w), limitSquared / 3 * 0.97, limitSquared / 3 * 1.03);
    }

    [Fact]
    public void Variance_scaling_normals()
    {
        var untruncated = Draw("variance_scaling(scale=3, mode='fan_in', distribution='untruncated_normal')");
        Assert.InRange(Variance(untruncated), 3.0 / FanIn * 0.97, 3.0 / FanIn * 1.03);
        Assert.Contains(untruncated, v => Math.Abs(v) > 2.2 * Math.Sqrt(3.0 / FanIn));
        var truncated = Draw("variance_scaling(scale=3, mode='fan_in', distribution='truncated_normal')");
        Assert.InRange(Variance(truncated), 3.0 / FanIn * 0.97, 3.0 / FanIn * 1.03); // Keras' 0.8796 correction
    }

    [Fact]
    public void Constant_identity_and_orthogonal_take_their_arguments()
    {
        Assert.All(Draw("constant(value=0.25)"), v => Assert.Equal(0.25f, v));
        Assert.Equal(new float[] { 2, 0, 0, 0, 2, 0 }, Draw("identity(gain=2)", shape: new[] { 2, 3 }));
        var plain = Draw("orthogonal", shape: new[] { 6, 4 });
        var scaled = Draw("orthogonal(gain=3)", shape: new[] { 6, 4 });
        for (int i = 0; i < plain.Length; i++) Assert.Equal(3 * plain[i], scaled[i], 5);
    }

    [Fact]
    public void A_seed_argument_replaces_the_model_seed()
    {
        Assert.Equal(Draw("glorot_uniform(seed=5)", seed: 1), Draw("glorot_uniform(seed=5)", seed: 2));
        Assert.NotEqual(Draw("glorot_uniform(seed=5)"), Draw("glorot_uniform(seed=6)"));
    }

    /// <summary>Through the generator: what the attribute says reaches the weights, whatever the model's seed.</summary>
    [Fact]
    public void Constructor_forms_in_attributes_reach_the_weights()
    {
        var model = new ParameterizedInitializers(11);
        var weights = model.GetWeights();
        Assert.All(weights[0], v => Assert.InRange(v, 0.5f, 1f));            // RandomUniform(minval=0.5, maxval=1)
        Assert.All(weights[1], v => Assert.Equal(0.1f, v));                  // Constant(0.1)
        Assert.Equal(weights[2], new ParameterizedInitializers(12).GetWeights()[2]); // GlorotNormal(seed=3)
        var slots = ((KerasGen.Weights.IWeightLayout)model).WeightSlots;
        Assert.Equal("random_uniform(minval=0.5, maxval=1)", slots[0].Initializer);
        Assert.Equal("constant(value=0.1)", slots[1].Initializer);
        Assert.Equal("glorot_normal(seed=3)", slots[2].Initializer);
        Assert.Equal("constant", slots[3].Initializer);                           // Constant() keeps Keras' default value
        Assert.All(weights[3], v => Assert.Equal(0f, v));
    }
}

[Sequential]
[Dense(6, InputDim = 4, KernelInitializer = "RandomUniform(minval=0.5, maxval=1)", BiasInitializer = "Constant(0.1)")]
[Dense(3, KernelInitializer = "GlorotNormal(seed=3)", BiasInitializer = "Constant()")]
public partial class ParameterizedInitializers;
