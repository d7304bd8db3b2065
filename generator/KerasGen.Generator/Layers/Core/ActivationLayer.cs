using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>Keras <c>Activation(activation)</c> (KERAS_SPEC §1.2): the activation as a layer of its own.</summary>
internal sealed record ActivationLayer(string ActivationName) : LayerSpec
{
    public override string ClassName => "Activation";

    public override string Activation => ActivationName;

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (name, argument) = a.String("Activation");
        return new ActivationLayer(a.Activation(name ?? "", argument ?? "#0"));
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics) =>
        ActivationShapes.Apply(ActivationName, input.ToList(), diagnostics, "#0");

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => System.Array.Empty<KeyValuePair<string, string>>();

    /// <summary>glu writes its input's size before packing the halves.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer) => layer.InputShape.Count == 2 ? StepsKernel.ForEachStep : null;

    public override LayerMemory Memory(LayerPlan layer) => ActivationName == "linear" ? LayerMemory.Reinterprets : new(true, layer.InputSize);

    public override string EmitSample(SampleContext c)
    {
        if (ActivationName == "linear") return c.Source;
        if (DenseRowKernel.ElementwiseMethod(ActivationName) is { } function)
        {
            c.Body.Line($"{c.Method}(ref {c.Source}, ref {c.Target});");
            c.Helpers.Line();
            ActivationEmitter.EmitElementwise(c.Helpers, c.Method, function, c.Layer.InputSize, c.Isa);
            return c.Target;
        }
        return c.ViaForward();
    }

    public override void EmitForward(ForwardContext c)
    {
        int last = c.Layer.InputLast;
        ActivationCode.Forward(c.W, c.TV, c.TS, ActivationName, c.Input, c.Output, $"{c.N} * {c.Layer.InputSize}", $"{c.N} * {c.Layer.InputSize / last}", last);
    }

    public override bool EmitBackward(BackwardContext c)
    {
        int last = c.Layer.InputLast;
        return ActivationCode.Backward(c.W, ActivationName, c.IsLast, c.Input, c.Output, c.Gradient, c.Spare, $"n * {c.Layer.InputSize}", $"n * {c.Layer.InputSize / last}", last);
    }
}
