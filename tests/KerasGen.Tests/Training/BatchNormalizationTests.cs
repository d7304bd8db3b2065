using System;
using System.IO;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Training;
using KerasGen.Weights;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>BatchNormalization's non-trainable weights and batch statistics (KERAS_SPEC §1.9); its values are checked
/// against TF.js in TrainingFixtureTests and its gradients in GradientCheckTests.</summary>
public class BatchNormalizationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-bn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly float[] X = Enumerable.Range(0, 6 * 4).Select(i => (float)Math.Sin(i * 0.7)).ToArray();
    private static readonly float[] Y = Enumerable.Range(0, 6 * 2).Select(i => (float)Math.Cos(i)).ToArray();

    [Fact]
    public void Summary_counts_the_moving_statistics_as_non_trainable()
    {
        string summary = new NormDense(1).Summary();
        Assert.Contains("""
            │ batch_normalization                  │ (None, 6)                   │              24 │
            │ (BatchNormalization)                 │                             │                 │
            """.Replace("\r\n", "\n"), summary);
        Assert.EndsWith(" Total params: 68 (272.00 B)\n Trainable params: 56 (224.00 B)\n Non-trainable params: 12 (48.00 B)", summary);
    }

    [Fact]
    public void A_batch_larger_than_the_training_buffers_is_refused_not_normalized_in_chunks()
    {
        var model = new NormDense(1);
        var x = new float[33 * 4];
        var y = new float[33 * 2];
        var before = model.GetWeights();
        var error = Assert.Throws<ArgumentException>(() => model.TrainOnBatch(x, y));
        Assert.Contains("a batch of 33 samples does not fit its training buffers of 32", error.Message);
        Assert.Contains("[Compile(MaxBatchSize = 33)]", error.Message);
        Assert.Throws<ArgumentException>(() => model.Fit(x, y, batchSize: 64, verbose: 0));
        Assert.Equal(before, model.GetWeights());
        model.Fit(x, y, batchSize: 32, verbose: 0); // 32 + 1: each batch whole
        model.Fit(new float[40 * 4], new float[40 * 2], batchSize: 64, validationSplit: 0.5f, verbose: 0); // 20 training rows: one whole batch
    }

    /// <summary>The moving statistics follow the batch only: weight decay and the optimizer leave them alone.</summary>
    [Fact]
    public void Moving_statistics_move_with_the_batch_and_nothing_else()
    {
        var model = new NormFirstDecayed(1);
        var x = Enumerable.Range(0, 5 * 3).Select(i => (float)(i % 4) - 1.5f * (i % 3)).ToArray();
        var y = new float[5];
        var before = model.GetWeights();
        model.TrainOnBatch(x, y);
        var after = model.GetWeights();
        for (int f = 0; f < 3; f++)
        {
            var column = Enumerable.Range(0, 5).Select(r => (double)x[r * 3 + f]).ToArray();
            double mean = column.Average(), variance = column.Select(v => (v - mean) * (v - mean)).Average();
            Assert.Equal(before[2][f] * 0.5 + mean * 0.5, after[2][f], 5);          // moving_mean, momentum 0.5
            Assert.Equal(before[3][f] * 0.5 + variance * 0.5, after[3][f], 5);      // moving_variance (biased)
        }
        Assert.NotEqual(before[0], after[0]); // gamma trains (and decays)
    }

    [Fact]
    public void Evaluate_and_predict_use_the_moving_statistics()
    {
        var model = new NormDense(2);
        for (int i = 0; i < 5; i++) model.TrainOnBatch(X, Y);
        var batch = new float[12];
        model.Predict(X, batch);
        var single = new float[2];
        model.Predict(X.AsSpan(0, 4), single);
        Tolerance.AssertClose(batch.AsSpan(0, 2).ToArray(), single, 1e-6, 1e-6, "one sample or six: no batch statistics at inference");
        var weights = model.GetWeights();
        model.Evaluate(X, Y, batchSize: 6);
        Assert.Equal(weights, model.GetWeights()); // evaluate does not move the statistics
    }

    [Fact]
    public void Resumed_training_restores_the_optimizer_state_of_trainable_weights_only()
    {
        var original = new NormDenseAdam(3);
        for (int i = 0; i < 3; i++) original.TrainOnBatch(X, Y);
        string path = Path.Combine(_folder, "bn.weights.h5");
        KerasWeights.Save(original, path, includeOptimizer: true);
        var resumed = new NormDenseAdam(9);
        resumed.LoadWeights(path);
        for (int i = 0; i < 3; i++)
        {
            original.TrainOnBatch(X, Y);
            resumed.TrainOnBatch(X, Y);
        }
        Assert.Equal(original.GetWeights(), resumed.GetWeights());
    }
}

