using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// LayerNormalization (KERAS_SPEC §1.10) as Keras 3 computes it, in training and inference alike: for each group of
/// <c>features</c> values, its mean m and biased variance v, <c>inv = γ/√(v + ε)</c>, <c>y = x·inv + (β − m·inv)</c>.
/// The data is <c>rows</c> blocks of <c>features × inner</c> values; a group is one (row, inner position) pair, so
/// the last axis has <c>inner</c> = 1 and a middle axis strides by <c>inner</c>. γ and β are indexed by feature, in the
/// weights' internal layout: rows of <c>columns</c> values <c>stride</c> floats apart (several normalized axes give
/// γ a shape of their own; one axis gives one row).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LayerNormalization
{
    public static void Forward(ref float x, ref float y, ref float gamma, ref float beta, int rows, int features, int inner, int columns, int stride,
        float epsilon, bool center, bool scale)
    {
        for (int r = 0; r < rows; r++)
            for (int p = 0; p < inner; p++)
            {
                nint start = (nint)r * features * inner + p;
                var (mean, inv) = Moments(ref Unsafe.Add(ref x, start), features, inner, epsilon);
                for (int f = 0; f < features; f++)
                {
                    nint i = start + (nint)f * inner, w = WeightIndex(f, columns, stride);
                    float a = scale ? inv * Unsafe.Add(ref gamma, w) : inv;
                    float b = (center ? Unsafe.Add(ref beta, w) : 0f) - mean * a;
                    Unsafe.Add(ref y, i) = Unsafe.Add(ref x, i) * a + b;
                }
            }
    }

    /// <summary>Where feature <paramref name="f"/>'s γ and β sit in the padded weight rows.</summary>
    internal static nint WeightIndex(int f, int columns, int stride) => (nint)(f / columns) * stride + f % columns;

    /// <summary>The mean and 1/√(variance + ε) of one group (two passes, accumulated in double).</summary>
    internal static (float Mean, float Inverse) Moments(ref float x, int features, int stride, float epsilon)
    {
        double sum = 0;
        for (int f = 0; f < features; f++) sum += Unsafe.Add(ref x, (nint)f * stride);
        float mean = (float)(sum / features);
        double squares = 0;
        for (int f = 0; f < features; f++)
        {
            double d = Unsafe.Add(ref x, (nint)f * stride) - mean;
            squares += d * d;
        }
        return (mean, 1f / MathF.Sqrt((float)(squares / features) + epsilon));
    }
}
