using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Whether training cuts the model's weight gradient by rows across cores (the runtime's IRowSplitGradients): every
/// layer with weights gives a row block (<see cref="Layers.LayerSpec.WeightRowBlock"/>: Dense), and the blocks tile
/// the weight buffer from 0 to its end, so the runtime's cuts on row boundaries cover every weight exactly once.
/// Such a model's backward pass keeps each weighted layer's padded output gradient in its own buffer
/// (<see cref="TrainingLayout"/>), and its weight gradients run as a separate pass over a range of rows.
/// </summary>
internal static class RowSplitGradients
{
    /// <summary>The blocks in buffer order, or null when the model's weight gradient is cut by samples.</summary>
    public static IReadOnlyList<(int Offset, int Rows, int Stride)>? Blocks(ModelPlan plan, ModelLayout layout)
    {
        if (plan.Layers.Any(l => l.Spec.UsesBatchStatistics) || plan.FirstWeighted < 0) return null;
        var blocks = new List<(int Offset, int Rows, int Stride)>();
        int next = 0;
        foreach (var layer in plan.Layers.Where(l => l.Params > 0))
        {
            if (layer.Spec.WeightRowBlock(layer, layout.Weights[layer.Index]) is not { } block || block.Offset != next) return null;
            blocks.Add(block);
            next = block.Offset + block.Rows * block.Stride;
        }
        return next == layout.WeightSize ? blocks : null;
    }
}
