using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>A single sample of a small Dense stack runs register-chained (PredictOne{path}); two samples still run the
/// row kernels, which the TF.js tests check. The two must agree bit for bit on every path.</summary>
public class ChainedForwardTests
{
    private static readonly Dictionary<string, Func<Case>> Chained = new()
    {
        ["pima"] = Of<PimaModel>,
        ["pima_first"] = Of<DensePimaFirst>,
        ["tiny"] = Of<DenseTiny>,
        ["dropout_inference"] = Of<DropoutInference>,
        ["activation_layer"] = Of<ChainedWithActivationLayer>,
        ["widest"] = Of<ChainedWidest>,
    };

    /// <summary>Too wide (37 inputs, 33 units), not element-wise (softmax) or an Activation layer with a scalar tail
    /// (9 units): one sample takes the row kernels.</summary>
    private static readonly Dictionary<string, Func<Case>> NotChained = new()
    {
        ["odd_sigmoid"] = Of<DenseOddSigmoid>,
        ["no_bias"] = Of<DenseNoBias>,
        ["softmax10"] = Of<DenseSoftmax10>,
        ["activation_layers"] = Of<ActivationLayers>,
        ["activation_tail"] = Of<ActivationTailNotChained>,
    };

    /// <summary>Chains at 256 and 128 bits, not at 512 (an 8-unit Activation layer).</summary>
    private static readonly Dictionary<string, Func<Case>> Below512 = new() { ["below_512"] = Of<ChainedBelow512> };

    private sealed record Case(IModel Model, int InputSize, int OutputSize);

    private static Case Of<T>() where T : ISequentialModel, new() => new(new T(), T.InputSize, T.OutputSize);

    private static readonly KernelPath[] Paths = { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar };

    public static IEnumerable<object[]> Cases() =>
        from name in Chained.Keys.Concat(NotChained.Keys).Concat(Below512.Keys) from path in Paths select new object[] { name, path };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_sample_has_the_row_kernels_bits(string name, KernelPath path)
    {
        var (model, input, output) = (Chained.TryGetValue(name, out var make) ? make : NotChained.TryGetValue(name, out make) ? make : Below512[name])();
        var weights = model.GetWeights();
        for (int i = 0; i < weights.Length; i++) weights[i] = TestData.Uniform(weights[i].Length, 17 + i);
        model.SetWeights(weights);
        var x = TestData.Uniform(5 * input, 3);
        for (int n = 0; n < 5; n++)
        {
            var sample = x.AsSpan(n * input, input);
            var one = new float[output];
            model.Predict(sample, one, path);
            var two = new float[2 * output];
            var pair = new float[2 * input];
            sample.CopyTo(pair);
            sample.CopyTo(pair.AsSpan(input));
            model.Predict(pair, two, path);
            for (int k = 0; k < output; k++)
                Assert.True(BitConverter.SingleToInt32Bits(one[k]) == BitConverter.SingleToInt32Bits(two[k]),
                    $"{name} on {path}, sample {n}, output {k}: one sample {one[k]:R}, two samples {two[k]:R}");
        }
    }

    [Fact]
    public void Small_dense_stacks_chain_on_the_vector_paths_and_the_rest_do_not()
    {
        foreach (var (name, make) in Chained)
        {
            var kernels = Kernels(make().Model);
            Assert.True(kernels.GetMethod("PredictOneV512") is not null && kernels.GetMethod("PredictOneV256") is not null, name);
            Assert.True(kernels.GetMethod("PredictOneScalar") is null, name);
        }
        Assert.True(Kernels(new ChainedWithActivationLayer()).GetMethod("PredictOneV128") is null, "20 units are five 128-bit registers");
        Assert.True(Kernels(new PimaModel()).GetMethod("PredictOneV128") is not null, "pima on 128 bits");
        var below = Kernels(new ChainedBelow512());
        Assert.True(below.GetMethod("PredictOneV512") is null && below.GetMethod("PredictOneV256") is not null && below.GetMethod("PredictOneV128") is not null,
            "an 8-unit Activation layer chains at 256 and 128 bits, not at 512");
        foreach (var (name, make) in NotChained)
            Assert.True(Kernels(make().Model).GetMethods().All(m => !m.Name.StartsWith("PredictOne", StringComparison.Ordinal)), name);
    }

    /// <summary>On AVX-512 the automatic Predict runs the 256-bit chain when every Dense has at most 16 units (one
    /// 512-bit register), the 512-bit chain above that; a chosen path runs its own chain.</summary>
    [Theory]
    [InlineData(12, "PredictOneV256")]
    [InlineData(16, "PredictOneV256")]
    [InlineData(17, "PredictOneV512")]
    [InlineData(32, "PredictOneV512")]
    public void The_automatic_predict_on_avx512_chains_at_256_bits_when_each_layer_fits_one_512_bit_register(int units, string expected)
    {
        string source = $$"""
            using KerasGen;
            [Sequential]
            [Dense({{units}}, InputDim = 8, Activation = "relu")]
            [Dense(4, Activation = "sigmoid")]
            public partial class M;
            """;
        string generated = Support.CompilerHarness.Generate(Support.CompilerHarness.Compile(source)).Sources.Single().SourceText.ToString();
        string automatic = generated.Substring(generated.IndexOf("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y)", StringComparison.Ordinal));
        string avx512 = automatic.Substring(automatic.IndexOf("Vector512.IsHardwareAccelerated", StringComparison.Ordinal));
        avx512 = avx512.Substring(0, avx512.IndexOf("return;", StringComparison.Ordinal));
        Assert.Contains($"Kernels.{expected}(", avx512);
        string chosen = generated.Substring(generated.IndexOf("path == global::KerasGen.KernelPath.Vector512)", StringComparison.Ordinal));
        chosen = chosen.Substring(0, chosen.IndexOf("return;", StringComparison.Ordinal));
        Assert.Contains("Kernels.PredictOneV512(", chosen);
    }

    /// <summary>The generated kernels class (file-local, so found by its name's end).</summary>
    private static Type Kernels(IModel model) =>
        model.GetType().Assembly.GetTypes().Single(t => t.Name.EndsWith("__" + model.GetType().Name + "Kernels", StringComparison.Ordinal) || t.FullName == $"KerasGen.Generated.{model.GetType().Name}Kernels");
}
