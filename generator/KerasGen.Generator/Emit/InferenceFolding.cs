using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Layers.Core;
using KerasGen.Generator.Layers.Normalization;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The inference rewrite of a plan: a BatchNormalization right after a linear Dense or one-group convolution whose
/// outputs are its features is folded into that layer's kernel and bias (kernel column f times
/// <c>a[f] = γ/√(moving_variance + ε)</c>, bias <c>(bias − moving_mean)·a + β</c>), so at inference the pair costs
/// one Dense or conv. Predict reads a folded copy of the weights (refreshed after every change to them, see
/// <see cref="ModelEmitter"/>); a producer without a bias gets one in floats appended to that copy.
/// </summary>
internal sealed class InferenceFolding
{
    /// <summary>A folded pair: the producer's kernel and bias (its own, or appended at <see cref="BiasOffset"/>),
    /// and the BatchNormalization's weights.</summary>
    public sealed record Fold(LayerPlan Producer, LayerPlan Normalization, PlacedWeight Kernel, PlacedWeight? Bias, int BiasOffset, IReadOnlyList<PlacedWeight> NormalizationWeights);

    public InferenceFolding(ModelPlan plan, ModelLayout layout)
    {
        int extra = layout.WeightSize;
        for (int l = 0; l + 1 < plan.Layers.Count; l++)
        {
            var (producer, next) = (plan.Layers[l], plan.Layers[l + 1]);
            if (next.Spec is not BatchNormalizationLayer norm || !Foldable(producer, norm, next)) continue;
            var weights = layout.Weights[l];
            var kernel = weights[0];
            PlacedWeight? bias = weights.Count > 1 ? weights[1] : null;
            int biasOffset = bias?.Offset ?? extra;
            if (bias is null) extra += ModelLayout.RoundUp(kernel.Stride);
            Folds.Add(new Fold(producer, next, kernel, bias, biasOffset, layout.Weights[l + 1]));
        }
        WeightSize = extra;
    }

    public List<Fold> Folds { get; } = new();

    /// <summary>Floats of the folded copy: the weights, then the appended biases.</summary>
    public int WeightSize { get; }

    /// <summary>The layers Predict runs, each with the weights it reads and the comment its code starts with: a folded
    /// producer with a bias, saying so, and no normalization after it.</summary>
    public IEnumerable<(LayerPlan Layer, IReadOnlyList<PlacedWeight> Weights, string Comment)> Layers(ModelPlan plan, ModelLayout layout)
    {
        for (int l = 0; l < plan.Layers.Count; l++)
        {
            var layer = plan.Layers[l];
            var fold = Folds.FirstOrDefault(f => f.Producer.Index == l);
            if (fold is null)
            {
                if (Folds.All(f => f.Normalization.Index != l)) yield return (layer, layout.Weights[l], layer.Comment);
                continue;
            }
            var spec = layer.Spec switch
            {
                DenseLayer dense => (Layers.LayerSpec)(dense with { UseBias = true }),
                ConvLayer conv => conv with { UseBias = true },
                _ => layer.Spec,
            };
            var bias = fold.Bias ?? new PlacedWeight(fold.Kernel.Spec with { Name = "bias" }, fold.BiasOffset, fold.Kernel.Stride);
            yield return (layer with { Spec = spec }, new[] { fold.Kernel, bias },
                $"{layer.Comment}, with {fold.Normalization.Name} folded into its kernel and bias (weights from the folded copy)");
        }
    }

    /// <summary>Exact when the producer's output is linear and the normalized features are its units or filters.</summary>
    private static bool Foldable(LayerPlan producer, BatchNormalizationLayer norm, LayerPlan normalization)
    {
        int rank = normalization.InputShape.Count;
        int axis = norm.Axis < 0 ? norm.Axis + rank : norm.Axis - 1; // per-sample index of the features
        return producer.Spec switch
        {
            DenseLayer dense => dense.ActivationName == "linear" && axis == rank - 1,
            ConvLayer conv => conv.ActivationName == "linear" && conv.Groups == 1 && axis == (conv.DataFormat == "channels_first" ? 0 : rank - 1),
            _ => false,
        };
    }
}
