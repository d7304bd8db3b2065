using System;

namespace KerasGen;

/// <summary>
/// Keras 1 <c>Convolution1D(nb_filter, filter_length, init='glorot_uniform', activation=None, border_mode='valid',
/// subsample_length=1, bias=True, input_dim=None, input_length=None)</c>, argument for argument; the same layer as
/// <see cref="Conv1DAttribute"/> (Keras 3 names and weights: kernel <c>(filter_length, input_dim, nb_filter)</c>).
/// <c>border_mode="full"</c> (Theano in Keras 1) pads <c>dk − 1</c> cells on each side.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Convolution1DAttribute : WeightedLayerAttribute
{
    public Convolution1DAttribute(int nbFilter, int filterLength) => (NbFilter, FilterLength) = (nbFilter, filterLength);

    /// <summary>Keras 1 <c>nb_filter</c>.</summary>
    public int NbFilter { get; set; }

    /// <summary>Keras 1 <c>filter_length</c>.</summary>
    public int FilterLength { get; set; }

    /// <summary>Keras 1 <c>init</c>.</summary>
    public string Init { get; set; } = Initializers.GlorotUniform;

    /// <summary>Keras 1 <c>activation</c>.</summary>
    public string? Activation { get; set; }

    /// <summary>Keras 1 <c>border_mode</c>: <c>"valid"</c>, <c>"same"</c> or <c>"full"</c>.</summary>
    public string BorderMode { get; set; } = "valid";

    /// <summary>Keras 1 <c>subsample_length</c> (the stride).</summary>
    public int SubsampleLength { get; set; } = 1;

    /// <summary>Keras 1 <c>bias</c>.</summary>
    public bool Bias { get; set; } = true;

    /// <summary>Keras 1 <c>input_dim</c>: the channels, on the first layer.</summary>
    public int InputDim { get; set; }

    /// <summary>Keras 1 <c>input_length</c>: the steps, on the first layer (needed before a Flatten).</summary>
    public int InputLength { get; set; }

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
