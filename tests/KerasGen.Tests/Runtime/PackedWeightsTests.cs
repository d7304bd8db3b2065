using System;
using System.Linq;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>Batch Predict reads Dense kernels from a packed copy (the runtime's <c>PackedPanels</c>); every write to
/// the weights must reach it. Each check compares a batch Predict with single-sample Predicts, which read the weights
/// themselves, after the copy was made from older weights.</summary>
public class PackedWeightsTests
{
    private static readonly KernelPath[] Paths = { KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar };

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    /// <summary>A batch of <paramref name="samples"/> on <paramref name="path"/> equals the samples one at a time.</summary>
    private static void AssertBatchReadsCurrentWeights(IModel model, int inputSize, int outputSize, int samples, KernelPath path, string what)
    {
        var x = Values(samples * inputSize, 5);
        var batch = new float[samples * outputSize];
        model.Predict(x, batch, path);
        var single = new float[samples * outputSize];
        for (int n = 0; n < samples; n++)
            model.Predict(x.AsSpan(n * inputSize, inputSize), single.AsSpan(n * outputSize, outputSize), path);
        Tolerance.AssertClose(single, batch, 1e-5, 1e-4, $"{what} on {path}");
    }

    [Fact]
    public void A_batch_predict_after_SetWeights_reads_the_new_weights()
    {
        foreach (var path in Paths)
        {
            var model = new PackedMlp(1);
            AssertBatchReadsCurrentWeights(model, PackedMlp.InputSize, PackedMlp.OutputSize, 9, path, "initial weights"); // packs them
            model.SetWeights(model.GetWeights().Select((w, i) => Values(w.Length, 100 + i)).ToArray());
            AssertBatchReadsCurrentWeights(model, PackedMlp.InputSize, PackedMlp.OutputSize, 9, path, "after SetWeights");
        }
    }

    [Fact]
    public void A_batch_predict_after_training_reads_the_trained_weights()
    {
        var model = new PackedTrainableMlp(2) { MaxDegreeOfParallelism = 1 };
        AssertBatchReadsCurrentWeights(model, PackedTrainableMlp.InputSize, PackedTrainableMlp.OutputSize, 6, KernelPath.Auto, "before training");
        var before = new float[4 * PackedTrainableMlp.OutputSize];
        var x = Values(4 * PackedTrainableMlp.InputSize, 5);
        model.Predict(x, before);
        var xt = Values(16 * PackedTrainableMlp.InputSize, 7);
        var yt = Values(16 * PackedTrainableMlp.OutputSize, 8);
        for (int step = 0; step < 5; step++) model.TrainOnBatch(xt, yt);
        var after = new float[before.Length];
        model.Predict(x, after);
        Assert.NotEqual(before, after); // the step moved the weights
        AssertBatchReadsCurrentWeights(model, PackedTrainableMlp.InputSize, PackedTrainableMlp.OutputSize, 6, KernelPath.Auto, "after training");
    }

    [Fact]
    public void A_batch_predict_after_LoadWeights_reads_the_loaded_weights()
    {
        var source = new PackedMlp(3);
        var target = new PackedMlp(4);
        AssertBatchReadsCurrentWeights(target, PackedMlp.InputSize, PackedMlp.OutputSize, 8, KernelPath.Auto, "own weights");
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kerasgen-packed-{Guid.NewGuid():N}.weights.h5");
        try
        {
            source.SaveWeights(path);
            target.LoadWeights(path);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
        var x = Values(8 * PackedMlp.InputSize, 5);
        var expected = new float[8 * PackedMlp.OutputSize];
        var actual = new float[expected.Length];
        source.Predict(x, expected);
        target.Predict(x, actual);
        Assert.Equal(expected, actual);
    }
}

/// <summary>Units that fill no panel exactly (37, 5) and one that fills two (32).</summary>
[Sequential]
[Dense(37, InputDim = 11, Activation = "relu")]
[Dense(32, Activation = "tanh")]
[Dense(5)]
public partial class PackedMlp;

[Sequential]
[Dense(21, InputDim = 6, Activation = "relu")]
[Dense(3)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class PackedTrainableMlp;
