using System;

namespace KerasGen;

/// <summary>Keras <c>ZeroPadding2D(padding=(1, 1), data_format=None)</c>: zero rows and columns around the map; an int
/// for every side, <c>new[] { rows, columns }</c> (both sides), or <c>new[] { top, bottom, left, right }</c> (Keras'
/// <c>((top, bottom), (left, right))</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ZeroPadding2DAttribute : LayerAttribute
{
    public ZeroPadding2DAttribute(int padding = 1) => Padding = new[] { padding };

    public ZeroPadding2DAttribute(int[] padding) => Padding = padding;

    /// <summary>Keras <c>padding</c>.</summary>
    public int[] Padding { get; set; }

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }
}
