using System;

namespace KerasGen;

/// <summary>
/// Marks a <c>partial</c> class as a Keras Sequential model. The layer attributes on the same declaration, in source
/// order, are the layers; the KerasGen generator emits the model (shapes, weights, SIMD forward pass) at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SequentialAttribute : Attribute
{
    /// <summary>The model name printed by <c>Summary()</c>; Keras' default is "sequential".</summary>
    public string Name { get; set; } = "sequential";

    /// <summary>Keras' <c>image_data_format()</c> for this model: the data_format of every conv and pooling layer
    /// that does not set its own, <c>"channels_last"</c> (the default) or <c>"channels_first"</c>.</summary>
    public string ImageDataFormat { get; set; } = "channels_last";
}
