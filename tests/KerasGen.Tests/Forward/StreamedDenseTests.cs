using System;
using System.Linq;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

[Sequential, Conv2D(6, 3, Padding = "same", Activation = "relu", InputShape = new[] { 7, 9, 2 }), Flatten, Dense(5, Activation = "softmax")]
public partial class StreamedOddShapes;

[Sequential, Conv2D(16, new[] { 2, 3 }, Strides = new[] { 2, 1 }, UseBias = false, InputShape = new[] { 9, 8, 3 }), Flatten, Dropout(0.5), Dense(3, UseBias = false)]
public partial class StreamedStridedNoBias;

[Sequential, Conv1D(8, 3, Padding = "causal", DilationRate = 2, Activation = "relu", InputShape = new[] { 12, 4 }), Flatten, Dense(16)]
public partial class StreamedCausalConv1D;

[Sequential, Conv2D(8, 3, UseBias = false, InputShape = new[] { 6, 6, 3 }), BatchNormalization, Flatten, Dense(2, Activation = "sigmoid")]
public partial class StreamedFolded;

[Sequential, Conv2D(6, 3, Padding = "same", Activation = "relu", InputShape = new[] { 7, 9, 2 }), Flatten, Dense(17)]
public partial class UnstreamedWideDense;

/// <summary>Two streams, the first one's Dense not the last layer: Conv2D → Flatten → Dense(16) → Reshape(8, 2) →
/// Conv1D → Flatten → Dense(3).</summary>
[Sequential, Conv2D(4, 3, Padding = "same", Activation = "relu", InputShape = new[] { 6, 8, 2 }), Flatten, Dense(16),
 Reshape(new[] { 8, 2 }), Conv1D(5, 3, Padding = "same", Activation = "relu"), Flatten, Dense(3, Activation = "softmax")]
public partial class TwoStreams;

/// <summary>The benchmarks' conv2d: passes of 12 samples (the stream's scratch sets the pass), 64 filters in 3 + 3 + 2
/// registers of the AVX2 block.</summary>
[Sequential, Conv2D(64, 3, Padding = "same", Activation = "relu", InputShape = new[] { 32, 32, 3 }), Flatten, Dense(10, Activation = "softmax")]
public partial class StreamedImageNet;

/// <summary>
/// Predict's batch path streams a convolution's rows into the Dense after its Flatten (the runtime's StreamedDense,
/// the generator's ConvDenseStreams) when the Dense has at most 16 units. Each model is checked against Keras' layers
/// in double from get_weights(), on every kernel path, for batches that end in a lone sample and batches of several
/// passes: rows that are not a multiple of four positions, filters that are not a multiple of a register, strides,
/// causal dilation, no biases, a Dropout between, a BatchNormalization folded into the convolution, and (not
/// streamed) 17 units; through the batch path and the single-sample one, which streams too. After SetWeights, both
/// must read the new weights (their kernel copy is repacked).
/// </summary>
public class StreamedDenseTests
{
    private sealed record Conv(int InHeight, int InWidth, int Channels, int Filters, int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth,
        int Dilation, int PadTop, int PadLeft, int OutHeight, int OutWidth, bool Relu);

    /// <summary>Keras' channels_last convolution of one sample; the kernel is (kh, kw, channels, filters).</summary>
    private static double[] Convolve(Conv c, ReadOnlySpan<float> x, float[] kernel, float[]? bias)
    {
        var output = new double[c.OutHeight * c.OutWidth * c.Filters];
        for (int oh = 0; oh < c.OutHeight; oh++)
            for (int ow = 0; ow < c.OutWidth; ow++)
                for (int f = 0; f < c.Filters; f++)
                {
                    double sum = bias?[f] ?? 0;
                    for (int i = 0; i < c.KernelHeight; i++)
                        for (int j = 0; j < c.KernelWidth; j++)
                        {
                            int ih = oh * c.StrideHeight + i * c.Dilation - c.PadTop, iw = ow * c.StrideWidth + j * c.Dilation - c.PadLeft;
                            if (ih < 0 || ih >= c.InHeight || iw < 0 || iw >= c.InWidth) continue;
                            for (int ch = 0; ch < c.Channels; ch++)
                                sum += (double)x[(ih * c.InWidth + iw) * c.Channels + ch] * kernel[((i * c.KernelWidth + j) * c.Channels + ch) * c.Filters + f];
                        }
                    output[(oh * c.OutWidth + ow) * c.Filters + f] = c.Relu ? Math.Max(0, sum) : sum;
                }
        return output;
    }

