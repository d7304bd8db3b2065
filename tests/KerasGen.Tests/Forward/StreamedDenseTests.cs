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

/// <summary>
/// Predict's batch path streams a convolution's rows into the Dense after its Flatten (the runtime's StreamedDense,
/// the generator's ConvDenseStreams) when the Dense has at most 16 units. Each model is checked against Keras' layers
/// in double from get_weights(), on every kernel path, for batches that end in a lone sample and batches of several
/// passes: rows that are not a multiple of four positions, filters that are not a multiple of a register, strides,
/// causal dilation, no biases, a Dropout between, a BatchNormalization folded into the convolution, and (not
/// streamed) 17 units. After SetWeights, the batch path must read the new weights (its kernel copy is repacked).
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
    };

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
            foreach (int samples in new[] { 5, 23 })
            {
                var x = Enumerable.Range(0, samples * c.InputSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
                var expected = Enumerable.Range(0, samples)
                    .SelectMany(s => c.Sample(weights, x.AsSpan(s * c.InputSize, c.InputSize).ToArray(), c.Conv).Select(v => (float)v)).ToArray();
                var actual = ModelRunner.Predict(model, x, samples * c.Units, path);
                Tolerance.AssertClose(expected, actual, 1e-5, 1e-4, $"{model.GetType().Name}, {samples} samples on {path}, weights {round}");
            }
        }
    }
}
