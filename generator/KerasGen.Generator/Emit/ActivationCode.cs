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
            Elementwise(w, ts, count, new[] { from }, to,
                (at, i) => $"{ts}.Store({ActivationCatalog.Call($"global::KerasGen.Kernels.Activation<{tv}, {ts}>", activation, $"{ts}.Load(ref {at(from)}, {i})")}, ref {at(to)}, {i});");
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
                Elementwise(w, "TS", count, new[] { z, y, gradient }, gradient,
                    (at, i) => $"TS.Store({ActivationCatalog.Call($"{Training}.ActivationGradient<TV, TS>", activation, $"TS.Load(ref {at(z)}, {i}), TS.Load(ref {at(y)}, {i}), TS.Load(ref {at(gradient)}, {i})")}, ref {at(gradient)}, {i});");
            else
                w.Line($"{Training}.RowActivationGradients.{method}(ref {z}, ref {y}, ref {gradient}, ref {(shape == ActivationShape.Halving ? spare : gradient)}, {rows}, {length});");
        }
        return shape == ActivationShape.Halving;
    }

    /// <summary>
    /// A loop over <paramref name="count"/> values in whole registers: <paramref name="statement"/> (given how to name
    /// each buffer and the index) reads <paramref name="reads"/> and writes <paramref name="write"/>. The last values,
    /// fewer than a register, go through the same statement by way of a <c>TailTile</c> (copied in, zero-padded,
    /// copied out): a scalar tail computes exp and multiply-adds differently from a register lane, which made a
    /// value's bits depend on where it fell, and a batch cut across cores moves that.
    /// </summary>
    public static void Elementwise(CodeWriter w, string ts, string count, string[] reads, string write, System.Func<System.Func<string, string>, string, string> statement)
    {
        var buffers = new System.Collections.Generic.List<string>();
        foreach (var buffer in reads) if (!buffers.Contains(buffer)) buffers.Add(buffer);
        if (!buffers.Contains(write)) buffers.Add(write);
        using (w.Block(""))
        {
            w.Line($"nuint count = (nuint)({count}), i = 0;");
            using (w.Block($"for (; i + (nuint){ts}.Count <= count; i += (nuint){ts}.Count)"))
                w.Line(statement(b => b, "i"));
            using (w.Block("if (i < count)"))
            {
                w.Line("int rest = (int)(count - i);");
                w.Line("global::KerasGen.Kernels.TailTile tile = default;");
                w.Line("global::System.Span<float> tail = tile;");
                string Start(int k) => k == 0 ? "0" : $"{k} * {ts}.Count";
                for (int k = 0; k < buffers.Count; k++)
                {
                    w.Line($"ref float tail{k} = ref tail[{Start(k)}];");
                    if (buffers[k] != write || System.Array.IndexOf(reads, write) >= 0)
                        w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {Unsafe}.Add(ref {buffers[k]}, i), rest).CopyTo(tail.Slice({Start(k)}));");
                }
                w.Line(statement(b => $"tail{buffers.IndexOf(b)}", "0"));
                w.Line($"tail.Slice({Start(buffers.IndexOf(write))}, rest).CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Unsafe}.Add(ref {write}, i), rest));");
            }
        }
    }

    /// <summary>Copies <paramref name="count"/> floats (nothing when both refs are the same expression).</summary>
    public static void Copy(CodeWriter w, string from, string to, string count)
    {
        if (from == to) return;
        w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {from}, {count}).CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {to}, {count}));");
    }
}
