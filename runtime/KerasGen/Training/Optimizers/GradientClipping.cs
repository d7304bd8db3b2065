using System;

namespace KerasGen.Training.Optimizers;

/// <summary>
/// Keras 3's gradient clipping (KERAS_SPEC §5.1 step 2), at most one kind per optimizer: <c>clipnorm</c> scales each
/// variable's gradient to an L2 norm of at most c (<c>g·c / max(‖g‖, c)</c>), <c>global_clipnorm</c> does the same
/// with the norm of all gradients together, <c>clipvalue</c> clips every element to [−v, v].
/// </summary>
public sealed class GradientClipping
{
    private GradientClipping(float clipNorm, float clipValue, float globalClipNorm) =>
        (ClipNorm, ClipValue, GlobalClipNorm) = (clipNorm, clipValue, globalClipNorm);

    /// <summary>NaN when not set.</summary>
    public float ClipNorm { get; }

    public float ClipValue { get; }

    public float GlobalClipNorm { get; }

    /// <summary>Null when none is set; Keras' errors when more than one is, or one is not positive.</summary>
    public static GradientClipping? Create(float clipNorm, float clipValue, float globalClipNorm)
    {
        int set = (float.IsNaN(clipNorm) ? 0 : 1) + (float.IsNaN(clipValue) ? 0 : 1) + (float.IsNaN(globalClipNorm) ? 0 : 1);
        if (set == 0) return null;
        if (set > 1)
            throw new ArgumentException(
                $"Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm={Text(clipNorm)}, clipvalue={Text(clipValue)}, global_clipnorm={Text(globalClipNorm)}");
        float value = float.IsNaN(clipNorm) ? float.IsNaN(clipValue) ? globalClipNorm : clipValue : clipNorm;
        if (!(value > 0) || float.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(clipNorm), value, "A gradient clipping threshold must be a positive number.");
        return new GradientClipping(clipNorm, clipValue, globalClipNorm);
    }

    /// <summary>Clips <paramref name="gradients"/> in place; <paramref name="variables"/> (null: the whole buffer is
    /// one variable) are the spans <c>clipnorm</c> takes norms over.</summary>
    public void Apply(Span<float> gradients, (int Start, int Length)[]? variables)
    {
        if (!float.IsNaN(ClipNorm))
        {
            if (variables is null) ScaleToNorm(gradients, ClipNorm, Norm(gradients));
            else foreach (var (start, length) in variables) ScaleToNorm(gradients.Slice(start, length), ClipNorm, Norm(gradients.Slice(start, length)));
        }
        else if (!float.IsNaN(GlobalClipNorm)) ScaleToNorm(gradients, GlobalClipNorm, Norm(gradients));
        else
            for (int i = 0; i < gradients.Length; i++) gradients[i] = Math.Clamp(gradients[i], -ClipValue, ClipValue);
    }

    private static float Norm(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values) sum += (double)v * v;
        return (float)Math.Sqrt(sum);
    }

    private static void ScaleToNorm(Span<float> values, float limit, float norm)
    {
        if (norm <= limit) return; // Keras' g·c / max(‖g‖, c) is g itself then
        for (int i = 0; i < values.Length; i++) values[i] = values[i] * limit / norm; // Keras' order of operations
    }

    private static string Text(float value) => float.IsNaN(value) ? "None" : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
