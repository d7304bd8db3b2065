using System;
using System.Linq;
using System.Runtime.Intrinsics;
using KerasGen.Kernels;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>
/// The Dense backward kernels against their definitions, on every register width: the weight gradient
/// (<c>AccumulateGradients</c>, 4×4 blocks on AVX-512, 4×3 on 16-register machines, 4×1 for a row's last registers,
/// one kernel row at a time at the edges) over a range of kernel rows, and the input gradient (<c>InputGradient</c>,
/// 4×4 or 4×3 dot-product blocks). Strides 16 … 272 leave 0, 8 or 16 columns past the last 24-column block; input
/// counts leave 0 … 3 kernel rows past the last block of four or three. The blocks give the bits of the one-row edge
/// code (each sum adds its terms in the same order), and nothing is written past a buffer's end.
/// </summary>
public class DenseGradientKernelTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(48)]
    [InlineData(70)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(260)]
    public void Weight_gradient_adds_x_times_dz_to_its_rows_only(int units)
    {
        int stride = (units + 15) / 16 * 16;
        foreach (int inputs in new[] { 1, 6, 13 })
            foreach (int rows in new[] { 1, 4, 33 })
                foreach ((int first, int count) in new[] { (0, inputs), (1, inputs - 2), (inputs / 2, inputs - inputs / 2) })
                {
                    if (count <= 0) continue;
                    var random = new Random(units * 10_000 + inputs * 100 + rows);
                    var x = Values(random, rows * inputs);
                    var dz = Padded(random, rows, units, stride);
                    var dKernel = Values(random, inputs * stride).Concat(Enumerable.Repeat(float.NaN, 64)).ToArray(); // NaNs past the end must stay
                    var dBias = Values(random, stride);
                    Check<Vector512<float>, Simd512>();
                    Check<Vector256<float>, Simd256>();
                    Check<Vector128<float>, Simd128>();
                    Check<float, SimdScalar>();

                    void Check<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
                    {
                        var gradient = (float[])dKernel.Clone();
                        var biasGradient = (float[])dBias.Clone();
                        DenseTraining<TV, TS>.AccumulateGradients(ref x[0], ref dz[0], ref gradient[0], ref biasGradient[0], true, rows, inputs, stride, first, count);
                        string where = $"{typeof(TS).Name}, {rows} rows, {inputs} inputs → {units} units, kernel rows {first}..{first + count - 1}";
                        // The blocks add the batch rows in the order one kernel row at a time does: the same bits.
                        var byRow = (float[])dKernel.Clone();
                        for (int i = first; i < first + count; i++)
                            DenseTraining<TV, TS>.AccumulateGradients(ref x[0], ref dz[0], ref byRow[0], ref biasGradient[0], false, rows, inputs, stride, i, 1);
                        for (int at = 0; at < gradient.Length; at++)
                            Assert.True(BitConverter.SingleToInt32Bits(gradient[at]) == BitConverter.SingleToInt32Bits(byRow[at]), $"{where}: element {at} is {gradient[at]:R}, one kernel row at a time gives {byRow[at]:R}");
                        for (int i = 0; i < inputs; i++)
                            for (int j = 0; j < stride; j++)
                            {
                                int at = i * stride + j;
                                if (i < first || i >= first + count)
                                {
                                    Assert.True(BitConverter.SingleToInt32Bits(gradient[at]) == BitConverter.SingleToInt32Bits(dKernel[at]), $"{where}: row {i} outside the range changed at column {j}");
                                    continue;
                                }
                                double want = dKernel[at];
                                for (int r = 0; r < rows; r++) want += (double)x[r * inputs + i] * dz[r * stride + j];
                                Assert.True(Math.Abs(gradient[at] - want) <= 1e-4, $"{where}: dW[{i}, {j}] is {gradient[at]}, the definition gives {want}");
                            }
                        Assert.True(gradient.Skip(inputs * stride).All(float.IsNaN), $"{where}: wrote past the kernel gradient's end");
                        for (int j = 0; j < stride; j++)
                        {
                            double want = dBias[j];
                            for (int r = 0; r < rows; r++) want += dz[r * stride + j];
                            Assert.True(Math.Abs(biasGradient[j] - want) <= 1e-4, $"{where}: db[{j}] is {biasGradient[j]}, the definition gives {want}");
                        }
                    }
                }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(48)]
    [InlineData(100)]
    [InlineData(260)]
    public void Input_gradient_is_dz_times_the_kernel_transposed(int units)
    {
        int stride = (units + 15) / 16 * 16;
        foreach (int inputs in new[] { 1, 2, 3, 4, 5, 7, 12, 13 })
            foreach (int rows in new[] { 1, 4, 9 })
            {
                var random = new Random(units * 1000 + inputs * 10 + rows);
                var dz = Padded(random, rows, units, stride);
                var kernel = Padded(random, inputs, units, stride);
                Check<Vector512<float>, Simd512>();
                Check<Vector256<float>, Simd256>();
                Check<Vector128<float>, Simd128>();
                Check<float, SimdScalar>();

                void Check<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
                {
                    var dx = Enumerable.Repeat(float.NaN, rows * inputs + 8).ToArray();
                    DenseTraining<TV, TS>.InputGradient(ref dz[0], ref kernel[0], ref dx[0], rows, inputs, stride);
                    // The blocks' dot products add their terms in the order one batch row at a time does: the same bits.
                    var byRow = new float[inputs];
                    for (int r = 0; r < rows; r++)
                    {
                        DenseTraining<TV, TS>.InputGradient(ref dz[r * stride], ref kernel[0], ref byRow[0], 1, inputs, stride);
                        for (int i = 0; i < inputs; i++)
                            Assert.True(BitConverter.SingleToInt32Bits(dx[r * inputs + i]) == BitConverter.SingleToInt32Bits(byRow[i]), $"{typeof(TS).Name}, {rows} rows, {inputs} inputs, {units} units: dx[{r}, {i}] is {dx[r * inputs + i]:R}, one row at a time gives {byRow[i]:R}");
                    }
                    for (int r = 0; r < rows; r++)
                        for (int i = 0; i < inputs; i++)
                        {
                            double want = 0;
                            for (int j = 0; j < units; j++) want += (double)dz[r * stride + j] * kernel[i * stride + j];
                            Assert.True(Math.Abs(dx[r * inputs + i] - want) <= 1e-4, $"{typeof(TS).Name}, {rows} rows, {inputs} inputs, {units} units: dx[{r}, {i}] is {dx[r * inputs + i]}, the definition gives {want}");
                        }
                    Assert.True(dx.Skip(rows * inputs).All(float.IsNaN), $"{typeof(TS).Name}: wrote past the input gradient's end");
                }
            }
    }

    private static float[] Values(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();

    /// <summary>Rows of <paramref name="units"/> values padded with zeros to <paramref name="stride"/>, as the model keeps them.</summary>
    private static float[] Padded(Random random, int rows, int units, int stride)
    {
        var values = new float[rows * stride];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < units; j++) values[r * stride + j] = (float)(random.NextDouble() - 0.5);
        return values;
    }
}
