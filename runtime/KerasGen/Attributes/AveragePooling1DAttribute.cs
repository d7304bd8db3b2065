using System;

namespace KerasGen;

/// <summary>
/// Keras <c>AveragePooling1D(pool_size=2, strides=None, padding="valid", data_format=None)</c> over the steps of a
/// <c>(steps, channels)</c> input: the mean of each window of <c>pool_size</c> steps, moved by <c>strides</c>
/// (default: the pool size). Keras 1 names: <c>PoolLength</c>, <c>Stride</c>, <c>BorderMode</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AveragePooling1DAttribute : LayerAttribute
{
    public AveragePooling1DAttribute(int poolSize = 2) => PoolSize = poolSize;

    /// <summary>Keras <c>pool_size</c>.</summary>
    public int PoolSize { get; set; }

    /// <summary>Keras 1 <c>pool_length</c>, the same as <see cref="PoolSize"/>.</summary>
    public int PoolLength { get => PoolSize; set => PoolSize = value; }

    /// <summary>Keras <c>strides</c>; default the pool size.</summary>
    public int Strides { get; set; }

    /// <summary>Keras 1 <c>stride</c>, the same as <see cref="Strides"/>.</summary>
    public int Stride { get => Strides; set => Strides = value; }

    /// <summary>Keras <c>padding</c>: <c>"valid"</c> or <c>"same"</c> (averages divide by the window's real cells).</summary>
    public string Padding { get; set; } = "valid";

    /// <summary>Keras 1 <c>border_mode</c>, the same as <see cref="Padding"/>.</summary>
    public string BorderMode { get => Padding; set => Padding = value; }

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }
}
