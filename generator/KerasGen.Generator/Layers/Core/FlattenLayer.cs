using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>Keras <c>Flatten()</c> (KERAS_SPEC §1.4): the sample's values in their memory order, as one axis. A
/// channels_first feature map is already stored channels first, so Keras' order needs no transpose.</summary>
internal sealed record FlattenLayer : LayerSpec
{
    public override string ClassName => "Flatten";

    public override string Activation => "linear";

    public static LayerSpec? Parse(LayerArguments a) => new FlattenLayer();

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (input.Contains(ShapeMath.None))
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension,
                $"Flatten needs every dimension of its input, but it receives {ShapeMath.Keras(input)}: the shape of the layers after it could not be computed. Give the sequence length on the first layer (InputLength = n on Convolution1D, or InputShape = new[] {{ steps, channels }})");
            return null;
        }
        if (input.Count == 1)
            diagnostics.Add(DiagnosticCatalog.FlattenOnFlat, $"Flatten receives {ShapeMath.Keras(input)}, which is already flat; the layer does nothing and can be removed");
        return new List<int> { ShapeMath.Product(input) };
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => System.Array.Empty<KeyValuePair<string, string>>();

    public override StepsKernel? OverSteps(LayerPlan layer) => null;

    public override LayerMemory Memory(LayerPlan layer) => LayerMemory.Reinterprets;

    public override string EmitSample(SampleContext c) => c.Source;

    public override void EmitForward(ForwardContext c) { }

    public override bool EmitBackward(BackwardContext c) => false;
}