    private static double[] Dense(double[] x, float[] kernel, float[]? bias, int units, string activation)
    {
        var z = new double[units];
        for (int j = 0; j < units; j++)
        {
            double sum = bias?[j] ?? 0;
            for (int i = 0; i < x.Length; i++) sum += x[i] * kernel[i * units + j];
            z[j] = sum;
        }
        switch (activation)
        {
            case "softmax":
                double max = z.Max(), total = z.Sum(v => Math.Exp(v - max));
                return z.Select(v => Math.Exp(v - max) / total).ToArray();
            case "sigmoid":
                return z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
            default:
                return z;
        }
    }

    /// <summary>Keras' BatchNormalization at inference over the last axis (ε = 0.001).</summary>
    private static double[] Normalize(double[] x, float[] gamma, float[] beta, float[] mean, float[] variance) =>
        x.Select((v, i) => (v - mean[i % gamma.Length]) / Math.Sqrt(variance[i % gamma.Length] + 1e-3) * gamma[i % gamma.Length] + beta[i % gamma.Length]).ToArray();

    private sealed record Case(Func<IModel> Create, Conv Conv, Func<float[][], float[], Conv, double[]> Sample, int InputSize, int Units);

    private static double[] ConvDense(float[][] w, float[] x, Conv c, bool convBias, bool denseBias, int units, string activation)
    {
        int at = 0;
        var kernel = w[at++];
        var bias = convBias ? w[at++] : null;
        var map = Convolve(c, x, kernel, bias);
        var denseKernel = w[at++];
        return Dense(map, denseKernel, denseBias ? w[at] : null, units, activation);
    }

    private static readonly Case[] Cases =
    {
        // 9 positions a row: two blocks of four and an overlapping last one; 6 filters: a partial register.
        new(() => new StreamedOddShapes(), new Conv(7, 9, 2, 6, 3, 3, 1, 1, 1, 1, 1, 7, 9, true),
            (w, x, c) => ConvDense(w, x, c, true, true, 5, "softmax"), 7 * 9 * 2, 5),
        new(() => new StreamedStridedNoBias(), new Conv(9, 8, 3, 16, 2, 3, 2, 1, 1, 0, 0, 4, 6, false),
            (w, x, c) => ConvDense(w, x, c, false, false, 3, "linear"), 9 * 8 * 3, 3),
        // Causal: the (3 − 1)·2 padding all before the sequence.
        new(() => new StreamedCausalConv1D(), new Conv(1, 12, 4, 8, 1, 3, 1, 1, 2, 0, 4, 1, 12, true),
            (w, x, c) => ConvDense(w, x, c, true, true, 16, "linear"), 12 * 4, 16),
        new(() => new StreamedFolded(), new Conv(6, 6, 3, 8, 3, 3, 1, 1, 1, 0, 0, 4, 4, false),
            (w, x, c) => Dense(Normalize(Convolve(c, x, w[0], null), w[1], w[2], w[3], w[4]), w[5], w[6], 2, "sigmoid"), 6 * 6 * 3, 2),
        new(() => new UnstreamedWideDense(), new Conv(7, 9, 2, 6, 3, 3, 1, 1, 1, 1, 1, 7, 9, true),
            (w, x, c) => ConvDense(w, x, c, true, true, 17, "linear"), 7 * 9 * 2, 17),
        new(() => new TwoStreams(), new Conv(6, 8, 2, 4, 3, 3, 1, 1, 1, 1, 1, 6, 8, true),
            (w, x, _) => Reshaped(x.Select(v => (double)v).ToArray(), w), 6 * 8 * 2, 3),
    };

