using System.ComponentModel;

namespace KerasGen;

/// <summary>
/// One layer of a generated model as Keras describes it: name, class, activation, per-sample shapes (batch axis left
/// out), parameter count, which of the model's weights are its kernel and bias (-1: none), and the layer's own
/// argument (Dropout rate). Used for <c>Summary()</c> and exporters.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record LayerDescription(
    string Name,
    string ClassName,
    string Activation,
    int[] InputShape,
    int[] OutputShape,
    int Params,
    int KernelWeight = -1,
    int BiasWeight = -1,
    double Rate = 0)
{
    /// <summary>The output shape as Keras prints it: (None, 5, 16).</summary>
    public string OutputShapeText => "(None" + string.Concat(System.Array.ConvertAll(OutputShape, d => ", " + d)) + ")";
}
