using System;

namespace KerasGen;

/// <summary>
/// Keras <c>MaxPooling2D(pool_size=(2, 2), strides=None, padding="valid", data_format=None)</c> over a
/// <c>(height, width, channels)</c> input: the maximum of each window, moved by <c>strides</c> (default: the pool
/// size). Tuples are an int for both axes or <c>new[] { h, w }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPooling2DAttribute : LayerAttribute
{
    public MaxPooling2DAttribute() => PoolSize = new[] { 2, 2 };

    public MaxPooling2DAttribute(int poolSize) => PoolSize = new[] { poolSize, poolSize };

    public MaxPooling2DAttribute(int[] poolSize) => PoolSize = poolSize;

    /// <summary>Keras <c>pool_size</c>: <c>new[] { h, w }</c>.</summary>
    public int[] PoolSize { get; set; }

    /// <summary>Keras <c>strides</c>: <c>new[] { sh, sw }</c>; default the pool size.</summary>
    public int[]? Strides { get; set; }

    /// <summary>Keras <c>padding</c>: <c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; set; } = "valid";

    /// <summary>Keras 1 <c>border_mode</c>, the same as <see cref="Padding"/>.</summary>
    public string BorderMode { get => Padding; set => Padding = value; }

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }

    /// <summary>Keras 1 <c>dim_ordering</c>: <c>"tf"</c> or <c>"th"</c>.</summary>
    public string? DimOrdering { get; set; }
}
