using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Emits Predict's batch path: up to <see cref="Chunk"/> samples at a time through the batched Dense kernel, which
/// shares each weight load across four samples (the per-sample kernels stream every weight once per sample). Written
/// once, generic over the register width, with two ping-pong buffers; activations run in place.
/// </summary>
internal static class BatchEmitter
{
    /// <summary>Samples per pass; Predict uses the batch path from <see cref="MinSamples"/> samples on.</summary>
    public const int Chunk = 32;
    public const int MinSamples = 4;

    /// <summary>Floats per sample each of the two batch buffers needs: the largest layer output (Dense before glu).</summary>
    public static int SampleBuffer(ModelPlan plan)
    {
        int largest = ShapeMath.Product(plan.InputShape);
        foreach (var layer in plan.Layers)
        {
            largest = System.Math.Max(largest, layer.OutputSize);
            if (layer.Spec.Kind == LayerKind.Dense) largest = System.Math.Max(largest, TrainingLayout.DenseRows(layer) * layer.Spec.Units);
        }
        return ModelLayout.RoundUp(largest);
    }

    public static void Emit(CodeWriter w, ModelPlan plan, ModelLayout layout)
    {
        const string Training = "global::KerasGen.Training";
        int buffer = SampleBuffer(plan) * Chunk;
        w.Line();
        w.Line("// ---- Batch path: Predict on 4 or more samples ----");
        using (w.Block($"private static void KerasGenBatchForward<TV, TS>(ref float x, ref float w, ref float scratch, ref float y, int n) where TV : struct where TS : struct, global::KerasGen.Kernels.ISimd<TV>"))
        {
            w.Line("ref float a = ref scratch;");
            w.Line($"ref float b = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref scratch, {buffer});");
            string current = "x";
            foreach (var (layer, index) in Indexed(plan))
            {
                w.Line($"// {layer.Name} ({layer.ClassName}): {ShapeMath.Keras(layer.InputShape)} -> {ShapeMath.Keras(layer.OutputShape)}");
                int last = layer.InputShape[layer.InputShape.Count - 1];
                switch (layer.Spec.Kind)
                {
                    case LayerKind.Dense:
                        var dense = layout.Dense[index];
                        int rows = TrainingLayout.DenseRows(layer), units = layer.Spec.Units;
                        string target = current == "a" ? "b" : "a";
                        w.Line($"{Training}.DenseTraining<TV, TS>.Forward(ref {current}, ref {Literals.At("w", dense.KernelOffset)}, ref {Literals.At("w", dense.BiasOffset >= 0 ? dense.BiasOffset : dense.KernelOffset)}, {Literals.Bool(dense.BiasOffset >= 0)}, ref {target}, n * {rows}, {last}, {units}, {dense.PaddedUnits});");
                        TrainingEmitter.ActivationForward(w, layer.Spec.Activation, target, target, $"n * {rows * units}", $"n * {rows}", units);
                        current = target;
                        break;
                    case LayerKind.Activation:
                        if (layer.Spec.Activation == "linear") break;
                        string destination = current == "x" ? "a" : current; // never write the caller's input
                        TrainingEmitter.ActivationForward(w, layer.Spec.Activation, current, destination, $"n * {layer.InputSize}", $"n * {layer.InputSize / last}", last);
                        current = destination;
                        break;
                    default:
                        w.Line("// no computation at inference");
                        break;
                }
            }
            w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {current}, n * {ShapeMath.Product(plan.OutputShape)})" +
                   $".CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref y, n * {ShapeMath.Product(plan.OutputShape)}));");
        }
    }

    private static System.Collections.Generic.IEnumerable<(LayerPlan Layer, int Index)> Indexed(ModelPlan plan)
    {
        for (int i = 0; i < plan.Layers.Count; i++) yield return (plan.Layers[i], i);
    }
}
