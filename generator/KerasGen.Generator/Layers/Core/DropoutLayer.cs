using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>Keras <c>Dropout(rate)</c> (KERAS_SPEC §1.5): the identity at inference; inverted dropout while training,
/// with masks from the model's seed.</summary>
internal sealed record DropoutLayer(double Rate) : LayerSpec
{
    public override string ClassName => "Dropout";

    public override string Activation => "linear";

    public override bool DrawsRandomNumbers => true;

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (rate, argument) = a.Double("Rate", "P");
        double r = rate ?? 0;
        if (!(r >= 0 && r < 1))
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize,
                $"Invalid value received for argument `rate`. Expected a float value between 0 and 1 (1 excluded: it would drop everything). Received: rate={r.ToString(CultureInfo.InvariantCulture)}",
                argument);
        return new DropoutLayer(r);
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics) => input.ToList();

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["rate"] = Rate.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Nothing to compute at inference; training keeps its output and mask.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer) => StepsKernel.ForEachStep;

    public override LayerMemory Memory(LayerPlan layer) => new(false, layer.OutputSize, Mask: true);

    public override string EmitSample(SampleContext c) => c.Source;

    public override void EmitForward(ForwardContext c)
    {
        string count = $"{c.N} * {c.Layer.InputSize}";
        if (!c.Training) return; // the identity: Predict never calls this, since nothing is computed at inference
        using (c.W.Block("if (training is null)"))
            ActivationCode.Copy(c.W, c.Input, c.Output, count);
        c.W.Line($"else global::KerasGen.Training.DropoutKernel.Forward(ref {c.Input}, ref {c.Output}, ref {c.Mask}, {count}, {Literals.Float(Rate)}, training);");
    }

    public override bool EmitBackward(BackwardContext c)
    {
        string mask = c.Mask!; // a Dropout layer always has its mask buffer
        ActivationCode.Elementwise(c.W, "TS", $"n * {c.Layer.InputSize}", new[] { c.Gradient, mask }, c.Gradient,
            (at, i) => $"TS.Store(TS.Multiply(TS.Load(ref {at(c.Gradient)}, {i}), TS.Load(ref {at(mask)}, {i})), ref {at(c.Gradient)}, {i});");
        return false;
    }
}
