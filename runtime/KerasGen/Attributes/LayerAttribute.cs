using System;

namespace KerasGen;

/// <summary>
/// What every layer attribute has. As in Keras, whichever layer comes first may carry the input shape
/// (the per-sample shape, without the batch dimension).
/// </summary>
public abstract class LayerAttribute : Attribute
{
    /// <summary>Keras <c>input_shape</c>: the per-sample input shape, e.g. <c>new[] { 5, 3 }</c>.</summary>
    public int[]? InputShape { get; set; }

    /// <summary>Keras <c>name</c>: the layer name used by <c>Summary()</c> and the weight files; defaults as in Keras
    /// (<c>dense</c>, <c>dense_1</c>, …).</summary>
    public string? Name { get; set; }
}
