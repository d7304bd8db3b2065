using System;
using System.Linq;
using System.Runtime.Intrinsics;
using KerasGen.Kernels;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>The batch Dense product against a plain triple loop, on every register width, including the packed path
/// for long rows that are a multiple of 4 KB (with leftover rows, no bias, a partial panel, and a row stride), and
/// rows enough for AVX-512's 8-row blocks.</summary>
public class DenseKernelTests
{
    [Theory]
    [InlineData(5, 4096, 10, true)]
    [InlineData(9, 8192, 37, false)]
    [InlineData(4, 3000, 16, true)]
    [InlineData(7, 2048, 5, true)]
    [InlineData(13, 100, 100, false)] // AVX-512: 8×3 and 4×3 blocks on two 48-column panels, a one-register tail
    [InlineData(12, 64, 130, true)]
    public void Forward_matches_the_definition_on_every_register_width(int rows, int inputs, int units, bool hasBias)
    {
        var random = new Random(rows * inputs + units);
        int stride = (units + 15) / 16 * 16, zStride = units + 3;
        var x = Enumerable.Range(0, rows * inputs).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var kernel = new float[inputs * stride];
        for (int i = 0; i < inputs; i++)
            for (int j = 0; j < units; j++) kernel[i * stride + j] = (float)(random.NextDouble() - 0.5);
        var bias = new float[stride];
        for (int j = 0; j < units; j++) bias[j] = (float)random.NextDouble();
        var expected = new float[rows * zStride];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < units; j++)
            {
                double sum = hasBias ? bias[j] : 0;
                for (int i = 0; i < inputs; i++) sum += (double)x[r * inputs + i] * kernel[i * stride + j];
                expected[r * zStride + j] = (float)sum;
            }
        Check<Vector512<float>, Simd512>();
        Check<Vector256<float>, Simd256>();
        Check<Vector128<float>, Simd128>();
        Check<float, SimdScalar>();

        void Check<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
        {
            var z = new float[rows * zStride + 64];
            DenseTraining<TV, TS>.Forward(ref x[0], ref kernel[0], ref bias[0], hasBias, ref z[0], rows, inputs, units, stride, zStride);
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < zStride; j++)
                {
                    float want = j < units ? expected[r * zStride + j] : 0f; // the gap between rows is never written
                    Assert.True(Math.Abs(z[r * zStride + j] - want) <= 1e-3f, $"{typeof(TS).Name}: row {r}, column {j}: {z[r * zStride + j]} != {want}");
                }
        }
    }
}

/// <summary>Batch Predict's Dense product from packed panels (PackedPanels, 48 columns: AVX-512's 4×3 block, two of
/// AVX2's, the 4×2 block inside a panel on narrower paths, narrower blocks for a layer's last columns) gives the row kernel's bits, on every register width: partial last panels,
/// a last panel wider than the row's stride, no bias, leftover rows.</summary>
public class PackedPanelKernelTests
{
    /// <summary>Inputs, a kernel of rows <paramref name="stride"/> apart (zero padding columns) with its bias row right
    /// after it, then values that must not leak in (NaN), and the kernel's packed panels.</summary>
    private static (float[] X, float[] Weights, float[] Packed) Layer(Random random, int rows, int inputs, int units, int stride)
    {
        var x = Enumerable.Range(0, rows * inputs).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var weights = Enumerable.Repeat(float.NaN, (inputs + 1) * stride + 64).ToArray();
        for (int i = 0; i <= inputs; i++)
            for (int j = 0; j < stride; j++) weights[i * stride + j] = j < units ? (float)(random.NextDouble() - 0.5) : 0f;
        var packed = Enumerable.Repeat(float.NaN, PackedPanels.PackedFloats(inputs, units)).ToArray();
        PackedPanels.Pack(ref weights[0], inputs, units, stride, ref packed[0]);
        return (x, weights, packed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(40)]
    [InlineData(48)]
    [InlineData(49)]
    [InlineData(65)]
    [InlineData(80)]
    [InlineData(96)]
    [InlineData(100)]
    [InlineData(512)]
    public void Panels_give_the_rows_bits_on_every_register_width(int units)
    {
        foreach (int inputs in new[] { 1, 3, 8, 37 })
            foreach (int rows in new[] { 4, 7, 13 })
                foreach (bool hasBias in new[] { true, false })
                {
                    var random = new Random(units * 1000 + inputs * 10 + rows);
                    int stride = (units + 15) / 16 * 16 + (units > 100 ? 16 : 0);
                    var (x, weights, packed) = Layer(random, rows, inputs, units, stride);
                    Check<Vector512<float>, Simd512>();
                    Check<Vector256<float>, Simd256>();
                    Check<Vector128<float>, Simd128>();
                    Check<float, SimdScalar>();

                    void Check<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
                    {
                        var expected = new float[rows * units];
                        var z = new float[rows * units];
                        ref float bias = ref weights[inputs * stride];
                        DenseTraining<TV, TS>.Forward(ref x[0], ref weights[0], ref bias, hasBias, ref expected[0], rows, inputs, units, stride, units);
                        DenseTraining<TV, TS>.ForwardPanels(ref x[0], ref weights[0], ref packed[0], ref bias, hasBias, ref z[0], rows, inputs, units, stride);
                        for (int i = 0; i < z.Length; i++)
                            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(z[i]),
                                $"{typeof(TS).Name}, {rows}×{inputs}→{units}, bias {hasBias}: output {i} is {z[i]:R}, the rows give {expected[i]:R}");
                    }
                }
    }

