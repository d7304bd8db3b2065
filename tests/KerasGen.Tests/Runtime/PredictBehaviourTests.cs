using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>What Predict promises besides its values: no allocation, thread safety, agreement of every kernel path,
/// clear errors, and generated methods the JIT fully optimizes.</summary>
public class PredictBehaviourTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public PredictBehaviourTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private static float[] RandomInput(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void Predict_allocates_nothing_after_warm_up()
    {
        var pima = new PimaModel(3);
        var mnist = new MnistMlp(3);
        var (x8, y1) = (RandomInput(8, 1), new float[1]);
        var (x784, y10) = (RandomInput(784 * 4, 2), new float[40]);
        Allocations.AssertNone(
            () =>
            {
                for (int i = 0; i < 2_000; i++) pima.Predict(x8, y1);
                for (int i = 0; i < 200; i++) mnist.Predict(x784, y10);
            },
            () =>
            {
                for (int i = 0; i < 10_000; i++) pima.Predict(x8, y1);
                for (int i = 0; i < 100; i++) mnist.Predict(x784, y10);
            });
    }

    [Fact]
    public void Eight_threads_on_one_instance_get_the_single_thread_results()
    {
        var model = new MnistMlp(11);
        var inputs = Enumerable.Range(0, 8).Select(t => RandomInput(784 * 3, 100 + t)).ToArray();
        var expected = inputs.Select(x => { var y = new float[30]; model.Predict(x, y); return y; }).ToArray();
        var results = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var y = new float[30];
            for (int round = 0; round < 50; round++)
            {
                model.Predict(inputs[t], y);
                if (!y.SequenceEqual(expected[t])) throw new InvalidOperationException($"thread {t}, round {round}: results differ");
            }
            results[t] = y;
        });
        for (int t = 0; t < 8; t++) Assert.Equal(expected[t], results[t]);
    }

    [Theory]
    [InlineData(KernelPath.Vector512)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector128)]
    public void Every_vector_path_agrees_with_the_portable_path(KernelPath path)
    {
        foreach (var (model, inputSize, outputSize) in new (IModel, int, int)[]
                 {
                     (new MnistMlp(5), 784, 10), (new PimaModel(5), 8, 1), (new DenseWideTanh(5), 100, 70),
                     (new ReshapeChain(5), 6, 2), (new DensePerStepSoftmax(5), 24, 36), (new ActivationLayers(5), 7, 6),
                 })
        {
            var x = RandomInput(inputSize * 5, 9);
            var scalar = ModelRunner.Predict(model, x, outputSize * 5, KernelPath.Scalar);
            var vector = ModelRunner.Predict(model, x, outputSize * 5, path);
            Tolerance.AssertClose(scalar, vector, 1e-6 * scalar.Max(Math.Abs), 1e-6, $"{model.GetType().Name} on {path}");
        }
    }

    /// <summary>Predict on 4+ samples takes the batch kernels (chunks of 32, four samples per weight load); one sample
    /// at a time takes the unrolled per-sample kernels. 37 samples cover a partial chunk and a partial row block.</summary>
    [Theory]
    [InlineData(KernelPath.Auto)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Scalar)]
    public void Batch_and_single_sample_predictions_agree(KernelPath path)
    {
        foreach (var (model, inputSize, outputSize) in new (IModel, int, int)[]
                 {
                     (new MnistMlp(5), 784, 10), (new PimaModel(5), 8, 1), (new ReshapeChain(5), 6, 2),
                     (new DensePerStepSoftmax(5), 24, 36), (new ActivationLayers(5), 7, 6), (new GluLayer(5), 40, 20),
                 })
        {
            var x = RandomInput(inputSize * 37, 3);
            var batch = ModelRunner.Predict(model, x, outputSize * 37, path);
            var single = new float[outputSize * 37];
            for (int n = 0; n < 37; n++)
                model.Predict(x.AsSpan(n * inputSize, inputSize), single.AsSpan(n * outputSize, outputSize), path);
            Tolerance.AssertClose(single, batch, 1e-6 * single.Max(Math.Abs), 1e-6, $"{model.GetType().Name} on {path}");
        }
    }

    [Fact]
    public void Wrong_lengths_throw_with_expected_and_actual()
    {
        var model = new PimaModel(1);
        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[7], new float[1]));
        Assert.Contains("8 values (InputSize)", error.Message);
        Assert.Contains("length is 7", error.Message);
        Assert.Throws<ArgumentException>(() => model.Predict(Array.Empty<float>(), Array.Empty<float>()));
        error = Assert.Throws<ArgumentException>(() => model.Predict(new float[16], new float[3]));
        Assert.Contains("2 × 1 = 2 values", error.Message);
        Assert.Contains("length is 3", error.Message);
    }

    [Fact]
    public void SetWeights_rejects_wrong_lists_and_leaves_the_model_unchanged()
    {
        var model = new PimaModel(4);
        var before = model.GetWeights();
        var error = Assert.Throws<ArgumentException>(() => model.SetWeights(before.Take(5).ToList()));
        Assert.Contains("length 5", error.Message);
        Assert.Contains("expecting 6 weights", error.Message);
        var wrong = before.Select(w => w.ToArray()).ToList();
        wrong[0] = wrong[0].Select(_ => 9f).ToArray();   // a valid weight before the bad one must not be written either
        wrong[2] = new float[95];
        error = Assert.Throws<ArgumentException>(() => model.SetWeights(wrong));
        Assert.Contains("'dense_1' weight 'kernel'", error.Message);
        Assert.Contains("(12, 8)", error.Message);
        Assert.Contains("has 95", error.Message);
        Assert.Equal(before, model.GetWeights());
    }

    [Fact]
    public void GetWeights_round_trips_through_SetWeights_in_keras_layout()
    {
        var model = new FlattenExample(1);
        var weights = model.GetWeights();
        Assert.Equal(new[] { 6 * 16, 16, 16 * 4, 4 }, weights.Select(w => w.Length));
        var changed = weights.Select((w, i) => w.Select((_, j) => i * 1000f + j).ToArray()).ToList();
        model.SetWeights(changed);
        Assert.Equal(changed, model.GetWeights());
    }

    /// <summary>The JIT optimizes no method above 60,000 bytes of IL (DESIGN.md): every generated method of the
    /// largest model stays far below it.</summary>
    [Fact]
    public void Generated_methods_stay_small_enough_for_the_optimizing_jit()
    {
        // Measured for the 784-512-256-10 model: see the README's performance notes.
        var models = new[] { typeof(MnistMlp), typeof(DenseBig), typeof(PimaModel) };
        // The model classes and their kernels classes (file-local, so found by their names' end).
        var kernels = models.Select(m => m.Assembly.GetTypes().Single(t => t.Name.EndsWith("__" + m.Name + "Kernels", StringComparison.Ordinal) || t.FullName == $"KerasGen.Generated.{m.Name}Kernels"));
        foreach (var type in models.Concat(kernels))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            var largest = methods.Select(m => (m.Name, Size: m.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0)).MaxBy(m => m.Size);
            _output.WriteLine($"{type.Name}: largest generated method {largest.Name}, {largest.Size} bytes of IL");
            Assert.True(largest.Size < 20_000, $"{type.Name}.{largest.Name} has {largest.Size} bytes of IL");
            Assert.All(methods, m => Assert.True((m.GetMethodBody()?.LocalVariables.Count ?? 0) < 500, $"{type.Name}.{m.Name} has too many locals"));
        }
    }
}
