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
}