/// <summary>Predict's folded BatchNormalization against the unfolded inference pass (ForwardBatch without training):
/// the same to float rounding on every kernel path, before and after training and after SetWeights.</summary>
public class BatchNormalizationFoldingTests
{
    public static TheoryData<string> Models() => new() { nameof(FoldDenseNoBias), nameof(FoldConv1D), nameof(FoldConv2DChannelsFirst), nameof(NormDense) };

    private static IDifferentiableModel Create(string name) => name switch
    {
        nameof(FoldDenseNoBias) => new FoldDenseNoBias(5),
        nameof(FoldConv1D) => new FoldConv1D(5),
        nameof(FoldConv2DChannelsFirst) => new FoldConv2DChannelsFirst(5),
        _ => new NormDense(5),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Folded_predict_matches_the_unfolded_inference_pass(string name)
    {
        var model = Create(name);
        var spec = model.TrainingSpec;
        var random = new Random(7);
        var x = Enumerable.Range(0, 6 * spec.InputSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = Enumerable.Range(0, 6 * spec.OutputSize).Select(_ => (float)random.NextDouble()).ToArray();
        void Check(string when)
        {
            var expected = model.ForwardBatch(x, 6, training: null).ToArray();
            foreach (var path in new[] { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar })
                foreach (int samples in new[] { 1, 6 })
                {
                    var actual = new float[samples * spec.OutputSize];
                    model.Predict(x.AsSpan(0, samples * spec.InputSize), actual, path);
                    Tolerance.AssertClose(expected.AsSpan(0, actual.Length).ToArray(), actual, 2e-5, 2e-5, $"{name} {when}, {path}, {samples} samples");
                }
        }
        Check("initial");
        for (int i = 0; i < 4; i++) ((ITrainableModel)model).TrainOnBatch(x, y);
        Check("after training");
        var weights = model.GetWeights();
        foreach (var w in weights)
            for (int i = 0; i < w.Length; i++) w[i] = w[i] * 0.5f + 0.25f; // moving variance stays positive
        model.SetWeights(weights);
        Check("after SetWeights");
    }

    [Fact]
    public void Threads_predicting_after_a_change_all_see_the_refolded_weights()
    {
        var model = new FoldConv1D(3);
        var x = Enumerable.Range(0, 8 * 2).Select(i => (float)Math.Sin(i)).ToArray();
        var weights = model.GetWeights();
        weights[3] = weights[3].Select(v => v + 1f).ToArray(); // beta
        model.SetWeights(weights);
        var expected = ((IDifferentiableModel)model).ForwardBatch(x.AsSpan(0, 16), 1, training: null).ToArray();
        var results = new float[16][];
        System.Threading.Tasks.Parallel.For(0, 16, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 16 }, t =>
        {
            var y = new float[expected.Length];
            for (int i = 0; i < 200; i++) model.Predict(x, y);
            results[t] = y;
        });
        foreach (var y in results) Tolerance.AssertClose(expected, y, 2e-5, 2e-5, "a thread's Predict");
    }

    [Fact]
    public void The_normalization_is_folded_out_of_predict()
    {
        const string source = """
            using KerasGen;
            [Sequential, Conv2D(4, 3, UseBias = false, InputShape = new[] { 8, 8, 2 }), BatchNormalization, Activation("relu"), Flatten, Dense(2)]
            public partial class M;
            """;
        var (_, generated, _) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        string text = string.Join("\n", generated.Select(g => g.SourceText.ToString()));
        Assert.Contains("BatchNormalization.Fold(", text);
        Assert.DoesNotContain("BatchNormalization.Inference(", text); // no [Compile]: the only inference pass is Predict's
    }
}

[Sequential, Dense(5, InputDim = 4, UseBias = false), BatchNormalization(Momentum = 0.5), Activation("relu"), Dense(2), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class FoldDenseNoBias;

[Sequential, Conv1D(3, 2, InputShape = new[] { 8, 2 }), BatchNormalization(Momentum = 0.5, Epsilon = 0.01), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class FoldConv1D;

[Sequential, Conv2D(3, 2, DataFormat = "channels_first", UseBias = false, InputShape = new[] { 2, 5, 4 }), BatchNormalization(Axis = 1, Scale = false, Momentum = 0.5), Flatten, Dense(2),
 Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class FoldConv2DChannelsFirst;

[Sequential, BatchNormalization(InputShape = new[] { 3 }, Momentum = 0.5), Dense(1), Compile(Loss = "mse", Optimizer = "adamw", LearningRate = 0.1, WeightDecay = 0.5)]
public partial class NormFirstDecayed;

[Sequential, Dense(6, InputDim = 4), BatchNormalization, Activation("relu"), Dense(2), Compile(Loss = "mse", Optimizer = "adam", LearningRate = 0.01)]
public partial class NormDenseAdam;
