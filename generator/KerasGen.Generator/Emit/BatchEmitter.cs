using System.Linq;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Emits Predict's batch path: up to <see cref="Chunk"/> samples at a time through each layer's generic forward pass
/// (for Dense, the batched kernel that shares each weight load across four samples, where the per-sample kernels
/// stream every weight once per sample). Written once, generic over the register width, with two ping-pong buffers
/// and the layers' scratch.
/// </summary>
internal static class BatchEmitter
{
    /// <summary>Predict uses the batch path from <see cref="MinSamples"/> samples on.</summary>
    public const int MinSamples = 4;

    /// <summary>Most samples per pass: four share each weight load in the GEMM blocks, more amortize the layers'
    /// calls.</summary>
    public const int MaxChunk = 32;

    /// <summary>The activation buffers and scratch one pass may span (two thirds of a 1 MB L2): a layer then reads
    /// its input and writes its output in cache. Wide feature maps (a 32×32×64 conv output is 256 KB per sample)
    /// would otherwise stream through L3 several times per layer.</summary>
    private const int CacheFloats = 1 << 17;

    /// <summary>Samples per pass: as many as fit <see cref="CacheFloats"/>, between 4 and <see cref="MaxChunk"/>.</summary>
    public static int Chunk(ModelPlan plan, ModelLayout layout) =>
        System.Math.Max(MinSamples, System.Math.Min(MaxChunk, CacheFloats / (2 * SampleBuffer(plan, layout) + Scratch(plan, layout))));

    /// <summary>Floats per sample each of the two batch buffers needs: the input, and every stored layer output
    /// (a streamed convolution's is not, see <see cref="ConvDenseStreams"/>).</summary>
    public static int SampleBuffer(ModelPlan plan, ModelLayout layout)
    {
        int largest = plan.InputSize, index = 0;
        foreach (var (layer, _, _) in layout.Folding.Layers(plan, layout))
            if (!layout.Streams.Hides(index++))
                largest = System.Math.Max(largest, System.Math.Max(layer.OutputSize, layer.Spec.Memory(layer).OutputSpan));
        return ModelLayout.RoundUp(largest);
    }

    /// <summary>Floats of layer scratch per sample of a pass: the model's; with streamed steps, the largest need of the
    /// steps the pass runs, a streamed step's own in place of its convolution's im2col columns (which it never fills;
    /// usually far less, but it can be more for a small convolution).</summary>
    public static int Scratch(ModelPlan plan, ModelLayout layout)
    {
        if (layout.Streams.Streams.Count == 0) return layout.ScratchSize;
        int largest = 0, index = 0;
        foreach (var (layer, _, _) in layout.Folding.Layers(plan, layout))
        {
            int at = index++;
            if (layout.Streams.At(at) is { } stream) largest = System.Math.Max(largest, ConvDenseStreams.ScratchFloats(stream.Rows));
            else if (!layout.Streams.Hides(at) && layout.Streams.Streams.All(st => st.Last != at))
                largest = System.Math.Max(largest, layer.Spec.Memory(layer).ScratchPerSample);
        }
        return largest == 0 ? 0 : ModelLayout.RoundUp(largest + ModelLayout.Line);
    }

    public static void Emit(CodeWriter w, ModelPlan plan, ModelLayout layout)
    {
        int buffer = SampleBuffer(plan, layout) * Chunk(plan, layout);
        w.Line();
        w.Line("// ---- Batch path: Predict on 4 or more samples ----");
        w.Line($"/// <summary>Up to {Chunk(plan, layout)} samples through every layer's batch kernel, generic over the register width.</summary>");
        w.Line(ModelEmitter.FirstCallOptimized);
        using (w.Block($"public static void BatchForward<TV, TS>(ref float x, ref float w, ref float p, ref float scratch, ref float y, int n) where TV : struct where TS : struct, global::KerasGen.Kernels.ISimd<TV>"))
        {
            w.Line("ref float a = ref scratch;");
            w.Line($"ref float b = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref scratch, {buffer});");
            if (Scratch(plan, layout) > 0) w.Line($"ref float s = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref scratch, {2 * buffer});");
            string current = "x";
            var layers = layout.Folding.Layers(plan, layout).ToList();
            for (int i = 0; i < layers.Count; i++)
            {
                var (layer, weights, comment) = layers[i];
                string target = current == "a" ? "b" : "a";
                if (layout.Streams.At(i) is { } stream)
                {
                    ConvDenseStreams.Emit(w, stream, layers, current, target, layout.Panels.For(layers[stream.Last].Layer)!);
                    current = target;
                    i = stream.Last;
                    continue;
                }
                w.Line(comment);
                if (!layer.Spec.Memory(layer).Computes) continue; // its output is its input, as it lies in memory
                layer.Spec.EmitForward(new ForwardContext(w, layer, weights, "TV", "TS", "n", current, target, target, "s", mask: null, training: false, packed: layout.Panels.For(layer)));
                current = target;
            }
            ActivationCode.Copy(w, current, "y", $"n * {plan.OutputSize}");
        }
    }
}
