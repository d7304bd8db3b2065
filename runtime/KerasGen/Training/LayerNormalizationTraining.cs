using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Training;

/// <summary>
/// LayerNormalization's backward pass, on the layout of <see cref="Kernels.LayerNormalization"/>: per group, with
/// x̂ = (x − m)·inv and dx̂ = dy·γ, the gradients of γ (<c>Σ dy·x̂</c>) and β (<c>Σ dy</c>) summed over all groups,
/// and dy replaced with <c>inv/F·(F·dx̂ − Σdx̂ − x̂·Σ dx̂·x̂)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LayerNormalizationTraining
{
    public static void Backward(ref float x, ref float gradient, ref float gamma, ref float gammaGradient, ref float betaGradient,
        int rows, int features, int inner, int columns, int stride, float epsilon, bool center, bool scale, bool inputGradient)
    {
        for (int r = 0; r < rows; r++)
            for (int p = 0; p < inner; p++)
            {
                nint start = (nint)r * features * inner + p;
                var (mean, inv) = Kernels.LayerNormalization.Moments(ref Unsafe.Add(ref x, start), features, inner, epsilon);
                double sumDxhat = 0, sumDxhatXhat = 0;
                for (int f = 0; f < features; f++)
                {
                    nint i = start + (nint)f * inner, w = Kernels.LayerNormalization.WeightIndex(f, columns, stride);
                    float dy = Unsafe.Add(ref gradient, i), xhat = (Unsafe.Add(ref x, i) - mean) * inv;
                    if (scale) Unsafe.Add(ref gammaGradient, w) += dy * xhat;
                    if (center) Unsafe.Add(ref betaGradient, w) += dy;
                    float dxhat = scale ? dy * Unsafe.Add(ref gamma, w) : dy;
                    sumDxhat += dxhat;
                    sumDxhatXhat += (double)dxhat * xhat;
                }
                if (!inputGradient) continue;
                for (int f = 0; f < features; f++)
                {
                    nint i = start + (nint)f * inner;
                    ref float dy = ref Unsafe.Add(ref gradient, i);
                    double xhat = (Unsafe.Add(ref x, i) - mean) * inv;
                    double dxhat = scale ? dy * Unsafe.Add(ref gamma, Kernels.LayerNormalization.WeightIndex(f, columns, stride)) : dy;
                    dy = (float)(inv / features * (features * dxhat - sumDxhat - xhat * sumDxhatXhat));
                }
            }
    }
}
