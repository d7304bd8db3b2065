using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// BatchNormalization at inference (KERAS_SPEC §1.9), as Keras computes it: per feature <c>inv = γ/√(moving_variance + ε)</c>,
/// <c>y = x·inv + (β − moving_mean·inv)</c>. The data is <c>rows</c> blocks of <c>features × inner</c> values: features
/// on the last axis have <c>inner</c> = 1; axis 1 of a channels_first map has <c>inner</c> = its spatial size.
/// Without <c>scale</c> γ is 1, without <c>center</c> β is 0 (their refs are then not read).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchNormalization
{
    public static void Inference(ref float x, ref float y, ref float gamma, ref float beta, ref float mean, ref float variance,
        int rows, int features, int inner, float epsilon, bool center, bool scale)
    {
        var (multiplier, shift) = ScaleAndShift(ref gamma, ref beta, ref mean, ref variance, features, epsilon, center, scale);
        Apply(ref x, ref y, multiplier, shift, rows, features, inner);
    }

    /// <summary>Per feature: the multiplier <c>γ/√(v + ε)</c> and the shift <c>β − m·multiplier</c>, in per-thread
    /// buffers (grown once, so a call allocates nothing after the first).</summary>
    internal static (float[] Multiplier, float[] Shift) ScaleAndShift(ref float gamma, ref float beta, ref float mean, ref float variance,
        int features, float epsilon, bool center, bool scale)
    {
        if (s_multiplier is null || s_multiplier.Length < features) (s_multiplier, s_shift) = (new float[features], new float[features]);
        var (multiplier, shift) = (s_multiplier, s_shift!);
        for (int f = 0; f < features; f++)
        {
            float inv = 1f / MathF.Sqrt(Unsafe.Add(ref variance, f) + epsilon);
            if (scale) inv *= Unsafe.Add(ref gamma, f);
            multiplier[f] = inv;
            shift[f] = (center ? Unsafe.Add(ref beta, f) : 0f) - Unsafe.Add(ref mean, f) * inv;
        }
        return (multiplier, shift);
    }

    internal static void Apply(ref float x, ref float y, float[] multiplier, float[] shift, int rows, int features, int inner)
    {
        nint i = 0;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < features; f++)
            {
                float a = multiplier[f], b = shift[f];
                for (int p = 0; p < inner; p++, i++) Unsafe.Add(ref y, i) = Unsafe.Add(ref x, i) * a + b;
            }
    }

    [ThreadStatic] private static float[]? s_multiplier, s_shift;
}
