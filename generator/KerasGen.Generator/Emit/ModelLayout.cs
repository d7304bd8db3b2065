using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>Where a Dense layer's weights sit in the model's weight buffer.</summary>
internal sealed record DenseLayout(int KernelOffset, int BiasOffset, int PaddedUnits);

/// <summary>A weight as GetWeights reports it, and where it lives internally (see the runtime's WeightSlot).</summary>
internal sealed record SlotLayout(string Layer, string Name, IReadOnlyList<int> Shape, int Offset, int Rows, int Columns, int Stride, string Initializer);

/// <summary>
/// The memory plan of a model: weight offsets (every kernel row padded to whole 64-byte lines so vector kernels load
/// full registers with no tail code) and the two ping-pong activation buffers each layer reads and writes.
/// </summary>
internal sealed class ModelLayout
{
    /// <summary>Floats per 64-byte line: the padding and alignment unit of weights and buffers.</summary>
    public const int Line = 16;

    /// <summary>Activation buffers up to this many floats (16 KB) live on Predict's stack; larger ones in a per-thread
    /// buffer. stackalloc zeroes its memory (generated code cannot use SkipLocalsInit without /unsafe), which stays
    /// cheap next to the layers' work at this size.</summary>
    public const int MaxStackFloats = 4096;

    public ModelLayout(ModelPlan plan)
    {
        int offset = 0;
        for (int i = 0; i < plan.Layers.Count; i++)
        {
            var layer = plan.Layers[i];
            if (layer.Spec.Kind != LayerKind.Dense) continue;
            int inputs = layer.InputShape[layer.InputShape.Count - 1], units = layer.Spec.Units, padded = RoundUp(units);
            var dense = new DenseLayout(offset, layer.Spec.UseBias ? offset + inputs * padded : -1, padded);
            Dense[i] = dense;
            Slots.Add(new SlotLayout(layer.Name, "kernel", new[] { inputs, units }, offset, inputs, units, padded, layer.Spec.KernelInitializer));
            offset += inputs * padded;
            if (layer.Spec.UseBias)
            {
                Slots.Add(new SlotLayout(layer.Name, "bias", new[] { units }, offset, 1, units, padded, layer.Spec.BiasInitializer));
                offset += padded;
            }
        }
        WeightSize = offset;
        // A vector store of a row's last register may run up to one line past the row: each buffer keeps that slack.
        BufferSize = RoundUp(plan.Layers.Max(l => l.Spec.Kind == LayerKind.Dense ? DenseOutputSpan(l) : l.OutputSize) + Line);
    }

    public Dictionary<int, DenseLayout> Dense { get; } = new();

    public List<SlotLayout> Slots { get; } = new();

    public int WeightSize { get; }

    /// <summary>Floats in each of the two activation buffers (the scratch holds both).</summary>
    public int BufferSize { get; }

    public static int RoundUp(int n) => (n + Line - 1) / Line * Line;

    /// <summary>A Dense layer's output before glu packs it: rows × units.</summary>
    private static int DenseOutputSpan(LayerPlan layer) => layer.InputSize / layer.InputShape[layer.InputShape.Count - 1] * layer.Spec.Units;
}
