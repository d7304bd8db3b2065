using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Training;

/// <summary>
/// BatchNormalization while training (KERAS_SPEC §1.9), on <c>rows</c> blocks of <c>features × inner</c> values (see
/// <see cref="Kernels.BatchNormalization"/>): the forward pass normalizes each feature with the batch's mean and biased
/// variance (two passes, accumulated in double) and moves the moving statistics
/// (<c>moving ← moving·momentum + batch·(1 − momentum)</c>); the backward pass recomputes the batch statistics from the
/// input, adds the gradients of γ (<c>Σ dy·x̂</c>) and β (<c>Σ dy</c>), and replaces dy with the input gradient
/// <c>γ·inv/m·(m·dy − Σdy − x̂·Σ dy·x̂)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchNormalizationTraining
{
    public static void Forward(ref float x, ref float y, ref float gamma, ref float beta, ref float movingMean, ref float movingVariance,
        int rows, int features, int inner, float epsilon, float momentum, bool center, bool scale)
    {
        var (mean, variance) = Moments(ref x, rows, features, inner);
        for (int f = 0; f < features; f++)
        {
            ref float mm = ref Unsafe.Add(ref movingMean, f);
            ref float mv = ref Unsafe.Add(ref movingVariance, f);
            mm = mm * momentum + mean[f] * (1 - momentum);
            mv = mv * momentum + variance[f] * (1 - momentum);
        }
        var (multiplier, shift) = Kernels.BatchNormalization.ScaleAndShift(ref gamma, ref beta, ref mean[0], ref variance[0], features, epsilon, center, scale);
        Kernels.BatchNormalization.Apply(ref x, ref y, multiplier, shift, rows, features, inner);
    }

    public static void Backward(ref float x, ref float gradient, ref float gamma, ref float gammaGradient, ref float betaGradient,
        int rows, int features, int inner, float epsilon, bool center, bool scale, bool inputGradient)
    {
        var (mean, variance) = Moments(ref x, rows, features, inner);
        if (s_sums is null || s_sums.Length < 2 * features) s_sums = new double[2 * features];
        var sums = s_sums;
        Array.Clear(sums, 0, 2 * features);
        nint i = 0;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < features; f++)
            {
                float inv = 1f / MathF.Sqrt(variance[f] + epsilon);
                for (int p = 0; p < inner; p++, i++)
                {
                    float dy = Unsafe.Add(ref gradient, i);
                    sums[f] += dy;
                    sums[features + f] += (double)dy * ((Unsafe.Add(ref x, i) - mean[f]) * inv);
                }
            }
        for (int f = 0; f < features; f++)
        {
            if (scale) Unsafe.Add(ref gammaGradient, f) += (float)sums[features + f];
            if (center) Unsafe.Add(ref betaGradient, f) += (float)sums[f];
        }
        if (!inputGradient) return;
        double m = (double)rows * inner;
        i = 0;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < features; f++)
            {
                float inv = 1f / MathF.Sqrt(variance[f] + epsilon);
                double factor = (scale ? Unsafe.Add(ref gamma, f) : 1f) * inv / m;
                for (int p = 0; p < inner; p++, i++)
                {
                    ref float dy = ref Unsafe.Add(ref gradient, i);
                    double xhat = (Unsafe.Add(ref x, i) - mean[f]) * inv;
                    dy = (float)(factor * (m * dy - sums[f] - xhat * sums[features + f]));
                }
            }
    }

    /// <summary>Each feature's mean and biased variance over the rows and inner positions, in per-thread buffers.</summary>
    private static (float[] Mean, float[] Variance) Moments(ref float x, int rows, int features, int inner)
    {
        if (s_mean is null || s_mean.Length < features) (s_mean, s_variance, s_accumulator) = (new float[features], new float[features], new double[features]);
        var (mean, variance, sum) = (s_mean, s_variance!, s_accumulator!);
        double m = (double)rows * inner;
        Array.Clear(sum, 0, features);
        nint i = 0;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < features; f++)
                for (int p = 0; p < inner; p++, i++) sum[f] += Unsafe.Add(ref x, i);
        for (int f = 0; f < features; f++) mean[f] = (float)(sum[f] / m);
        Array.Clear(sum, 0, features);
        i = 0;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < features; f++)
                for (int p = 0; p < inner; p++, i++)
                {
                    double d = Unsafe.Add(ref x, i) - mean[f];
                    sum[f] += d * d;
                }
        for (int f = 0; f < features; f++) variance[f] = (float)(sum[f] / m);
        return (mean, variance);
    }

    [ThreadStatic] private static float[]? s_mean, s_variance;
    [ThreadStatic] private static double[]? s_accumulator, s_sums;
}
