using System;

namespace KerasGen;

/// <summary>Keras <c>Activation(activation)</c>: applies an activation function; the shape is unchanged
/// (except <c>glu</c>, which halves the last axis).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActivationAttribute : LayerAttribute
{
    public ActivationAttribute(string activation) => Activation = activation;

    /// <summary>The activation name as Keras spells it (see <see cref="Activations"/>).</summary>
    public string Activation { get; }
}
