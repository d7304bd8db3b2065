using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>A weight as GetWeights reports it, and where it lives internally (see the runtime's WeightSlot).</summary>
internal sealed record SlotLayout(string Layer, string Name, IReadOnlyList<int> Shape, int Offset, int Rows, int Columns, int Stride, string Initializer, int Groups, string? Regularizer, string? Constraint, bool Trainable);

/// <summary>
/// The memory plan of a model for Predict: every layer's weights in Keras order (each row padded to whole 64-byte
/// lines so vector kernels load full registers with no tail code), the two ping-pong activation buffers the layers
/// read and write, and the scratch some layers need (im2col columns, transposes).
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
        int offset = 0, buffer = 0, scratch = 0;
        foreach (var layer in plan.Layers)
        {
            var placed = new List<PlacedWeight>();
            foreach (var weight in layer.Spec.Weights(layer.InputShape))
            {
                int stride = Stride(weight);
                placed.Add(new PlacedWeight(weight, offset, stride));
                Slots.Add(new SlotLayout(layer.Name, weight.Name, weight.Shape, offset, weight.Rows, weight.Columns, stride, weight.Initializer, weight.Groups, weight.Regularizer, weight.Constraint, weight.Trainable));
                offset += weight.Groups * weight.Rows * stride;
            }
            Weights.Add(placed);
            if (layer.OverSteps) continue; // sized when Predict knows the steps (StepsEmitter)
            var memory = layer.Spec.Memory(layer);
            buffer = System.Math.Max(buffer, System.Math.Max(memory.OutputSpan, layer.OutputSize));
            scratch = System.Math.Max(scratch, memory.ScratchPerSample);
        }
        WeightSize = offset;
        // A vector store of a row's last register may run up to one line past the row: each buffer keeps that slack.
        BufferSize = RoundUp(buffer + Line);
        ScratchSize = scratch == 0 ? 0 : RoundUp(scratch + Line);
        Folding = new InferenceFolding(plan, this);
        Streams = new ConvDenseStreams(plan, this);
        Panels = new InferencePanels(plan, this);
    }

    /// <summary>The BatchNormalizations Predict folds into the layer before them.</summary>
    public InferenceFolding Folding { get; }

    /// <summary>The Conv → Flatten → Dense chains Predict's batch path streams.</summary>
    public ConvDenseStreams Streams { get; }

    /// <summary>The kernels Predict's batch path reads packed into panels.</summary>
    public InferencePanels Panels { get; }

    /// <summary>Predict keeps a copy of the weights (folded, or packed), refreshed after every write to them.</summary>
    public bool KeepsInferenceCopy => Folding.Folds.Count > 0 || Panels.Size > 0;

    /// <summary>Each layer's weights, by layer index.</summary>
    public List<IReadOnlyList<PlacedWeight>> Weights { get; } = new();

    public List<SlotLayout> Slots { get; } = new();

    public int WeightSize { get; }

    /// <summary>Floats in each of the two activation buffers.</summary>
    public int BufferSize { get; }

    /// <summary>Floats of layer scratch per sample (0: no layer needs any).</summary>
    public int ScratchSize { get; }

    /// <summary>What one sample's Predict needs: both buffers and the scratch.</summary>
    public int SampleFloats => 2 * BufferSize + ScratchSize;

    public static int RoundUp(int n) => (n + Line - 1) / Line * Line;

    /// <summary>
    /// The floats from one row of a weight to the next: its columns rounded up to a cache line, and for a weight that
    /// asks (<see cref="Layers.WeightSpec.StaggerRows"/>: the Dense kernels, streamed row by row down a column panel) one
    /// line more when the rows would be a multiple of four lines apart. Rows 2 KB apart (512 units) fall into 1 of
    /// every 32 L2 sets, so a 784-row panel cannot stay cached: measured on Zen 3 (AVX2, 32 × 784 × 512), the GEMM ran
    /// at 33 GFLOP/s with rows 512 floats apart and 45 GFLOP/s with 528.
    /// </summary>
    public static int Stride(Layers.WeightSpec weight)
    {
        int stride = RoundUp(weight.GroupColumns), lines = stride / Line;
        return weight.StaggerRows && lines >= 8 && lines % 4 == 0 ? stride + Line : stride;
    }
}
