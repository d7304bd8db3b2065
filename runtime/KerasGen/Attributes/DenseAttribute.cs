using System;

namespace KerasGen;

/// <summary>
/// Keras <c>Dense(units, activation=None, use_bias=True, kernel_initializer="glorot_uniform", bias_initializer="zeros")</c>:
/// <c>y = activation(x · kernel + bias)</c> on the last axis of its input. Keras 1 names (<c>InputDim</c>, <c>Init</c>,
/// <c>Bias</c>, <c>OutputDim</c>) are accepted beside the Keras 3 ones.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : WeightedLayerAttribute
{
    public DenseAttribute() { }

    public DenseAttribute(int units) => Units = units;

    /// <summary>Keras <c>units</c>: the size of the last output axis.</summary>
    public int Units { get; set; }

    /// <summary>Keras 1 <c>output_dim</c>, the same as <see cref="Units"/>.</summary>
    public int OutputDim { get => Units; set => Units = value; }

    /// <summary>Keras <c>activation</c>, e.g. <c>"relu"</c> (see <see cref="Activations"/>); none means linear.</summary>
    public string? Activation { get; set; }

    /// <summary>Keras <c>use_bias</c>.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Keras 1 <c>bias</c>, the same as <see cref="UseBias"/>.</summary>
    public bool Bias { get => UseBias; set => UseBias = value; }

    /// <summary>Keras <c>kernel_initializer</c> (see <see cref="Initializers"/>).</summary>
    public string KernelInitializer { get; set; } = Initializers.GlorotUniform;

    /// <summary>Keras 1 <c>init</c>, the same as <see cref="KernelInitializer"/>.</summary>
    public string Init { get => KernelInitializer; set => KernelInitializer = value; }

    /// <summary>Keras <c>bias_initializer</c>.</summary>
    public string BiasInitializer { get; set; } = Initializers.Zeros;

    /// <summary>Keras <c>input_dim</c>: shorthand for <c>InputShape = new[] { InputDim }</c> on the first layer.</summary>
    public int InputDim { get; set; }

    /// <summary>Keras 1 <c>W_regularizer</c>, the same as <see cref="WeightedLayerAttribute.KernelRegularizer"/>, in Keras 1's
    /// identifiers (<c>"l2"</c> is <c>l2(l=0.01)</c>, <c>"l1l2"</c> is 0.01 + 0.01).</summary>
    public string? WRegularizer { get => KernelRegularizer; set => KernelRegularizer = value; }

    /// <summary>Keras 1 <c>b_regularizer</c>.</summary>
    public string? BRegularizer { get => BiasRegularizer; set => BiasRegularizer = value; }

    /// <summary>Keras 1 <c>W_constraint</c> (<c>"maxnorm(m=2)"</c>, <c>"nonneg"</c>, <c>"unitnorm"</c>).</summary>
    public string? WConstraint { get => KernelConstraint; set => KernelConstraint = value; }

    /// <summary>Keras 1 <c>b_constraint</c>.</summary>
    public string? BConstraint { get => BiasConstraint; set => BiasConstraint = value; }
}
