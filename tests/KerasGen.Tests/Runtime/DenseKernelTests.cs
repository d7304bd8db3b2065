using System;
using System.Linq;
using System.Runtime.Intrinsics;
using KerasGen.Kernels;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>The batch Dense product against a plain triple loop, on every register width, including the packed path
/// for long rows that are a multiple of 4 KB (with leftover rows, no bias, a partial panel, and a row stride).</summary>
public class DenseKernelTests
{
    [Theory]
    [InlineData(5, 4096, 10, true)]
    [InlineData(9, 8192, 37, false)]
    [InlineData(4, 3000, 16, true)]
    [InlineData(7, 2048, 5, true)]
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
