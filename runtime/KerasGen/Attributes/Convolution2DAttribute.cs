using System;

namespace KerasGen;

/// <summary>
/// Keras 1 <c>Convolution2D(nb_filter, nb_row, nb_col, init='glorot_uniform', activation=None, border_mode='valid',
/// subsample=(1, 1), dim_ordering='default', bias=True)</c>, argument for argument; the same layer as
/// <see cref="Conv2DAttribute"/>, with Keras 3's kernel layout <c>(nb_row, nb_col, channels, nb_filter)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Convolution2DAttribute : WeightedLayerAttribute
{
    public Convolution2DAttribute(int nbFilter, int nbRow, int nbCol) => (NbFilter, NbRow, NbCol) = (nbFilter, nbRow, nbCol);

    /// <summary>Keras 1 <c>nb_filter</c>.</summary>
    public int NbFilter { get; set; }

    /// <summary>Keras 1 <c>nb_row</c>: the window's height.</summary>
    public int NbRow { get; set; }

    /// <summary>Keras 1 <c>nb_col</c>: the window's width.</summary>
    public int NbCol { get; set; }

    /// <summary>Keras 1 <c>init</c>.</summary>
    public string Init { get; set; } = Initializers.GlorotUniform;

    /// <summary>Keras 1 <c>activation</c>.</summary>
    public string? Activation { get; set; }

    /// <summary>Keras 1 <c>border_mode</c>: <c>"valid"</c> or <c>"same"</c>.</summary>
    public string BorderMode { get; set; } = "valid";

    /// <summary>Keras 1 <c>subsample</c> (the strides): <c>new[] { sh, sw }</c>.</summary>
    public int[]? Subsample { get; set; }

    /// <summary>Keras 1 <c>dim_ordering</c>: <c>"tf"</c> (channels_last) or <c>"th"</c> (channels_first); default the
    /// model's <see cref="SequentialAttribute.ImageDataFormat"/>.</summary>
    public string? DimOrdering { get; set; }

    /// <summary>Keras 1 <c>bias</c>.</summary>
    public bool Bias { get; set; } = true;

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
