using KerasGen.Generator.Model;

namespace KerasGen.Generator.Shapes;

/// <summary>A layer with its Keras name and its per-sample shapes (batch axis left out), as inferred.</summary>
internal sealed record LayerPlan(LayerSpec Spec, string Name, string ClassName, EquatableArray<int> InputShape, EquatableArray<int> OutputShape, long Params)
{
    public int InputSize => ShapeMath.Product(InputShape);
    public int OutputSize => ShapeMath.Product(OutputShape);
}

/// <summary>A valid model with every shape known: what the emitters work from.</summary>
internal sealed record ModelPlan(ModelSpec Spec, EquatableArray<int> InputShape, EquatableArray<int> OutputShape, EquatableArray<LayerPlan> Layers);
