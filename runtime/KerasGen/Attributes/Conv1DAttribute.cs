using System;

namespace KerasGen;

/// <summary>
/// Keras 3 <c>Conv1D(filters, kernel_size, strides=1, padding="valid", data_format=None, dilation_rate=1, groups=1,
/// activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros")</c>: a 1-D
/// cross-correlation over the steps of a <c>(steps, channels)</c> input (<c>(channels, steps)</c> for channels_first).
/// Kernel <c>(kernel_size, channels, filters)</c>, then bias <c>(filters,)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv1DAttribute : WeightedLayerAttribute
{
    public Conv1DAttribute(int filters, int kernelSize) => (Filters, KernelSize) = (filters, kernelSize);

    /// <summary>Keras <c>filters</c>: output channels.</summary>
    public int Filters { get; set; }

    /// <summary>Keras <c>kernel_size</c>: the window length.</summary>
    public int KernelSize { get; set; }

    /// <summary>Keras <c>strides</c>.</summary>
    public int Strides { get; set; } = 1;

    /// <summary>Keras <c>padding</c>: <c>"valid"</c>, <c>"same"</c> (the odd pad cell at the end) or <c>"causal"</c>.</summary>
    public string Padding { get; set; } = "valid";

    /// <summary>Keras <c>dilation_rate</c> (not with strides &gt; 1).</summary>
    public int DilationRate { get; set; } = 1;

    /// <summary>Keras <c>groups</c> (only 1 is compiled yet).</summary>
    public int Groups { get; set; } = 1;

    /// <summary>Keras <c>data_format</c>: <c>"channels_last"</c> or <c>"channels_first"</c>; default the model's
    /// <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DataFormat { get; set; }

    /// <summary>Keras <c>activation</c> (see <see cref="Activations"/>); none means linear.</summary>
    public string? Activation { get; set; }

    /// <summary>Keras <c>use_bias</c>.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Keras <c>kernel_initializer</c>.</summary>
    public string KernelInitializer { get; set; } = Initializers.GlorotUniform;

    /// <summary>Keras <c>bias_initializer</c>.</summary>
    public string BiasInitializer { get; set; } = Initializers.Zeros;
}