    /// <summary>AVX2 runs long rows' whole 3-register blocks in chunks of 96 inputs (ForwardPanelChunks for batch
    /// Predict, ForwardRowChunks for training), each sum continuing from the one the last chunk stored: the bits of one
    /// pass, here each row on its own (one row never takes a chunked or blocked path), on every register width.</summary>
    [Theory]
    [InlineData(100)]
    [InlineData(197)]
    public void Chunked_inputs_give_one_pass_bits_on_every_register_width(int inputs)
    {
        foreach (int units in new[] { 24, 53, 100 })
            foreach (int rows in new[] { 4, 9 })
                foreach (bool hasBias in new[] { true, false })
                {
                    var random = new Random(units * 1000 + inputs * 10 + rows);
                    int stride = (units + 15) / 16 * 16;
                    var (x, weights, packed) = Layer(random, rows, inputs, units, stride);
                    Check<Vector512<float>, Simd512>();
                    Check<Vector256<float>, Simd256>();
                    Check<Vector128<float>, Simd128>();
                    Check<float, SimdScalar>();

                    void Check<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
                    {
                        ref float bias = ref weights[inputs * stride];
                        var onePass = new float[rows * units];
                        for (int r = 0; r < rows; r++)
                            DenseTraining<TV, TS>.Forward(ref x[r * inputs], ref weights[0], ref bias, hasBias, ref onePass[r * units], 1, inputs, units, stride, units);
                        var rowsPath = new float[rows * units];
                        DenseTraining<TV, TS>.Forward(ref x[0], ref weights[0], ref bias, hasBias, ref rowsPath[0], rows, inputs, units, stride, units);
                        var panels = new float[rows * units];
                        DenseTraining<TV, TS>.ForwardPanels(ref x[0], ref weights[0], ref packed[0], ref bias, hasBias, ref panels[0], rows, inputs, units, stride);
                        for (int i = 0; i < onePass.Length; i++)
                        {
                            Assert.True(BitConverter.SingleToInt32Bits(onePass[i]) == BitConverter.SingleToInt32Bits(rowsPath[i]),
                                $"{typeof(TS).Name}, {rows}×{inputs}→{units}, bias {hasBias}: rows output {i} is {rowsPath[i]:R}, one pass gives {onePass[i]:R}");
                            Assert.True(BitConverter.SingleToInt32Bits(onePass[i]) == BitConverter.SingleToInt32Bits(panels[i]),
                                $"{typeof(TS).Name}, {rows}×{inputs}→{units}, bias {hasBias}: panel output {i} is {panels[i]:R}, one pass gives {onePass[i]:R}");
                        }
                    }
                }
    }
}
