using System;

namespace KerasGen;

/// <summary>
/// Keras <c>LayerNormalization(axis=-1, epsilon=0.001, center=True, scale=True, beta_initializer="zeros",
/// gamma_initializer="ones", beta_regularizer, gamma_regularizer, beta_constraint, gamma_constraint)</c> (KERAS_SPEC
/// §1.10): each sample normalized over <see cref="Axis"/> with its own mean and (biased) variance, the same in
/// training and inference, then scaled by gamma and shifted by beta (weights of the normalized axes' shape).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormalizationAttribute : LayerAttribute
{
    public LayerNormalizationAttribute() { }

    /// <summary>Keras' <c>axis</c> as a list, e.g. <c>LayerNormalization(new[] { 1, 2 })</c>: the trailing axes to
    /// normalize over together.</summary>
    public LayerNormalizationAttribute(params int[] axis) => Axis = axis;

    /// <summary>Keras <c>axis</c>, counting the batch axis as 0: one axis (−1, the default, is the last), or several
    /// trailing ones.</summary>
    public int[] Axis { get; set; } = { -1 };

    /// <summary>Keras <c>epsilon</c>, added to the variance.</summary>
    public double Epsilon { get; set; } = 0.001;

    public bool Center { get; set; } = true;

    public bool Scale { get; set; } = true;

    public string BetaInitializer { get; set; } = Initializers.Zeros;

    public string GammaInitializer { get; set; } = Initializers.Ones;

    public string? BetaRegularizer { get; set; }

    public string? GammaRegularizer { get; set; }

    public string? BetaConstraint { get; set; }

    public string? GammaConstraint { get; set; }
}
