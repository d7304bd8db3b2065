using System;

namespace KerasGen;

/// <summary>Keras <c>Cropping1D(cropping=(1, 1))</c> on a <c>(steps, channels)</c> input: steps removed from the start
/// and the end; an int for both, or <c>new[] { start, end }</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Cropping1DAttribute : LayerAttribute
{
    public Cropping1DAttribute(int cropping = 1) => Cropping = new[] { cropping };

    public Cropping1DAttribute(int[] cropping) => Cropping = cropping;

    /// <summary>Keras <c>cropping</c>.</summary>
    public int[] Cropping { get; set; }
}
