using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>
/// Emits a Dense layer's single-sample kernel for one row (one sample, or one step of a rank-3 input): y = act(x · W + b).
/// Vector paths keep a tile of up to <see cref="Isa.MaxTile"/> output registers as accumulators, broadcast each input
/// once per tile and stream the padded kernel rows with FMAs; element-wise activations run on the accumulators
/// before the single store. Small layers are fully unrolled with constant offsets; larger ones loop over the inputs
/// with constant bounds, so no method grows past what the JIT optimizes.
/// </summary>
internal static class DenseRowKernel
{
    /// <summary>Layers with at most this many inputs are unrolled over the inputs.</summary>
    public const int UnrollInputs = 32;

    /// <param name="panelOffset">Where the layer's kernel starts in the packed panels (<c>ref float p</c>, the batch
    /// path's copy: panel q, input i at (q·inputs + i)·48), for a vector path whose kernel may read it there
    /// (<see cref="ReadsPanels"/>); null to read the kernel in <c>w</c> only. With an offset the method takes
    /// <c>ref float p</c> and reads the panels unless p is a null ref (the copy is stale: the model's
    /// SinglePanels). The tiles and their FMAs are the same either way, so are the bits; only the addresses change,
    /// to one sequential stream per panel (a tile's 8 registers read 512 of every 2,112 bytes of the rows).</param>
    public static void EmitRowKernel(CodeWriter w, string method, LayerPlan layer, string activationName, int units, DenseLayout layout, Isa isa, int? panelOffset = null)
    {
        int inputs = layer.InputLast;
        bool panels = panelOffset is not null && ReadsPanels(units, isa);
        string? activation = ElementwiseMethod(activationName);
        string attributes = inputs <= UnrollInputs
            ? "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]"
            : "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]"; // optimized from its first call, as the Forward kernel calling it (ModelEmitter.FirstCallOptimized)
        w.Line(attributes);
        using (w.Block($"private static void {method}(ref float x, ref float w, {(panels ? "ref float p, " : "")}ref float y)"))
        {
            if (panels)
            {
                using (w.Block("if (!global::System.Runtime.CompilerServices.Unsafe.IsNullRef(ref p))"))
                {
                    w.Line($"ref float kernel = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref p, {panelOffset}); // packed in panels of {PanelWidth} columns");
                    EmitBias(w, layout);
                    EmitPanelTiles(w, units, inputs, layout, activation, isa);
                }
                using (w.Block("else"))
                    EmitRows(w, units, inputs, layout, activation, isa);
            }
            else EmitRows(w, units, inputs, layout, activation, isa);
        }
    }

    /// <summary>The kernel read in its padded rows in <c>w</c>.</summary>
    private static void EmitRows(CodeWriter w, int units, int inputs, DenseLayout layout, string? activation, Isa isa)
    {
        EmitRowRefs(w, layout);
        if (isa.IsScalar) EmitScalar(w, units, inputs, layout, activation, isa);
        else EmitVector(w, units, inputs, layout, activation, isa);
    }

    /// <summary>The <c>kernel</c> (its padded rows in <c>w</c>) and <c>bias</c> refs.</summary>
    private static void EmitRowRefs(CodeWriter w, DenseLayout layout)
    {
        w.Line($"ref float kernel = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref w, {layout.KernelOffset});");
        EmitBias(w, layout);
    }

    private static void EmitBias(CodeWriter w, DenseLayout layout)
    {
        if (layout.BiasOffset >= 0)
            w.Line($"ref float bias = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref w, {layout.BiasOffset});");
    }

    private const int PanelWidth = InferencePanels.PanelWidth;

    /// <summary>Panel tiles are unrolled, each some 500 bytes of IL: past this many the method would grow towards the
    /// JIT's 60 KB limit (a 4,096-unit layer on the 128-bit path is 128 tiles), so wider layers keep the rows.</summary>
    private const int MaxPanelTiles = 16;

    /// <summary>Whether a wide layer of <paramref name="units"/> reads its panels on <paramref name="isa"/>: a vector
    /// path, and at most <see cref="MaxPanelTiles"/> tiles.</summary>
    public static bool ReadsPanels(int units, Isa isa)
    {
        if (isa.IsScalar) return false;
        int blocks = (units + isa.Width - 1) / isa.Width, tile = System.Math.Min(blocks, isa.MaxTile);
        return (blocks + tile - 1) / tile <= MaxPanelTiles;
    }

