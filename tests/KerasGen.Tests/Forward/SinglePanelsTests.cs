using System;
using System.Reflection;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>A single sample's wide Dense layers read the packed panels once the copy is current, and the rows while
/// it is stale (after a weight change, until the 16th single-sample call that finds it stale or a batch repacks it).</summary>
public class SinglePanelsTests
{
    [Theory]
    [InlineData(KernelPath.Auto)]
    [InlineData(KernelPath.Vector512)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector128)]
    public void After_a_weight_change_single_samples_use_the_new_weights_whether_the_copy_is_stale_or_repacked(KernelPath path)
    {
        var model = new DenseWideTanh(1);
        var x = TestData.Uniform(DenseWideTanh.InputSize, 5);
        var before = new float[DenseWideTanh.OutputSize];
        model.Predict(x, before, path);
        var weights = model.GetWeights();
        for (int i = 0; i < weights.Length; i++) weights[i] = TestData.Uniform(weights[i].Length, 40 + i);
        model.SetWeights(weights);
        var expected = RowKernels(model, x, path);
        Assert.NotEqual(before, expected);
        for (int call = 1; call <= 20; call++)
        {
            var y = new float[DenseWideTanh.OutputSize];
            model.Predict(x, y, path);
            Assert.True(expected.AsSpan().SequenceEqual(y), $"single-sample call {call} after SetWeights on {path}");
        }
    }

    [Fact]
    public void A_stale_copy_is_repacked_at_the_sixteenth_single_sample_call_not_the_first()
    {
        var model = new DenseWideTanh(1);
        var x = TestData.Uniform(DenseWideTanh.InputSize, 5);
        var y = new float[DenseWideTanh.OutputSize];
        model.Predict(new float[4 * DenseWideTanh.InputSize], new float[4 * DenseWideTanh.OutputSize]);
        Assert.True(Current(model), "a batch Predict leaves a current copy");
        model.SetWeights(model.GetWeights());
        for (int call = 1; call < 16; call++)
        {
            model.Predict(x, y);
            Assert.False(Current(model), $"call {call} after SetWeights repacked the copy");
        }
        model.Predict(x, y);
        // Without vector acceleration single samples read the rows on every path, and never repack.
        bool repacks = System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        Assert.True(Current(model) == repacks, repacks ? "the 16th call after SetWeights did not repack the copy" : "a single sample repacked a copy the portable path never reads");
    }

    /// <summary>Guards the feature itself (the tests above pass just as well if nothing read the panels): with a current
    /// copy full of NaN, a single sample on a vector path gives NaN, so it read the copy; the portable path, and every
    /// path on a machine without vector acceleration, reads the rows.</summary>
    [Theory]
    [InlineData(KernelPath.Vector512)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector128)]
    [InlineData(KernelPath.Scalar)]
    public void A_current_copy_is_what_a_single_sample_reads_on_the_vector_paths(KernelPath path)
    {
        var model = new DenseWideTanh(1);
        var x = TestData.Uniform(DenseWideTanh.InputSize, 5);
        model.Predict(new float[4 * DenseWideTanh.InputSize], new float[4 * DenseWideTanh.OutputSize]);
        Assert.True(Current(model), "a batch Predict leaves a current copy");
        var packed = (KerasGen.Kernels.AlignedBuffer)typeof(DenseWideTanh).GetField("_packedWeights", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(model)!;
        packed.Span.Fill(float.NaN);
        var y = new float[DenseWideTanh.OutputSize];
        model.Predict(x, y, path);
        bool readsCopy = path != KernelPath.Scalar && System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated;
        Assert.True(float.IsNaN(y[0]) == readsCopy, $"{path}: output {y[0]}, expected {(readsCopy ? "NaN (the copy)" : "a number (the rows)")}");
    }

    /// <summary>Two copies of the sample in one call: the row kernels, which read the weights in place.</summary>
    private static float[] RowKernels(DenseWideTanh model, float[] x, KernelPath path)
    {
        var pair = new float[2 * x.Length];
        x.CopyTo(pair, 0);
        x.CopyTo(pair, x.Length);
        var y = new float[2 * DenseWideTanh.OutputSize];
        model.Predict(pair, y, path);
        return y[..DenseWideTanh.OutputSize];
    }

    private static bool Current(DenseWideTanh model)
    {
        int Field(string name) => (int)typeof(DenseWideTanh).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(model)!;
        return Field("_packedVersion") == Field("_weightsVersion");
    }
}
