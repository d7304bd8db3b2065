using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>Where a Dense layer's weights sit: kernel rows of <paramref name="PaddedUnits"/> floats, then the bias
/// (−1: none).</summary>
internal sealed record DenseLayout(int KernelOffset, int BiasOffset, int PaddedUnits)
{
    public static DenseLayout Of(IReadOnlyList<PlacedWeight> weights) =>
        new(weights[0].Offset, weights.Count > 1 ? weights[1].Offset : -1, weights[0].Stride);
}

/// <summary>Keras <c>Dense(units)</c> (KERAS_SPEC §1.1): <c>activation(x · kernel + bias)</c> on the last axis.</summary>
internal sealed record DenseLayer(int Units, string ActivationName, bool UseBias, string KernelInitializer, string BiasInitializer, Regularization Regularizers) : LayerSpec
{
    private const string Training = "global::KerasGen.Training";

    public override string ClassName => "Dense";

    /// <summary>Every weight once per position (one position, or one per step of a sequence).</summary>
    public override long MultiplyAdds(LayerPlan layer) => layer.Params * (layer.OutputSize / Units);

    public override string Activation => ActivationName;

    public override Regularization Regularization => Regularizers;

    public override string InputShapeHint => "InputDim = n or InputShape = new[] { … }";

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (units, unitsArgument) = a.Int("Units", "OutputDim");
        if (units is null)
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, "Dense needs its number of units: write [Dense(units)] or set Units", unitsArgument);
        else a.Positive("units", new[] { units.Value }, unitsArgument);
        var layer = new DenseLayer(units ?? 0, a.OptionalActivation("Activation"), a.Bool("UseBias", "Bias").Value ?? true,
            a.Initializer("glorot_uniform", "KernelInitializer", "Init"), a.Initializer("zeros", "BiasInitializer"), Regularization.Parse(a, keras1Attribute: false, kernelRank: 2));
        var (dim, dimArgument) = a.Int("InputDim");
        return dim is int d && d != 0 ? layer with { InputShape = new EquatableArray<int>(new[] { d }), InputShapeArgument = dimArgument } : layer;
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (Units <= 0) return null; // reported by the parser
        if (input[input.Count - 1] == ShapeMath.None)
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension,
                $"Dense needs the size of the last axis of its input {ShapeMath.Keras(input)}: it sets the kernel's shape");
            return null;
        }
        return ActivationShapes.Apply(ActivationName, input.Take(input.Count - 1).Append(Units).ToList(), diagnostics, "Activation");
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input)
    {
        // Staggered rows (ModelLayout.Stride); the bias is padded alike, since the kernels treat it as one more row.
        var kernel = new WeightSpec("kernel", new EquatableArray<int>(new[] { input[input.Count - 1], Units }), KernelInitializer,
            Regularizer: Regularizers.Kernel, Constraint: Regularizers.KernelConstraint, StaggerRows: true);
        return UseBias
            ? new[] { kernel, new WeightSpec("bias", new EquatableArray<int>(new[] { Units }), BiasInitializer, Regularizer: Regularizers.Bias, Constraint: Regularizers.BiasConstraint, StaggerRows: true) }
            : new[] { kernel };
    }

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["units"] = Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["use_bias"] = UseBias ? "true" : "false",
    };

    /// <summary>Rows of the product per sample: 1, or the leading axes of a rank ≥ 3 input.</summary>
    private static int Rows(LayerPlan layer) => layer.InputSize / layer.InputLast;

    /// <summary>Dense on (steps, features) acts on each step.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer) => layer.InputShape.Count == 2 ? StepsKernel.ForEachStep : null;

    public override LayerMemory Memory(LayerPlan layer) =>
        new(true, Rows(layer) * Units, PaddedGradient: Rows(layer) * ModelLayout.Stride(Weights(layer.InputShape)[0]));

    public override string EmitSample(SampleContext c)
    {
        var layer = c.Layer;
        int inputs = layer.InputLast, rows = Rows(layer);
        var w = c.Body;
        int? panels = rows == 1 && c.PanelOffset is int offset && DenseRowKernel.ReadsPanels(Units, c.Isa) ? offset : null;
        if (rows == 1) w.Line($"{c.Method}(ref {c.Source}, ref w, {(panels is null ? "" : "ref p, ")}ref {c.Target});");
        else
            using (w.Block($"for (nuint r = 0; r < {rows}; r++)"))
                w.Line($"{c.Method}(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {c.Source}, r * {inputs}), ref w, ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {c.Target}, r * {Units}));");
        if (ActivationEmitter.RowMethod(ActivationName) is { } row)
            w.Line($"global::KerasGen.Kernels.RowActivations.{row}(ref {c.Target}, {rows}, {Units});");
        c.Helpers.Line();
        DenseRowKernel.EmitRowKernel(c.Helpers, c.Method, layer, ActivationName, Units, DenseLayout.Of(c.Weights), c.Isa, panels);
        return c.Target;
    }

    /// <summary>Predict's batch path reads the kernel from panels, one sequential stream of weights; except rows long
    /// enough for the runtime's long-row path (DenseTraining.ForwardPacked: 4,096+ inputs, a multiple of 1,024, rows of
    /// at most 256 floats), which reads the rows itself, so a packed copy would go unread. Those call Forward.</summary>
    public override bool PacksKernel(LayerPlan layer)
    {
        int inputs = layer.InputLast, stride = ModelLayout.Stride(Weights(layer.InputShape)[0]);
        return !(inputs >= 4096 && inputs % 1024 == 0 && stride <= 256);
    }

    public override void EmitForward(ForwardContext c)
    {
        var dense = DenseLayout.Of(c.Weights);
        int rows = Rows(c.Layer);
        string bias = UseBias ? c.Weight(1) : c.Weight(0);
        if (c.Packed is { } packed)
            c.W.Line($"{Training}.DenseTraining<{c.Generic}>.ForwardPanels(ref {c.Input}, ref {c.Weight(0)}, ref {packed}, ref {bias}, {Literals.Bool(UseBias)}, ref {c.PreActivation}, {c.N} * {rows}, {c.Layer.InputLast}, {Units}, {dense.PaddedUnits});");
        else
            c.W.Line($"{Training}.DenseTraining<{c.Generic}>.Forward(ref {c.Input}, ref {c.Weight(0)}, ref {bias}, {Literals.Bool(UseBias)}, ref {c.PreActivation}, {c.N} * {rows}, {c.Layer.InputLast}, {Units}, {dense.PaddedUnits});");
        if (ActivationName != "linear")
            ActivationCode.Forward(c.W, c.TV, c.TS, ActivationName, c.PreActivation, c.Output, $"{c.N} * {rows * Units}", $"{c.N} * {rows}", Units);
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var dense = DenseLayout.Of(c.Weights);
        int rows = Rows(c.Layer), inputs = c.Layer.InputLast;
        bool spare = ActivationCode.Backward(c.W, ActivationName, c.IsLast, c.PreActivation, c.Output, c.Gradient, c.Spare, $"n * {rows * Units}", $"n * {rows}", Units);
        string gradient = spare ? c.Spare : c.Gradient;
        c.W.Line($"{Training}.DenseTraining<TV, TS>.Pad(ref {gradient}, ref {c.PaddedGradient}, n * {rows}, {Units}, {dense.PaddedUnits});");
        if (!c.DefersWeightGradient)
            c.W.Line($"{Training}.DenseTraining<TV, TS>.AccumulateGradients(ref {c.Input}, ref {c.PaddedGradient}, ref {c.WeightGradient(0)}, ref {(UseBias ? c.WeightGradient(1) : c.WeightGradient(0))}, {Literals.Bool(UseBias)}, n * {rows}, {inputs}, {dense.PaddedUnits});");
        if (c.NeedsInputGradient)
            c.W.Line($"{Training}.DenseTraining<TV, TS>.InputGradient(ref {c.PaddedGradient}, ref {c.Weight(0)}, ref {gradient}, n * {rows}, {inputs}, {dense.PaddedUnits});");
        return spare;
    }

    /// <summary>The kernel's rows, then the bias as one more row of the same stride (it follows the kernel).</summary>
    public override (int Offset, int Rows, int Stride)? WeightRowBlock(LayerPlan layer, IReadOnlyList<PlacedWeight> weights)
    {
        var dense = DenseLayout.Of(weights);
        int inputs = layer.InputLast;
        if (UseBias && dense.BiasOffset != dense.KernelOffset + inputs * dense.PaddedUnits) return null;
        return (dense.KernelOffset, inputs + (UseBias ? 1 : 0), dense.PaddedUnits);
    }

    public override void EmitWeightGradientRows(BackwardContext c)
    {
        var dense = DenseLayout.Of(c.Weights);
        int inputs = c.Layer.InputLast, rows = inputs + (UseBias ? 1 : 0);
        string id = char.ToLowerInvariant(c.Layer.Identifier[0]) + c.Layer.Identifier.Substring(1), first = id + "First", end = id + "End";
        c.W.Line($"var ({first}, {end}) = {Training}.WeightRows.Rows(start, end, {dense.KernelOffset}, {rows}, {dense.PaddedUnits}); // the kernel's rows, then the bias");
        string hasBias = UseBias ? $"{end} > {inputs}" : "false";
        c.W.Line($"if ({first} < {end}) {Training}.DenseTraining<TV, TS>.AccumulateGradients(ref {c.Input}, ref {c.PaddedGradient}, ref {c.WeightGradient(0)}, ref {(UseBias ? c.WeightGradient(1) : c.WeightGradient(0))}, {hasBias}, n * {Rows(c.Layer)}, {inputs}, {dense.PaddedUnits}, {first}, global::System.Math.Min({end}, {inputs}) - {first}, overwrite);");
    }
}
