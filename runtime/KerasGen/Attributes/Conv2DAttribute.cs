using System;

namespace KerasGen;

/// <summary>
/// Keras 3 <c>Conv2D(filters, kernel_size, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1),
/// groups=1, activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros")</c> over
/// a <c>(height, width, channels)</c> input (<c>(channels, height, width)</c> for channels_first). Kernel
/// <c>(kh, kw, channels, filters)</c>, then bias <c>(filters,)</c>. Tuples are an int for both axes or
/// <c>new[] { h, w }</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2DAttribute : WeightedLayerAttribute
{
    public Conv2DAttribute(int filters, int kernelSize) => (Filters, KernelSize) = (filters, new[] { kernelSize, kernelSize });

    public Conv2DAttribute(int filters, int[] kernelSize) => (Filters, KernelSize) = (filters, kernelSize);

    /// <summary>Keras <c>filters</c>: output channels.</summary>
    public int Filters { get; set; }

    /// <summary>Keras <c>kernel_size</c>: <c>new[] { kh, kw }</c>.</summary>
    public int[] KernelSize { get; set; }

    /// <summary>Keras <c>strides</c>: <c>new[] { sh, sw }</c>.</summary>
    public int[]? Strides { get; set; }

    /// <summary>Keras <c>padding</c>: <c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; set; } = "valid";

    /// <summary>Keras <c>dilation_rate</c>: <c>new[] { dh, dw }</c> (not with strides &gt; 1).</summary>
    public int[]? DilationRate { get; set; }

    /// <summary>Keras <c>groups</c> (only 1 is compiled yet).</summary>
    public int Groups { get; set; } = 1;

    /// <summary>Keras <c>data_format</c>; default the model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }

    /// <summary>Keras <c>activation</c>; none means linear.</summary>
    public string? Activation { get; set; }

    /// <summary>Keras <c>use_bias</c>.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Keras <c>kernel_initializer</c>.</summary>
    public string KernelInitializer { get; set; } = Initializers.GlorotUniform;

    /// <summary>Keras <c>bias_initializer</c>.</summary>
    public string BiasInitializer { get; set; } = Initializers.Zeros;
}