    private static double[] Reshaped(double[] x, float[][] w)
    {
        // TwoStreams: weights conv2d (kernel, bias), dense (kernel, bias), conv1d (kernel, bias), dense (kernel, bias).
        var first = Dense(Convolve(new Conv(6, 8, 2, 4, 3, 3, 1, 1, 1, 1, 1, 6, 8, true), x.Select(v => (float)v).ToArray(), w[0], w[1]), w[2], w[3], 16, "linear");
        var second = Convolve(new Conv(1, 8, 2, 5, 1, 3, 1, 1, 1, 0, 1, 1, 8, true), first.Select(v => (float)v).ToArray(), w[4], w[5]);
        return Dense(second, w[6], w[7], 3, "softmax");
    }

    public static TheoryData<int, KernelPath> CasesOnPaths()
    {
        var data = new TheoryData<int, KernelPath>();
        for (int i = 0; i < Cases.Length; i++)
            foreach (var path in new[] { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar })
                data.Add(i, path);
        return data;
    }

    private static float[][] RandomWeights(IModel model, Random random) =>
        model.GetWeights().Select((w, i) => w.Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();

    [Theory]
    [MemberData(nameof(CasesOnPaths))]
    public void A_streamed_batch_gives_kerass_layers(int index, KernelPath path)
    {
        var c = Cases[index];
        var model = c.Create();
        model.MaxDegreeOfParallelism = 1;
        var random = new Random(11 + index);
        foreach (int round in new[] { 0, 1 })
        {
            var weights = RandomWeights(model, random);
            if (model is StreamedFolded) weights[4] = weights[4].Select(v => v + 1f).ToArray(); // moving variance > 0
            model.SetWeights(weights);
            foreach (int samples in new[] { 3, 5, 23 }) // 3: the single-sample path, which streams too
            {
                var x = Enumerable.Range(0, samples * c.InputSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
                var expected = Enumerable.Range(0, samples)
                    .SelectMany(s => c.Sample(weights, x.AsSpan(s * c.InputSize, c.InputSize).ToArray(), c.Conv).Select(v => (float)v)).ToArray();
                var actual = ModelRunner.Predict(model, x, samples * c.Units, path);
                Tolerance.AssertClose(expected, actual, 1e-5, 1e-4, $"{model.GetType().Name}, {samples} samples on {path}, weights {round}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelRunner.Paths), MemberType = typeof(ModelRunner))]
    public void Several_passes_on_one_thread_or_two_give_kerass_layers(KernelPath path)
    {
        var geometry = new Conv(32, 32, 3, 64, 3, 3, 1, 1, 1, 1, 1, 32, 32, true);
        var random = new Random(3);
        var model = new StreamedImageNet(2);
        var weights = RandomWeights(model, random).Select(w => w.Select(v => v * 0.1f).ToArray()).ToArray();
        model.SetWeights(weights);
        const int samples = 30; // passes of 12, 12 and 6 on one thread; 15 a thread on two
        var x = Enumerable.Range(0, samples * 3072).Select(_ => (float)random.NextDouble()).ToArray();
        var expected = Enumerable.Range(0, samples)
            .SelectMany(s => ConvDense(weights, x.AsSpan(s * 3072, 3072).ToArray(), geometry, true, true, 10, "softmax").Select(v => (float)v)).ToArray();
        foreach (int threads in new[] { 1, 2 })
        {
            model.MaxDegreeOfParallelism = threads;
            Tolerance.AssertClose(expected, ModelRunner.Predict(model, x, samples * 10, path), 1e-5, 1e-4, $"{samples} samples on {path}, {threads} thread(s)");
        }
        var single = ModelRunner.Predict(model, x.AsSpan(0, 3072).ToArray(), 10, path); // the single-sample stream
        Tolerance.AssertClose(expected.AsSpan(0, 10), single, 1e-5, 1e-4, $"one sample on {path}");
    }

    /// <summary>Which chains the generator streams: the tests above pass whether or not it does, so this pins it.</summary>
    [Theory]
    [InlineData("Conv2D(6, 3, Padding = \"same\", Activation = \"relu\", InputShape = new[] { 7, 9, 2 }), Flatten, Dense(5)", 1)]
    [InlineData("Conv2D(4, 3, InputShape = new[] { 6, 6, 2 }), Flatten, Dropout(0.5), Dense(16), Reshape(new[] { 8, 2 }), Conv1D(5, 3, Padding = \"same\"), Flatten, Dense(3)", 2)]
    [InlineData("Conv2D(6, 3, InputShape = new[] { 7, 9, 2 }), Flatten, Dense(17)", 0)] // more than 16 units
    [InlineData("Conv2D(6, 3, Activation = \"tanh\", InputShape = new[] { 7, 9, 2 }), Flatten, Dense(5)", 0)] // not linear or relu
    [InlineData("Conv2D(6, 3, DataFormat = \"channels_first\", InputShape = new[] { 2, 7, 9 }), Flatten, Dense(5)", 0)] // Flatten order is not the rows'
    [InlineData("Conv2D(6, 3, InputShape = new[] { 7, 5, 2 }), Flatten, Dense(5)", 0)] // rows of 3 positions, under a block
    [InlineData("Conv2D(6, 1, InputShape = new[] { 7, 9, 2 }), Flatten, Dense(5)", 0)] // pointwise: no implicit GEMM
    [InlineData("Conv2D(6, 3, InputShape = new[] { 7, 9, 2 }), MaxPooling2D(2), Flatten, Dense(5)", 0)] // pooling between
    public void The_generator_streams_exactly_the_eligible_chains(string layers, int streams)
    {
        var (_, sources, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile($"using KerasGen; [Sequential, {layers}] public partial class M;"));
        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        string text = string.Concat(sources.Select(s => s.SourceText.ToString()));
        int calls = text.Split("StreamedDense<TV, TS>.Forward").Length - 1;
        Assert.Equal(streams, calls);
    }

    /// <summary>The generator sizes the packed copy and the scratch with its own copy of the runtime's formulas (it
    /// cannot call the runtime): they must agree, or the runtime reads past what the model allocated.</summary>
    [Theory]
    [InlineData(32, 32, 3, 64, 3)] // the benchmarks' conv2d: rows of 2,048 floats
    [InlineData(7, 9, 2, 6, 3)]    // rows of 54 floats, not whole cache lines
    [InlineData(1, 12, 4, 8, 3)]   // a Conv1D
    public void The_generators_sizes_are_the_runtimes(int height, int width, int channels, int filters, int kernel)
    {
        var g = new KerasGen.Kernels.WindowGeometry(height, width, channels, height, width, height == 1 ? 1 : kernel, kernel, 1, 1, 1, 1, height == 1 ? 0 : kernel / 2, kernel / 2);
        int rowFloats = width * filters, bordered = (height == 1 ? 1 : height + kernel - 1) * (width + kernel - 1) * channels;
        var rows = new KerasGen.Generator.Layers.Convolution.RowStream("", rowFloats, height, g.PatchSize, bordered, Relu: true);
        Assert.Equal(KerasGen.Kernels.StreamedDense.ChunkStride(rowFloats), KerasGen.Generator.Emit.ConvDenseStreams.ChunkStride(rowFloats));
        Assert.Equal(KerasGen.Kernels.StreamedDense.PackedFloats(height * rowFloats, 10, rowFloats), KerasGen.Generator.Emit.ConvDenseStreams.PackedFloats(rows, 10));
        Assert.Equal(KerasGen.Kernels.StreamedDense<float, KerasGen.Kernels.SimdScalar>.ScratchFloats(g, filters, 1), KerasGen.Generator.Emit.ConvDenseStreams.SingleScratchFloats(rows));
        for (int samples = 1; samples <= 32; samples++) // what a pass of up to a chunk needs, within what it gets
            Assert.True(KerasGen.Kernels.StreamedDense<float, KerasGen.Kernels.SimdScalar>.ScratchFloats(g, filters, samples)
                <= System.Math.Max(samples, KerasGen.Generator.Emit.BatchEmitter.MinSamples) * KerasGen.Generator.Emit.ConvDenseStreams.ScratchFloats(rows), $"{samples} samples");
    }
}