    /// <summary><see cref="EmitVector"/>'s tiles over the packed panels: each tile unrolled (its registers' panel
    /// offsets are constants, not a function of a loop variable), a row of the panels <see cref="PanelWidth"/>
    /// floats long.</summary>
    private static void EmitPanelTiles(CodeWriter w, int units, int inputs, DenseLayout layout, string? activation, Isa isa)
    {
        int blocks = (units + isa.Width - 1) / isa.Width;
        int tile = System.Math.Min(blocks, isa.MaxTile);
        for (int first = 0; first < blocks; first += tile)
        {
            int count = System.Math.Min(tile, blocks - first), start = first * isa.Width;
            using (w.Block(""))
                EmitTile(w, count, start == 0 ? "" : $"{start} + ", inputs, layout, activation, isa,
                    kernelAt: (rowOffset, t) => (rowOffset + PanelColumn(start + t * isa.Width, inputs)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    rowStride: PanelWidth);
        }
    }

    /// <summary>Column c's offset in input 0's row of the packed panels.</summary>
    private static int PanelColumn(int column, int inputs) => column / PanelWidth * PanelWidth * inputs + column % PanelWidth;

    private static void EmitVector(CodeWriter w, int units, int inputs, DenseLayout layout, string? activation, Isa isa)
    {
        // The registers that hold real columns: the padding past them is never read (a layer reads its inputs, the
        // user its outputs), so a narrow layer on AVX2 computes one register, not a whole padded row of two.
        int blocks = (units + isa.Width - 1) / isa.Width;
        int tile = System.Math.Min(blocks, isa.MaxTile);
        int fullTiles = blocks / tile, remainder = blocks % tile, step = tile * isa.Width;
        if (fullTiles == 1 && remainder == 0) EmitTile(w, tile, "", inputs, layout, activation, isa);
        else if (fullTiles == 1)
            using (w.Block(""))
                EmitTile(w, tile, "", inputs, layout, activation, isa);
        else
            using (w.Block($"for (nuint j = 0; j < {fullTiles * step}; j += {step})"))
                EmitTile(w, tile, "j + ", inputs, layout, activation, isa);
        if (remainder > 0)
            using (w.Block(""))
                EmitTile(w, remainder, $"{fullTiles * step} + ", inputs, layout, activation, isa);
    }

    /// <summary>
    /// A layer of a register-chained forward (<see cref="ChainedForward"/>): the same FMAs in the same order as
    /// <see cref="EmitRowKernel"/>'s tile, so the same bits, but input <c>i</c> is <paramref name="input"/>(i) (a
    /// broadcast of a register's lane, or of x) and the <paramref name="count"/> results go to registers
    /// <c>{keep}0 …</c> instead of memory. Emitted inline, in a block of its own.
    /// </summary>
    public static void EmitChainedTile(CodeWriter w, int count, int inputs, DenseLayout layout, string? activation, Isa isa, System.Func<int, string> input, string keep)
    {
        EmitRowRefs(w, layout);
        EmitTile(w, count, "", inputs, layout, activation, isa, input, keep);
    }

    /// <summary>One register tile of <paramref name="count"/> output vectors starting at column <c>{column}0</c>,
    /// stored to y (or kept in registers <c>{keep}t</c>); input i read from x (or <paramref name="input"/>(i)).</summary>
    /// <param name="kernelAt">Register t's offset from a kernel row that starts <c>rowOffset</c> floats into
    /// <c>kernel</c>; by default the padded rows', <c>{column}{rowOffset + t·width}</c>.</param>
    /// <param name="rowStride">Floats from one input's kernel row to the next; by default the padded units.</param>
    private static void EmitTile(CodeWriter w, int count, string column, int inputs, DenseLayout layout, string? activation, Isa isa, System.Func<int, string>? input = null, string? keep = null,
        System.Func<int, int, string>? kernelAt = null, int? rowStride = null)
    {
        string v = isa.Vector;
        input ??= i => $"{v}.Create(global::System.Runtime.CompilerServices.Unsafe.Add(ref x, {i}))";
        kernelAt ??= (rowOffset, t) => $"{column}{rowOffset + t * isa.Width}";
        int stride = rowStride ?? layout.PaddedUnits;
        for (int t = 0; t < count; t++)
            w.Line(layout.BiasOffset >= 0
                ? $"var acc{t} = {v}.LoadUnsafe(ref bias, {column}{t * isa.Width});"
                : $"var acc{t} = {isa.Register}.Zero;");
        // Few output registers means few independent FMA chains: split each sum into partial sums over interleaved
        // inputs so the FMA latency overlaps, then add them up once. (A layer with many inputs and a narrow output,
        // such as a classifier after a large Flatten, is otherwise bound by one FMA chain's latency.)
        int partials = System.Math.Max(1, System.Math.Min(System.Math.Min(4, inputs / 2), 8 / count));
        for (int p = 1; p < partials; p++)
            for (int t = 0; t < count; t++)
                w.Line($"var acc{t}_{p} = {isa.Register}.Zero;");
        string Suffix(int p) => p == 0 ? "" : $"_{p}";
        if (inputs <= UnrollInputs)
        {
            for (int i = 0; i < inputs; i++)
            {
                w.Line($"var x{i} = {input(i)};");
                for (int t = 0; t < count; t++)
                    w.Line($"acc{t}{Suffix(i % partials)} = {v}.MultiplyAddEstimate(x{i}, {v}.LoadUnsafe(ref kernel, {kernelAt(i * stride, t)}), acc{t}{Suffix(i % partials)});");
            }
        }
        else
        {
            if (keep is not null) throw new System.InvalidOperationException("a chained layer has at most " + UnrollInputs + " inputs");
            int whole = inputs / partials * partials;
            using (w.Block($"for (nuint i = 0; i < {whole}; i += {partials})"))
                for (int p = 0; p < partials; p++)
                {
                    string at = p == 0 ? "i" : $"i + {p}";
                    w.Line($"var x{p} = {v}.Create(global::System.Runtime.CompilerServices.Unsafe.Add(ref x, {at}));");
                    w.Line($"ref float row{p} = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref kernel, {(p == 0 ? at : $"({at})")} * {stride});");
                    for (int t = 0; t < count; t++)
                        w.Line($"acc{t}{Suffix(p)} = {v}.MultiplyAddEstimate(x{p}, {v}.LoadUnsafe(ref row{p}, {kernelAt(0, t)}), acc{t}{Suffix(p)});");
                }
            for (int i = whole; i < inputs; i++)
            {
                w.Line($"var x{i} = {v}.Create(global::System.Runtime.CompilerServices.Unsafe.Add(ref x, {i}));");
                for (int t = 0; t < count; t++)
                    w.Line($"acc{t} = {v}.MultiplyAddEstimate(x{i}, {v}.LoadUnsafe(ref kernel, {kernelAt(i * stride, t)}), acc{t});");
            }
        }
        for (int t = 0; t < count; t++)
            if (partials == 2) w.Line($"acc{t} += acc{t}_1;");
            else if (partials == 3) w.Line($"acc{t} = (acc{t} + acc{t}_1) + acc{t}_2;");
            else if (partials == 4) w.Line($"acc{t} = (acc{t} + acc{t}_1) + (acc{t}_2 + acc{t}_3);");
        for (int t = 0; t < count; t++)
        {
            if (activation is not null) w.Line($"acc{t} = {ActivationCatalog.Call(isa.Activation, activation, $"acc{t}")};");
            w.Line(keep is null ? $"{v}.StoreUnsafe(acc{t}, ref y, {column}{t * isa.Width});" : $"{keep}{t} = acc{t};");
        }
    }

    /// <summary>The portable path: bias, then one pass per input over the contiguous kernel row, then the activation.</summary>
    private static void EmitScalar(CodeWriter w, int units, int inputs, DenseLayout layout, string? activation, Isa isa)
    {
        const string At = "global::System.Runtime.CompilerServices.Unsafe.Add";
        using (w.Block($"for (nuint j = 0; j < {units}; j++)"))
            w.Line($"{At}(ref y, j) = {(layout.BiasOffset >= 0 ? $"{At}(ref bias, j)" : "0f")};");
        using (w.Block($"for (nuint i = 0; i < {inputs}; i++)"))
        {
            w.Line($"float xi = {At}(ref x, i);");
            w.Line($"ref float row = ref {At}(ref kernel, i * {layout.PaddedUnits});");
            using (w.Block($"for (nuint j = 0; j < {units}; j++)"))
                w.Line($"{At}(ref y, j) += xi * {At}(ref row, j);");
        }
        if (activation is not null)
            using (w.Block($"for (nuint j = 0; j < {units}; j++)"))
                w.Line($"{At}(ref y, j) = {ActivationCatalog.Call(isa.Activation, activation, $"{At}(ref y, j)")};");
    }

    /// <summary>The activation when it is element-wise and applied in registers; null for linear (nothing to do) and
    /// for row-wise activations, which run after the store.</summary>
    public static string? ElementwiseMethod(string activation) =>
        activation != "linear" && ActivationCatalog.TryGet(activation, out _, out var shape) && shape == ActivationShape.Elementwise
            ? activation
            : null;
}
