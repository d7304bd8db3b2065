using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Layers.Core;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// A single-sample forward for small Dense stacks with every activation held in registers (issue 11: "chain tiny
/// layers in registers"). A layer's input i is its input register's lane i, broadcast with one permute, instead of a
/// store to scratch and a broadcast load back; so the kernel needs no scratch, and Predict no stackalloc (zeroed, and
/// guarded by a stack cookie) and no per-sample loop. Measured on Pima (Zen 5, one process): the Predict wrapper and
/// scratch were ~5 of its ~21 ns; the register chain itself is as fast as the store and reload.
/// The FMAs and their order are <see cref="DenseRowKernel"/>'s, so the bits are the row kernel's, which batches of 2–3
/// samples still run.
/// </summary>
internal static class ChainedForward
{
    /// <summary>A chained activation is at most this many registers and floats: 4 zmm or ymm, and 4 xmm (16 floats) on
    /// the 128-bit path, so a layer's inputs, its accumulators and the broadcasts stay in registers.</summary>
    private const int MaxRegisters = 4, MaxFloats = 32;

    /// <summary>Whether one sample of this model chains on <paramref name="isa"/>: rank-1 Dense layers with an
    /// element-wise activation (or none), Dropout (the identity at inference) and element-wise Activation layers of
    /// whole registers, the first layer other than a Dropout a Dense of at most <see cref="DenseRowKernel.UnrollInputs"/>
    /// inputs. The portable path keeps its loops.</summary>
    public static bool Fits(ModelPlan plan, ModelLayout layout, Isa isa)
    {
        if (isa.IsScalar || plan.UnknownSteps || layout.Streams.InSinglePath) return false;
        bool started = false;
        int units = 0;
        foreach (var (layer, _, _) in layout.Folding.Layers(plan, layout))
            switch (layer.Spec)
            {
                case DenseLayer dense when layer.InputShape.Count == 1 && layer.InputLast <= DenseRowKernel.UnrollInputs
                                           && Registers(dense.Units, isa) <= MaxRegisters && dense.Units <= MaxFloats
                                           && Elementwise(dense.ActivationName):
                    (started, units) = (true, dense.Units);
                    break;
                case DropoutLayer:
                    break;
                // The row kernel's Activation layer runs a scalar tail past its whole registers (ActivationEmitter),
                // and the scalar functions do not round as the vector ones do (no FMA): chained, the tail would run
                // in a register and lose the row kernel's bits. So only whole registers chain.
                case ActivationLayer activation when started && Elementwise(activation.ActivationName)
                                                     && (activation.ActivationName == "linear" || units % isa.Width == 0):
                    break;
                default:
                    return false;
            }
        return started;
    }

    /// <summary>
    /// The chained path the automatic Predict runs on a machine whose widest path is <paramref name="isa"/>: that
    /// path's own chain, except that on AVX-512 a chain whose every activation fits one 512-bit register (16 units)
    /// runs the 256-bit one (one or two registers a layer). Such a chain is a dependency chain of permutes, FMAs and
    /// the activations, where a 256-bit operation is never slower than a 512-bit one, and on Zen 4, which runs
    /// 512-bit operations as two halves, faster: pima in one process, 23.9 ns against 29.3 (median of 10 rounds of 2M
    /// calls). Wider layers keep the 512-bit chain, whose FMA count the 256-bit one would double. Every operation is
    /// lane-wise in the same order on every width, so the bits are the same.
    /// </summary>
    public static Isa AutomaticPath(ModelPlan plan, ModelLayout layout, Isa isa, System.Collections.Generic.IReadOnlyCollection<Isa> chained) =>
        isa == Isa.V512 && chained.Contains(Isa.V256) && WidestDense(plan, layout) <= Isa.V512.Width ? Isa.V256 : isa;

    /// <summary>The most units of any Dense layer of the chain.</summary>
    private static int WidestDense(ModelPlan plan, ModelLayout layout) =>
        layout.Folding.Layers(plan, layout).Select(l => l.Layer.Spec is DenseLayer dense ? dense.Units : 0).DefaultIfEmpty(0).Max();

    /// <summary><c>PredictOne{Suffix}(ref x, ref w, ref y)</c>: one sample, no scratch.</summary>
    public static void Emit(CodeWriter w, ModelPlan plan, ModelLayout layout, Isa isa)
    {
        w.Line();
        w.Line($"/// <summary>One sample through every layer on the {isa.KernelPath} path, each activation in registers.</summary>");
        w.Line(ModelEmitter.FirstCallOptimized);
        using (w.Block($"public static void PredictOne{isa.Suffix}(ref float x, ref float w, ref float y)"))
        {
            string? held = null; // the registers holding the current activation, h{l}_0 …; null while it is x
            int units = plan.InputSize;
            foreach (var (layer, weights, comment) in layout.Folding.Layers(plan, layout))
            {
                w.Line(comment);
                switch (layer.Spec)
                {
                    case DenseLayer dense:
                    {
                        int count = Registers(dense.Units, isa);
                        string keep = $"h{layer.Index}_";
                        w.Line(string.Join(" ", Enumerable.Range(0, count).Select(t => $"{isa.Register} {keep}{t};")));
                        string? from = held;
                        using (w.Block(""))
                            DenseRowKernel.EmitChainedTile(w, count, layer.InputLast, DenseLayout.Of(weights), DenseRowKernel.ElementwiseMethod(dense.ActivationName), isa,
                                i => from is null ? $"{isa.Vector}.Create(global::System.Runtime.CompilerServices.Unsafe.Add(ref x, {i}))" : Lane(isa, from, i), keep);
                        (held, units) = (keep, dense.Units);
                        break;
                    }
                    case ActivationLayer activation when DenseRowKernel.ElementwiseMethod(activation.ActivationName) is { } function:
                        for (int t = 0; t < Registers(units, isa); t++)
                            w.Line($"{held}{t} = {Catalog.ActivationCatalog.Call(isa.Activation, function, $"{held}{t}")};");
                        break;
                    case DropoutLayer:
                    case ActivationLayer { ActivationName: "linear" }:
                        break; // the identity at inference
                    default:
                        throw new System.InvalidOperationException($"{layer.Name} ({layer.Spec.GetType().Name}) does not chain: Fits should have refused it");
                }
            }
            EmitStore(w, held!, plan.OutputSize, isa);
        }
    }

    /// <summary>Unit i of an activation held in registers <c>{held}0 …</c>, broadcast to every lane (one vpermps on
    /// x86; the index vector is a constant, off the dependency chain).</summary>
    private static string Lane(Isa isa, string held, int i) =>
        $"{isa.Vector}.Shuffle({held}{i / isa.Width}, {isa.Vector}.Create({i % isa.Width}))";

    /// <summary>The outputs into y, which holds exactly <paramref name="outputs"/> floats: whole registers as stores,
    /// the rest lane by lane.</summary>
    private static void EmitStore(CodeWriter w, string held, int outputs, Isa isa)
    {
        int whole = outputs / isa.Width;
        for (int t = 0; t < whole; t++)
            w.Line($"{isa.Vector}.StoreUnsafe({held}{t}, ref y, {t * isa.Width});");
        for (int k = whole * isa.Width; k < outputs; k++)
            w.Line($"{Literals.At("y", k)} = {held}{k / isa.Width}.{(k % isa.Width == 0 ? "ToScalar()" : $"GetElement({k % isa.Width})")};");
    }

    private static int Registers(int units, Isa isa) => (units + isa.Width - 1) / isa.Width;

    private static bool Elementwise(string activation) => activation == "linear" || DenseRowKernel.ElementwiseMethod(activation) is not null;
}
