using KerasGen.Generator.Catalog;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The statements every layer with an activation shares, generic over the register type: an activation's forward
/// pass over a buffer (element-wise in registers, or a row-wise runtime call for softmax-like ones) and its backward
/// pass on the gradient, and the element-wise loop they are built from.
/// </summary>
internal static class ActivationCode
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string Training = "global::KerasGen.Training";

    /// <summary>The activation from <paramref name="from"/> to <paramref name="to"/> (in place when they are the
    /// same) over <paramref name="count"/> values in <paramref name="rows"/> rows of <paramref name="length"/>.</summary>
    public static void Forward(CodeWriter w, string tv, string ts, string activation, string from, string to, string count, string rows, int length)
    {
        if (activation == "linear")
        {
            Copy(w, from, to, count);
            return;
        }
        ActivationCatalog.TryGet(activation, out var method, out var shape);
        if (shape == ActivationShape.Elementwise)
        {
            Elementwise(w, ts, count,
                i => $"{ts}.Store({ActivationCatalog.Call($"global::KerasGen.Kernels.Activation<{tv}, {ts}>", activation, $"{ts}.Load(ref {from}, {i})")}, ref {to}, {i});",
                i => $"{Unsafe}.Add(ref {to}, {i}) = {ActivationCatalog.Call("global::KerasGen.Kernels.Activation<float, global::KerasGen.Kernels.SimdScalar>", activation, $"{Unsafe}.Add(ref {from}, {i})")};");
            return;
        }
        Copy(w, from, to, count);
        w.Line($"global::KerasGen.Kernels.RowActivations.{method}(ref {to}, {rows}, {length});");
    }

    /// <summary>The activation's backward pass on the gradient in <paramref name="gradient"/>, given its input
    /// <paramref name="z"/> and output <paramref name="y"/>: in place, except glu, which writes the twice-as-long
    /// input gradient to <paramref name="spare"/>. Returns true when the result is in the spare buffer. For the last
    /// layer, a fused loss (sigmoid/softmax) hands in the pre-activation gradient, so the pass is skipped.</summary>
    public static bool Backward(CodeWriter w, string activation, bool isLast, string z, string y, string gradient, string spare, string count, string rows, int length)
    {
        if (activation == "linear") return false;
        ActivationCatalog.TryGet(activation, out var method, out var shape);
        bool fusable = isLast && activation is "sigmoid" or "softmax"; // canonical: softmax(axis=-1) is "softmax"
        using (fusable ? w.Block("if (!preActivation)") : null)
        {
            if (shape == ActivationShape.Elementwise)
                Elementwise(w, "TS", count,
                    i => $"TS.Store({ActivationCatalog.Call($"{Training}.ActivationGradient<TV, TS>", activation, $"TS.Load(ref {z}, {i}), TS.Load(ref {y}, {i}), TS.Load(ref {gradient}, {i})")}, ref {gradient}, {i});",
                    i => $"{Unsafe}.Add(ref {gradient}, {i}) = {ActivationCatalog.Call($"{Training}.ActivationGradient<float, global::KerasGen.Kernels.SimdScalar>", activation, $"{Unsafe}.Add(ref {z}, {i}), {Unsafe}.Add(ref {y}, {i}), {Unsafe}.Add(ref {gradient}, {i})")};");
            else
                w.Line($"{Training}.RowActivationGradients.{method}(ref {z}, ref {y}, ref {gradient}, ref {(shape == ActivationShape.Halving ? spare : gradient)}, {rows}, {length});");
        }
        return shape == ActivationShape.Halving;
    }

    /// <summary>A loop over <paramref name="count"/> values: whole registers, then the scalar tail.</summary>
    public static void Elementwise(CodeWriter w, string ts, string count, System.Func<string, string> vector, System.Func<string, string> scalar)
    {
        using (w.Block(""))
        {
            w.Line($"nuint count = (nuint)({count}), i = 0;");
            using (w.Block($"for (; i + (nuint){ts}.Count <= count; i += (nuint){ts}.Count)"))
                w.Line(vector("i"));
            using (w.Block("for (; i < count; i++)"))
                w.Line(scalar("i"));
        }
    }

    /// <summary>Copies <paramref name="count"/> floats (nothing when both refs are the same expression).</summary>
    public static void Copy(CodeWriter w, string from, string to, string count)
    {
        if (from == to) return;
        w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {from}, {count}).CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {to}, {count}));");
    }
}
