using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Normalization;

/// <summary>
/// Keras <c>LayerNormalization</c> (KERAS_SPEC §1.10): each sample normalized over <see cref="Axes"/> (Keras' axes,
/// the batch being 0: one axis, or several trailing ones) with its own statistics, the same in training and
/// inference (runtime <c>Kernels.LayerNormalization</c>; backward <c>LayerNormalizationTraining</c>). Weights gamma
/// (if scale) and beta (if center), shaped as the normalized axes.
/// </summary>
internal sealed record LayerNormalizationLayer(
    EquatableArray<int> Axes,
    double Epsilon,
    bool Center,
    bool Scale,
    string BetaInitializer,
    string GammaInitializer,
    string? BetaRegularizer,
    string? GammaRegularizer,
    string? BetaConstraint,
    string? GammaConstraint,
    string? AxisArgument) : LayerSpec
{
    public override string ClassName => "LayerNormalization";

    public override string Activation => "linear";

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (epsilon, epsilonArgument) = a.Double("Epsilon");
        if (epsilon is double e && !(e > 0 && KerasCall.IsFloat(e)))
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, $"`epsilon` must be a positive number. Received: epsilon={e.ToString("R", CultureInfo.InvariantCulture)}", epsilonArgument);
        var (given, axisArgument) = a.Ints("Axis");
        var axes = given is { Length: > 0 } ? given : new[] { -1 };
        int weightRank = axes.Length; // gamma and beta have one axis per normalized axis
        return new LayerNormalizationLayer(new EquatableArray<int>(axes), epsilon ?? 0.001,
            a.Bool("Center").Value ?? true, a.Bool("Scale").Value ?? true,
            a.Initializer("zeros", "BetaInitializer"), a.Initializer("ones", "GammaInitializer"),
            a.Regularizer(false, "BetaRegularizer"), a.Regularizer(false, "GammaRegularizer"),
            a.Constraint(weightRank, "BetaConstraint"), a.Constraint(weightRank, "GammaConstraint"), axisArgument);
    }

    /// <summary>The per-sample indices of the normalized axes, sorted, or null when Keras' axes are not the input's,
    /// repeat, or (several of them) are not the trailing ones.</summary>
    private int[]? Indices(int rank)
    {
        var indices = Axes.Select(x => (x < 0 ? x + rank + 1 : x) - 1).Distinct().OrderBy(x => x).ToArray();
        if (indices.Length != Axes.Count || indices.Any(i => i < 0 || i >= rank)) return null;
        if (indices.Length > 1 && (indices[indices.Length - 1] != rank - 1 || indices[indices.Length - 1] - indices[0] != indices.Length - 1)) return null;
        return indices;
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (Indices(input.Count) is not { } indices)
        {
            diagnostics.Add(DiagnosticCatalog.IncompatibleInputRank,
                $"LayerNormalization's axis {ShapeMath.Tuple(Axes)} does not fit its input of shape {ShapeMath.Keras(input)}: one axis (the batch is 0), or several trailing ones", AxisArgument);
            return null;
        }
        var written = Axes.Select(x => (x < 0 ? x + input.Count + 1 : x) - 1).ToArray();
        if (!written.SequenceEqual(indices))
        {
            // Keras shapes gamma in the order written; KerasGen keeps the input's order, so it does not guess.
            diagnostics.Add(DiagnosticCatalog.NotSupportedYet,
                $"LayerNormalization's axes {ShapeMath.Tuple(Axes)} are not in increasing order: Keras would shape gamma and beta in that order, which KerasGen does not compile yet; write them in increasing order", AxisArgument);
            return null;
        }
        if (indices.Any(i => input[i] == ShapeMath.None))
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension, $"LayerNormalization needs the size of its normalized axes; its input is {ShapeMath.Keras(input)}");
            return null;
        }
        return input.ToList();
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input)
    {
        var shape = new EquatableArray<int>(Indices(input.Count)!.Select(i => input[i]).ToArray());
        var weights = new List<WeightSpec>();
        if (Scale) weights.Add(new WeightSpec("gamma", shape, GammaInitializer, Regularizer: GammaRegularizer, Constraint: GammaConstraint));
        if (Center) weights.Add(new WeightSpec("beta", shape, BetaInitializer, Regularizer: BetaRegularizer, Constraint: BetaConstraint));
        return weights;
    }

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["axis"] = string.Join(",", Axes),
        ["epsilon"] = Epsilon.ToString("R", CultureInfo.InvariantCulture),
        ["center"] = Center ? "true" : "false",
        ["scale"] = Scale ? "true" : "false",
    };

    public override StepsKernel? OverSteps(LayerPlan layer) => null;

    public override LayerMemory Memory(LayerPlan layer) => new(true, layer.OutputSize);

    public override string EmitSample(SampleContext c) => c.ViaForward();

    /// <summary>(groups per sample, features per group, inner stride, γ columns, γ stride) of the layer.</summary>
    private string Layout(LayerPlan layer, IReadOnlyList<PlacedWeight> weights, string n)
    {
        var shape = layer.InputShape;
        var indices = Indices(shape.Count)!;
        int first = indices[0], last = indices[indices.Length - 1];
        int outer = ShapeMath.Product(shape.Take(first)), features = ShapeMath.Product(shape.Skip(first).Take(last - first + 1)), inner = ShapeMath.Product(shape.Skip(last + 1));
        int columns = shape[last], stride = weights.Count > 0 ? weights[0].Stride : columns;
        return $"{n} * {outer}, {features}, {inner}, {columns}, {stride}, {Literals.Float(Epsilon)}, {Literals.Bool(Center)}, {Literals.Bool(Scale)}";
    }

    /// <summary>gamma and beta refs (an absent one reads the other or the input; the kernels then ignore it).</summary>
    private (string Gamma, string Beta) Refs(System.Func<int, string> weight, string fallback) =>
        (Scale ? weight(0) : fallback, Center ? weight(Scale ? 1 : 0) : Scale ? weight(0) : fallback);

    public override void EmitForward(ForwardContext c)
    {
        var (gamma, beta) = Refs(i => c.Weight(i), c.Input);
        c.W.Line($"global::KerasGen.Kernels.LayerNormalization.Forward(ref {c.Input}, ref {c.Output}, ref {gamma}, ref {beta}, {Layout(c.Layer, c.Weights, c.N)});");
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var (gamma, _) = Refs(i => c.Weight(i), c.Input);
        var (gammaGradient, betaGradient) = Refs(i => c.WeightGradient(i), c.Input);
        c.W.Line($"global::KerasGen.Training.LayerNormalizationTraining.Backward(ref {c.Input}, ref {c.Gradient}, ref {gamma}, ref {gammaGradient}, ref {betaGradient}, " +
            $"{Layout(c.Layer, c.Weights, "n")}, {Literals.Bool(c.NeedsInputGradient)});");
        return false;
    }
}
