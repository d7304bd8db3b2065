using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Layers.Core;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The Conv → Flatten → Dense chains Predict's batch path runs as one streamed step (the runtime's
/// <c>StreamedDense</c>): the convolution's output rows go straight into the Dense's sums, so its feature map is
/// never stored, and the Dense reads its kernel from a copy packed by rows (<see cref="InferencePanels"/>). A chain
/// qualifies when the convolution can stream its rows (<see cref="ConvLayer.Rows"/>), only layers that leave memory
/// as it is (Flatten, Reshape, Dropout, a linear Activation) lie between, and the Dense reads the whole flattened map
/// with at most 16 units: the case where the stored map costs most (a Dense of few units does little work per input,
/// so re-reading the map dominates) and where the runtime's column-vectorized Dense wastes most of each register.
/// Wider Dense layers keep the stored map; the limit is a judgement, not a measured crossover.
/// Single-sample Predict runs the same step (n = 1) when one sample's scratch holds it (<see cref="InSinglePath"/>):
/// it then reads the row-packed kernel (2.6 MB for 65,536 → 10) instead of the one padded to 16 columns (4 MB), so the
/// model keeps the packed copy after its constructor's warm-up.
/// Measured on Zen 3 (32×32×3 → Conv2D 64 → Flatten → Dense 10, batch of 16–32, one thread, a stopwatch probe):
/// 1.2–1.3x faster than the stored map in passes of four.
/// </summary>
internal sealed class ConvDenseStreams
{
    /// <summary>A streamed chain, as indexes into <see cref="InferenceFolding.Layers"/>: the convolution, the Dense,
    /// and the convolution's rows.</summary>
    public sealed record Stream(int First, int Last, RowStream Rows);

    /// <summary>The runtime's StreamedDense.ChunkStride (floats from one unit's slice of a row to the next, and from one
    /// row tile to the next): keep the two the same, or the packed copy or the scratch is too small.</summary>
    public static int ChunkStride(int rowFloats) => ModelLayout.RoundUp(rowFloats) + ModelLayout.Line;

    /// <summary>Floats of a streamed Dense's packed kernel (the runtime's StreamedDense.PackedFloats).</summary>
    public static int PackedFloats(RowStream rows, int units) => rows.OutRows * units * ChunkStride(rows.RowFloats);

    /// <summary>Units up to which a Dense after a convolution is streamed.</summary>
    public const int MaxUnits = 16;

    public ConvDenseStreams(ModelPlan plan, ModelLayout layout)
    {
        if (plan.UnknownSteps) return; // their Predict runs step by step, with no batch path
        var layers = layout.Folding.Layers(plan, layout).ToList();
        for (int i = 0; i < layers.Count; i++)
        {
            var (conv, _, _) = layers[i];
            if (conv.Spec is not ConvLayer spec || spec.Rows(conv) is not { } rows) continue;
            int last = i + 1;
            while (last < layers.Count && !layers[last].Layer.Spec.Memory(layers[last].Layer).Computes) last++;
            if (last == i + 1 || last == layers.Count) continue; // no Flatten between them, or no layer after
            var dense = layers[last].Layer;
            if (dense.Spec is not DenseLayer { Units: <= MaxUnits } || dense.InputShape.Count != 1 || dense.InputSize != conv.OutputSize) continue;
            Streams.Add(new Stream(i, last, rows));
            i = last;
        }
        // A single sample streams too when one sample's scratch holds the step (it reads the 2.6 MB packed kernel
        // instead of the 4 MB padded one, and keeps the map in L1); the model then keeps its packed copy.
        InSinglePath = Streams.Count > 0 && Streams.All(st => SingleScratchFloats(st.Rows) <= layout.ScratchSize);
    }

    /// <summary>True when single-sample Predict runs the streams too (it then reads the packed copy).</summary>
    public bool InSinglePath { get; }

    public List<Stream> Streams { get; } = new();

    /// <summary>The stream starting at <paramref name="index"/> of the Predict layers, or null.</summary>
    public Stream? At(int index) => Streams.FirstOrDefault(s => s.First == index);

    /// <summary>True when the layer at <paramref name="index"/> of the Predict layers is inside a stream before its
    /// Dense: its output is never stored.</summary>
    public bool Hides(int index) => Streams.Any(s => index >= s.First && index < s.Last);

    /// <summary>The runtime's StreamedDense.ScratchFloats: the window table (whole cache lines), two row tiles, and
    /// one bordered input per sample.</summary>
    internal static int SingleScratchFloats(RowStream rows) => FixedFloats(rows) + rows.MapFloats;

    /// <summary>The same per sample of a pass of at least <see cref="BatchEmitter.MinSamples"/>: a bordered input
    /// each, and a share of the table and tiles. The pass's scratch (<see cref="BatchEmitter.Scratch"/>) holds this per
    /// sample for a whole chunk, so any pass up to a chunk fits.</summary>
    public static int ScratchFloats(RowStream rows) =>
        rows.MapFloats + (FixedFloats(rows) + BatchEmitter.MinSamples - 1) / BatchEmitter.MinSamples;

    private static int FixedFloats(RowStream rows) => ModelLayout.RoundUp(rows.Patch) + 2 * ChunkStride(rows.RowFloats);

    /// <summary>The streamed step: convolution and Dense into <paramref name="output"/>, then the Dense's activation.</summary>
    public static void Emit(CodeWriter w, Stream stream, IReadOnlyList<(LayerPlan Layer, IReadOnlyList<PlacedWeight> Weights, string Comment)> layers,
        string input, string output, string packed, string tv = "TV", string ts = "TS", string n = "n")
    {
        var (convLayer, convWeights, _) = layers[stream.First];
        var (denseLayer, denseWeights, denseComment) = layers[stream.Last];
        var conv = (ConvLayer)convLayer.Spec;
        var dense = (DenseLayer)denseLayer.Spec;
        string At(IReadOnlyList<PlacedWeight> weights, int index) => Literals.At("w", weights[index].Offset);
        string epilogue = stream.Rows.Relu ? $"<global::KerasGen.Kernels.ReluEpilogue<{tv}, {ts}>>" : $"<global::KerasGen.Kernels.LinearEpilogue<{tv}>>";
        for (int i = stream.First; i < stream.Last; i++) w.Line(layers[i].Comment);
        w.Line($"{denseComment}: the rows of {convLayer.Name} stream into it (its map is never stored)");
        w.Line($"global::KerasGen.Kernels.StreamedDense<{tv}, {ts}>.Forward{epilogue}(ref {input}, ref {At(convWeights, 0)}, ref {(conv.UseBias ? At(convWeights, 1) : At(convWeights, 0))}, {Literals.Bool(conv.UseBias)}, {stream.Rows.Geometry}, {conv.Filters}, {convWeights[0].Stride},");
        w.Line($"    ref {packed}, ref {(dense.UseBias ? At(denseWeights, 1) : packed)}, {Literals.Bool(dense.UseBias)}, {dense.Units}, ref {output}, ref s, {n});");
        if (dense.ActivationName != "linear")
            ActivationCode.Forward(w, tv, ts, dense.ActivationName, output, output, $"{n} * {dense.Units}", n, dense.Units);
    }
}
