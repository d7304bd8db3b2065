using System;

namespace KerasGen;

/// <summary>Keras <c>ZeroPadding1D(padding=1)</c> on a <c>(steps, channels)</c> input: zero steps before and after;
/// an int for both sides, or <c>new[] { before, after }</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ZeroPadding1DAttribute : LayerAttribute
{
    public ZeroPadding1DAttribute(int padding = 1) => Padding = new[] { padding };

    public ZeroPadding1DAttribute(int[] padding) => Padding = padding;

    /// <summary>Keras <c>padding</c>.</summary>
    public int[] Padding { get; set; }
}
