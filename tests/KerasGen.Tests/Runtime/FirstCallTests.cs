using System;
using System.Runtime;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>The first model of a class compiles Predict's kernels in its constructor (issue 11), so a first Predict,
/// of one sample or of a batch, runs code that is already compiled: nothing is JIT-compiled on the calling thread.
/// Each test's model class is used nowhere else, so no other test has compiled its kernels first.</summary>
public class FirstCallTests
{
    [Fact]
    public void A_first_single_sample_predict_compiles_nothing()
    {
        var model = new FirstCallMlp(3);
        var x = new float[FirstCallMlp.InputSize];
        var y = new float[FirstCallMlp.OutputSize];
        x.AsSpan().Fill(0.5f);
        long before = JitInfo.GetCompiledMethodCount(currentThread: true);
        model.Predict(x, y);
        long after = JitInfo.GetCompiledMethodCount(currentThread: true);
        Assert.Equal(before, after);
        Assert.All(y, v => Assert.True(v > 0 && v < 1)); // a real softmax of the input, not zeros
    }

    [Fact]
    public void A_first_batch_predict_compiles_nothing()
    {
        var model = new FirstCallConvNet(3) { MaxDegreeOfParallelism = 1 };
        var x = new float[9 * FirstCallConvNet.InputSize];
        var y = new float[9 * FirstCallConvNet.OutputSize];
        x.AsSpan().Fill(0.25f);
        long before = JitInfo.GetCompiledMethodCount(currentThread: true);
        model.Predict(x, y);
        long after = JitInfo.GetCompiledMethodCount(currentThread: true);
        Assert.Equal(before, after);
        var single = new float[FirstCallConvNet.OutputSize];
        model.Predict(x.AsSpan(0, FirstCallConvNet.InputSize), single);
        for (int j = 0; j < single.Length; j++) Assert.Equal(single[j], y[8 * FirstCallConvNet.OutputSize + j], 1e-4f); // the batch kernels computed the rows
    }

    [Fact]
    public void A_first_batch_through_wide_dense_blocks_compiles_nothing()
    {
        // 13 samples through a 64-unit Dense: on AVX-512 an eight-row block, a four-row block and a one-row edge.
        var model = new FirstCallWideMlp(5) { MaxDegreeOfParallelism = 1 };
        var x = new float[13 * FirstCallWideMlp.InputSize];
        var y = new float[13 * FirstCallWideMlp.OutputSize];
        x.AsSpan().Fill(0.5f);
        long before = JitInfo.GetCompiledMethodCount(currentThread: true);
        model.Predict(x, y);
        long after = JitInfo.GetCompiledMethodCount(currentThread: true);
        Assert.Equal(before, after);
        Assert.All(y, v => Assert.True(v > 0 && v < 1)); // a real softmax of the input, not zeros
    }

    [Fact]
    public void Compiling_the_kernels_leaves_the_initialized_weights_alone()
    {
        var first = new FirstCallWeightsNet(11).GetWeights(); // the model that compiled the kernels
        var again = new FirstCallWeightsNet(11).GetWeights();
        Assert.Equal(first.Length, again.Length);
        for (int i = 0; i < first.Length; i++) Assert.Equal(first[i], again[i]);
    }
}

[Sequential]
[Dense(24, InputDim = 10, Activation = "relu")]
[Dense(3, Activation = "softmax")]
public partial class FirstCallMlp;

[Sequential]
[Dense(5, InputDim = 7, Activation = "tanh")]
public partial class FirstCallWeightsNet;

[Sequential]
[Dense(64, InputDim = 12, Activation = "relu")]
[Dense(3, Activation = "softmax")]
public partial class FirstCallWideMlp;

[Sequential]
[Conv2D(8, 3, Padding = "same", Activation = "relu", InputShape = new[] { 6, 6, 2 })]
[MaxPooling2D(2)]
[Flatten]
[Dense(4)]
public partial class FirstCallConvNet;
