using System.Linq;
using System.Text;
using KerasGen.Generator.Layers;
using KerasGen.Generator.Model;

namespace KerasGen.Generator.Shapes;

/// <summary>A layer with its position, its Keras name and its per-sample shapes (batch axis left out), as inferred.</summary>
internal sealed record LayerPlan(LayerSpec Spec, int Index, string Name, EquatableArray<int> InputShape, EquatableArray<int> OutputShape, long Params)
{
    public int InputSize => ShapeMath.Product(InputShape);
    public int OutputSize => ShapeMath.Product(OutputShape);

    /// <summary>The size of the last input axis (Dense's inputs, a channels_last layer's channels).</summary>
    public int InputLast => InputShape[InputShape.Count - 1];

    public string ClassName => Spec.ClassName;

    /// <summary>The input or output has an unknown (None) number of steps.</summary>
    public bool OverSteps => InputShape.Contains(ShapeMath.None) || OutputShape.Contains(ShapeMath.None);

    /// <summary>The layer as it acts on one step of a (steps, …) input: the steps axis dropped from both shapes.</summary>
    public LayerPlan OneStep => this with { InputShape = new EquatableArray<int>(InputShape.Skip(1).ToArray()), OutputShape = new EquatableArray<int>(OutputShape.Skip(1).ToArray()) };

    /// <summary>A C# name for this layer's generated kernels, from its position and Keras name (layer 1, dense_1 →
    /// Layer1Dense1), unique within the model's kernel class.</summary>
    public string Identifier
    {
        get
        {
            var text = new StringBuilder("Layer").Append(Index);
            bool upper = true;
            foreach (char c in Name)
            {
                if (!char.IsLetterOrDigit(c) || c > 127) { upper = true; continue; }
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return text.ToString();
        }
    }

    /// <summary>The comment the generated code carries for this layer.</summary>
    public string Comment => $"// {Name} ({ClassName}): {ShapeMath.Keras(InputShape)} -> {ShapeMath.Keras(OutputShape)}";
}

/// <summary>A valid model: what the emitters work from. Every shape is known, except the input's steps of a model
/// with <see cref="UnknownSteps"/> (and the shapes that follow from them).</summary>
internal sealed record ModelPlan(ModelSpec Spec, EquatableArray<int> InputShape, EquatableArray<int> OutputShape, EquatableArray<LayerPlan> Layers)
{
    /// <summary>The input is (None, channels): Predict takes the steps at run time.</summary>
    public bool UnknownSteps => InputShape.Contains(ShapeMath.None);

    public int InputSize => ShapeMath.Product(InputShape);
    public int OutputSize => ShapeMath.Product(OutputShape);

    /// <summary>The first layer with weights (the backward pass stops there), or −1.</summary>
    public int FirstWeighted => Layers.FirstOrDefault(l => l.Params > 0)?.Index ?? -1;
}
