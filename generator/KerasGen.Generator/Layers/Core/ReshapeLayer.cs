using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>Keras <c>Reshape(target_shape)</c> (KERAS_SPEC §1.6): the same values in a new shape, one −1 inferred.</summary>
internal sealed record ReshapeLayer(EquatableArray<int> TargetShape) : LayerSpec
{
    public override string ClassName => "Reshape";

    public override string Activation => "linear";

    public static LayerSpec? Parse(LayerArguments a)
    {
        var (target, _) = a.Ints("TargetShape");
        return new ReshapeLayer(new EquatableArray<int>(target ?? new int[0]));
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        var target = TargetShape.ToList();
        string received = $"Received: input_shape={ShapeMath.Tuple(input)}, target_shape={ShapeMath.Tuple(target)}";
        if (target.Count == 0 || target.Count(d => d == -1) > 1 || target.Any(d => d == 0 || d < -1))
        {
            diagnostics.Add(DiagnosticCatalog.ReshapeMismatch,
                $"Each dimension in `target_shape` must be a positive integer, or -1 for a single unknown dimension. {received}", "#*");
            return null;
        }
        if (input.Contains(ShapeMath.None))
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension, $"Reshape needs every dimension of its input, but it receives {ShapeMath.Keras(input)}", "#*");
            return null;
        }
        long size = ShapeMath.LongProduct(input), known = ShapeMath.LongProduct(target.Where(d => d != -1));
        int unknown = target.IndexOf(-1);
        if (unknown >= 0)
        {
            if (size % known != 0)
            {
                diagnostics.Add(DiagnosticCatalog.ReshapeMismatch,
                    $"The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. {received}", "#*");
                return null;
            }
            target[unknown] = (int)(size / known);
        }
        else if (known != size)
        {
            diagnostics.Add(DiagnosticCatalog.ReshapeMismatch, $"The total size of the tensor must be unchanged. {received}", "#*");
            return null;
        }
        return target;
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["target_shape"] = string.Join(",", layer.OutputShape),
    };

    public override StepsKernel? OverSteps(LayerPlan layer) => null;

    public override LayerMemory Memory(LayerPlan layer) => LayerMemory.Reinterprets;

    public override string EmitSample(SampleContext c) => c.Source;

    public override void EmitForward(ForwardContext c) { }

    public override bool EmitBackward(BackwardContext c) => false;
}
