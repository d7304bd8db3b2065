using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The kernels Predict's batch path (and a single sample's wide Dense layers) reads packed into panels of 48 columns (the runtime's <c>PackedPanels</c>): one
/// packed copy per kernel of a layer that asks (<see cref="Layers.LayerSpec.PacksKernel"/>), made from the weights
/// Predict reads (folded when a BatchNormalization is folded in), in one buffer <c>p</c> that is refreshed with the
/// folded copy after every write to the weights (<see cref="ModelEmitter"/>). Training reads the rows directly: its
/// weights change every step.
/// </summary>
internal sealed class InferencePanels
{
    /// <summary>A packed kernel: the layer, its kernel in the weights Predict reads, and where its panels start in
    /// <c>p</c>; a streamed Dense (<see cref="ConvDenseStreams"/>) has its kernel packed by the convolution's rows of
    /// <paramref name="RowFloats"/> inputs instead (0: panels).</summary>
    public sealed record Panel(LayerPlan Layer, PlacedWeight Kernel, int Offset, int RowFloats = 0);

    /// <summary>Columns per panel: the runtime's <c>PackedPanels.PanelWidth</c>.</summary>
    public const int PanelWidth = 48;

    public InferencePanels(ModelPlan plan, ModelLayout layout)
    {
        int offset = 0;
        if (plan.UnknownSteps) return; // their Predict runs step by step, with no batch path
        int index = 0;
        foreach (var (layer, weights, _) in layout.Folding.Layers(plan, layout))
        {
            int at = index++;
            if (layout.Streams.Streams.FirstOrDefault(st => st.Last == at) is { } stream)
            {
                Panels.Add(new Panel(layer, weights[0], offset, stream.Rows.RowFloats));
                offset += ConvDenseStreams.PackedFloats(stream.Rows, weights[0].Spec.Columns); // whole cache lines
                continue;
            }
            if (!layer.Spec.PacksKernel(layer)) continue;
            var kernel = weights[0];
            Panels.Add(new Panel(layer, kernel, offset));
            if (layer.Spec is Layers.Core.DenseLayer && layer.InputShape.Count == 1 && layer.InputLast > Layers.Core.DenseRowKernel.UnrollInputs
                && Isa.All.Any(isa => Layers.Core.DenseRowKernel.ReadsPanels(kernel.Spec.Columns, isa)))
                _single[layer.Index] = offset;
            offset += kernel.Spec.Rows * ((kernel.Spec.Columns + PanelWidth - 1) / PanelWidth * PanelWidth);
        }
        Size = offset;
    }

    public List<Panel> Panels { get; } = new();

    /// <summary>Floats of the packed copy.</summary>
    public int Size { get; }

    private readonly Dictionary<int, int> _single = new();

    /// <summary>Where <paramref name="layer"/>'s kernel starts in <c>p</c> when its single-sample kernel on the vector
    /// paths reads the panels too (a rank-1 Dense too wide to unroll: its tiles then stream each panel in order
    /// instead of 512 of every 2,112 bytes of the padded rows; mnist-mlp's 784 → 512 and 512 → 256), else null.</summary>
    public int? InSingle(LayerPlan layer) => _single.TryGetValue(layer.Index, out var offset) ? offset : null;

    /// <summary>Whether a single-sample Predict reads the packed copy: some layer's kernel does.</summary>
    public bool AnyInSingle => _single.Count > 0;

    /// <summary>A ref to <paramref name="layer"/>'s packed kernel in <c>p</c>, or null when it has none.</summary>
    public string? For(LayerPlan layer) => Panels.FirstOrDefault(p => p.Layer.Index == layer.Index) is { } panel ? Literals.At("p", panel.Offset) : null;
}
