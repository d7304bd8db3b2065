using System;

namespace KerasGen;

/// <summary>Keras <c>UpSampling2D(size=(2, 2), data_format=None, interpolation="nearest")</c>: each row and column
/// repeated; an int for both axes or <c>new[] { rows, columns }</c>. Only nearest interpolation is compiled yet.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpSampling2DAttribute : LayerAttribute
{
    public UpSampling2DAttribute(int size = 2) => Size = new[] { size };

    public UpSampling2DAttribute(int[] size) => Size = size;

    /// <summary>Keras <c>size</c>.</summary>
    public int[] Size { get; set; }

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }

    /// <summary>Keras <c>interpolation</c>: <c>"nearest"</c> (<c>"bilinear"</c> is KG0023 yet).</summary>
    public string Interpolation { get; set; } = "nearest";
}
