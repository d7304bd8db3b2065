using System;

namespace KerasGen;

/// <summary>
/// Keras <c>BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, beta_initializer="zeros",
/// gamma_initializer="ones", moving_mean_initializer="zeros", moving_variance_initializer="ones", beta_regularizer,
/// gamma_regularizer, beta_constraint, gamma_constraint)</c> (KERAS_SPEC §1.9): while training, each feature of
/// <see cref="Axis"/> is normalized with the batch's mean and (biased) variance, and the moving statistics follow
/// them; at inference the moving statistics are used. Weights: gamma, beta (trainable), moving_mean, moving_variance
/// (not trainable). Keras 1 names (<c>Mode</c>, only 0; <c>BetaInit</c>, <c>GammaInit</c>) are accepted too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormalizationAttribute : LayerAttribute
{
    /// <summary>Keras <c>axis</c>, counting the batch axis as 0: −1 (the default) is the last axis, the channels of a
    /// channels_last map; use 1 after a channels_first convolution.</summary>
    public int Axis { get; set; } = -1;

    /// <summary>Keras <c>momentum</c> of the moving averages.</summary>
    public double Momentum { get; set; } = 0.99;

    /// <summary>Keras <c>epsilon</c>, added to the variance.</summary>
    public double Epsilon { get; set; } = 0.001;

    /// <summary>Keras <c>center</c>: add beta.</summary>
    public bool Center { get; set; } = true;

    /// <summary>Keras <c>scale</c>: multiply by gamma.</summary>
    public bool Scale { get; set; } = true;

    public string BetaInitializer { get; set; } = Initializers.Zeros;

    public string GammaInitializer { get; set; } = Initializers.Ones;

    public string MovingMeanInitializer { get; set; } = Initializers.Zeros;

    public string MovingVarianceInitializer { get; set; } = Initializers.Ones;

    public string? BetaRegularizer { get; set; }

    public string? GammaRegularizer { get; set; }

    public string? BetaConstraint { get; set; }

    public string? GammaConstraint { get; set; }

    /// <summary>Keras 1 <c>mode</c>: only 0 (feature-wise normalization) exists since Keras 2.</summary>
    public int Mode { get; set; }

    /// <summary>Keras 1 <c>beta_init</c>, the same as <see cref="BetaInitializer"/>.</summary>
    public string BetaInit { get => BetaInitializer; set => BetaInitializer = value; }

    /// <summary>Keras 1 <c>gamma_init</c>, the same as <see cref="GammaInitializer"/>.</summary>
    public string GammaInit { get => GammaInitializer; set => GammaInitializer = value; }
}
