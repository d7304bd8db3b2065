using KerasGen.Generator.Catalog;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Emits an Activation layer's element-wise kernel: whole registers, then a scalar tail (so it never reads or writes
/// past the layer's values, and may read the caller's input span directly). Row-wise activations (softmax…) are
/// calls into the runtime's RowActivations, emitted by <see cref="ModelEmitter"/>.
/// </summary>
internal static class ActivationEmitter
{
    public static void EmitElementwise(CodeWriter w, string method, string activation, int size, Isa isa)
    {
        const string At = "global::System.Runtime.CompilerServices.Unsafe.Add";
        using (w.Block($"private static void {method}(ref float x, ref float y)"))
        {
            w.Line("nuint i = 0;");
            if (!isa.IsScalar && size >= isa.Width)
                using (w.Block($"for (; i + {isa.Width} <= {size}; i += {isa.Width})"))
                    w.Line($"{isa.Vector}.StoreUnsafe({ActivationCatalog.Call(isa.Activation, activation, $"{isa.Vector}.LoadUnsafe(ref x, i)")}, ref y, i);");
            using (w.Block($"for (; i < {size}; i++)"))
                w.Line($"{At}(ref y, i) = {ActivationCatalog.Call(Isa.Scalar.Activation, activation, $"{At}(ref x, i)")};");
        }
    }

    /// <summary>The runtime RowActivations method for softmax, log_softmax, sparsemax or glu; null otherwise.</summary>
    public static string? RowMethod(string activation) =>
        ActivationCatalog.TryGet(activation, out var method, out var shape) && shape != ActivationShape.Elementwise ? method : null;
}
