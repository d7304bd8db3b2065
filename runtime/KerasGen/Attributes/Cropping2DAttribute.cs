using System;

namespace KerasGen;

/// <summary>Keras <c>Cropping2D(cropping=((0, 0), (0, 0)), data_format=None)</c>: rows and columns removed at the edges;
/// an int for every side, <c>new[] { rows, columns }</c>, or <c>new[] { top, bottom, left, right }</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Cropping2DAttribute : LayerAttribute
{
    public Cropping2DAttribute(int cropping = 0) => Cropping = new[] { cropping };

    public Cropping2DAttribute(int[] cropping) => Cropping = cropping;

    /// <summary>Keras <c>cropping</c>.</summary>
    public int[] Cropping { get; set; }

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }
}
