using System;

namespace KerasGen;

/// <summary>Keras <c>GlobalAveragePooling1D(data_format=None, keepdims=False)</c>: the mean of each channel over all steps.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalAveragePooling1DAttribute : LayerAttribute
{
    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }

    /// <summary>Keras <c>keepdims</c>: keep the spatial axes, as 1s.</summary>
    public bool KeepDims { get; set; }
}
