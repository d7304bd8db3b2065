using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Normalization;

/// <summary>
/// Keras <c>BatchNormalization</c> (KERAS_SPEC §1.9): each feature of <see cref="Axis"/> (Keras' axis, the batch
/// being 0) normalized with the batch's statistics while training (runtime <c>BatchNormalizationTraining</c>, which
/// also moves the moving statistics) and with the moving statistics at inference (<c>Kernels.BatchNormalization</c>).
/// Weights in Keras' order: gamma (if scale), beta (if center), moving_mean, moving_variance (the last two not
/// trainable). Per sample the input is <c>outer × features × inner</c>: the feature axis splits it.
/// </summary>
internal sealed record BatchNormalizationLayer(
    int Axis,
    double Momentum,
    double Epsilon,
    bool Center,
    bool Scale,
    string BetaInitializer,
    string GammaInitializer,
    string MovingMeanInitializer,
    string MovingVarianceInitializer,
    string? BetaRegularizer,
    string? GammaRegularizer,
    string? BetaConstraint,
    string? GammaConstraint) : LayerSpec
{
    public override string ClassName => "BatchNormalization";

    public override string Activation => "linear";

    public override bool UsesBatchStatistics => true;

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (mode, modeArgument) = a.Int("Mode");
        if (mode is int m && m != 0)
            a.Diagnostics.Add(DiagnosticCatalog.InvalidArgumentCombination,
                "The `mode` argument of `BatchNormalization` no longer exists. `mode=1` and `mode=2` are no longer supported.", modeArgument);
        var (momentum, momentumArgument) = a.Double("Momentum");
        if (momentum is double mo && !(mo >= 0 && mo <= 1))
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, $"`momentum` must be between 0 and 1. Received: momentum={mo.ToString("R", CultureInfo.InvariantCulture)}", momentumArgument);
        var (epsilon, epsilonArgument) = a.Double("Epsilon");
        if (epsilon is double e && !(e > 0 && KerasCall.IsFloat(e)))
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, $"`epsilon` must be a positive number. Received: epsilon={e.ToString("R", CultureInfo.InvariantCulture)}", epsilonArgument);
        // Keras 1's names select Keras 1's regularizer identifiers, as on Dense.
        bool keras1 = a.Find("Mode", "BetaInit", "GammaInit").Argument is not null;
        return new BatchNormalizationLayer(
            a.Int("Axis").Value ?? -1, momentum ?? 0.99, epsilon ?? 0.001, a.Bool("Center").Value ?? true, a.Bool("Scale").Value ?? true,
            a.Initializer("zeros", "BetaInitializer", "BetaInit"), a.Initializer("ones", "GammaInitializer", "GammaInit"),
            a.Initializer("zeros", "MovingMeanInitializer"), a.Initializer("ones", "MovingVarianceInitializer"),
            a.Regularizer(keras1, "BetaRegularizer"), a.Regularizer(keras1, "GammaRegularizer"),
            a.Constraint(1, "BetaConstraint"), a.Constraint(1, "GammaConstraint"));
    }

    /// <summary>The per-sample index of the feature axis, or −1 when Keras' axis is not one of the input's.</summary>
    private int FeatureIndex(int rank)
    {
        int full = Axis < 0 ? Axis + rank + 1 : Axis;
        return full >= 1 && full <= rank ? full - 1 : -1;
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        int index = FeatureIndex(input.Count);
        if (index < 0)
        {
            diagnostics.Add(DiagnosticCatalog.IncompatibleInputRank,
                $"Axis {Axis} is out of bounds for BatchNormalization's input of shape {ShapeMath.Keras(input)} (axis 0 is the batch)", "Axis");
            return null;
        }
        if (input[index] == ShapeMath.None)
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension,
                $"Axis {Axis} of input tensor should have a defined dimension but the layer received an input with shape {ShapeMath.Keras(input)}");
            return null;
        }
        return input.ToList();
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input)
    {
        var features = new EquatableArray<int>(new[] { input[FeatureIndex(input.Count)] });
        var weights = new List<WeightSpec>();
        if (Scale) weights.Add(new WeightSpec("gamma", features, GammaInitializer, Regularizer: GammaRegularizer, Constraint: GammaConstraint));
        if (Center) weights.Add(new WeightSpec("beta", features, BetaInitializer, Regularizer: BetaRegularizer, Constraint: BetaConstraint));
        weights.Add(new WeightSpec("moving_mean", features, MovingMeanInitializer, Trainable: false));
        weights.Add(new WeightSpec("moving_variance", features, MovingVarianceInitializer, Trainable: false));
        return weights;
    }

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["axis"] = Axis.ToString(CultureInfo.InvariantCulture),
        ["momentum"] = Momentum.ToString("R", CultureInfo.InvariantCulture),
        ["epsilon"] = Epsilon.ToString("R", CultureInfo.InvariantCulture),
        ["center"] = Center ? "true" : "false",
        ["scale"] = Scale ? "true" : "false",
    };

    /// <summary>Over a run-time number of steps it would need the steps as rows of every kernel: not yet.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer) => null;

    public override LayerMemory Memory(LayerPlan layer) => new(true, layer.OutputSize);

    public override string EmitSample(SampleContext c) => c.ViaForward();

    /// <summary>(rows per sample, features, inner) of the input around the feature axis.</summary>
    private static (int Outer, int Features, int Inner) Split(LayerPlan layer, int index)
    {
        var shape = layer.InputShape;
        int outer = ShapeMath.Product(shape.Take(index)), inner = ShapeMath.Product(shape.Skip(index + 1));
        return (outer, shape[index], inner);
    }

    /// <summary>gamma, beta, moving_mean, moving_variance as weight refs (an absent gamma or beta reads moving_mean,
    /// which the kernels then ignore).</summary>
    private (string Gamma, string Beta, string Mean, string Variance) Refs(System.Func<int, string> weight)
    {
        int next = 0;
        int gamma = Scale ? next++ : -1, beta = Center ? next++ : -1, mean = next++, variance = next;
        return (weight(gamma < 0 ? mean : gamma), weight(beta < 0 ? mean : beta), weight(mean), weight(variance));
    }

    public override void EmitForward(ForwardContext c)
    {
        var (outer, features, inner) = Split(c.Layer, FeatureIndex(c.Layer.InputShape.Count));
        var (gamma, beta, mean, variance) = Refs(i => c.Weight(i));
        string shape = $"{c.N} * {outer}, {features}, {inner}, {Literals.Float(Epsilon)}";
        string flags = $"{Literals.Bool(Center)}, {Literals.Bool(Scale)}";
        string inference = $"global::KerasGen.Kernels.BatchNormalization.Inference(ref {c.Input}, ref {c.Output}, ref {gamma}, ref {beta}, ref {mean}, ref {variance}, {shape}, {flags});";
        if (!c.Training)
        {
            c.W.Line(inference);
            return;
        }
        c.W.Line($"if (training is null) {inference} // evaluate: the moving statistics");
        c.W.Line($"else global::KerasGen.Training.BatchNormalizationTraining.Forward(ref {c.Input}, ref {c.Output}, ref {gamma}, ref {beta}, ref {mean}, ref {variance}, {shape}, {Literals.Float(Momentum)}, {flags});");
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var (outer, features, inner) = Split(c.Layer, FeatureIndex(c.Layer.InputShape.Count));
        var (gamma, _, _, _) = Refs(i => c.Weight(i));
        var (gammaGradient, betaGradient, _, _) = Refs(i => c.WeightGradient(i));
        c.W.Line($"global::KerasGen.Training.BatchNormalizationTraining.Backward(ref {c.Input}, ref {c.Gradient}, ref {gamma}, ref {gammaGradient}, ref {betaGradient}, " +
            $"n * {outer}, {features}, {inner}, {Literals.Float(Epsilon)}, {Literals.Bool(Center)}, {Literals.Bool(Scale)}, {Literals.Bool(c.NeedsInputGradient)});");
        return false;
    }
}
