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

    /// <summary>
    /// Folds an inference-mode BatchNormalization into the Dense or convolution before it, in Predict's copy of the
    /// weights: kernel column f (rows of <paramref name="stride"/> floats from <paramref name="kernel"/>) times
    /// <c>a = γ/√(v + ε)</c>, and at <paramref name="foldedBias"/> the bias <c>bias·a + (β − m·a)</c> (bias 0 when
    /// <paramref name="bias"/> is −1). Offsets of γ or β are −1 without scale or center. Allocates nothing.
    /// </summary>
    public static void Fold(ReadOnlySpan<float> weights, Span<float> folded, int kernel, int rows, int stride, int features, int bias, int foldedBias,
        int gamma, int beta, int mean, int variance, float epsilon)
    {
        for (int f = 0; f < features; f++)
        {
            float a = 1f / MathF.Sqrt(weights[variance + f] + epsilon);
            if (gamma >= 0) a *= weights[gamma + f];
            float shift = (beta >= 0 ? weights[beta + f] : 0f) - weights[mean + f] * a;
            for (int r = 0; r < rows; r++) folded[kernel + r * stride + f] = weights[kernel + r * stride + f] * a;
            folded[foldedBias + f] = (bias >= 0 ? weights[bias + f] : 0f) * a + shift;
        }
    }

    [ThreadStatic] private static float[]? s_multiplier, s_shift;
}
