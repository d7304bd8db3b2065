using System;

namespace KerasGen;

/// <summary>
/// Keras <c>model.compile(optimizer, loss, metrics)</c>: makes the model trainable (<c>TrainOnBatch</c>, <c>Fit</c>,
/// <c>Evaluate</c> are generated only with it). Optimizer hyperparameters left out take Keras 3's defaults for the
/// chosen optimizer (KERAS_SPEC §5.2).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CompileAttribute : Attribute
{
    /// <summary>Keras loss id, e.g. <c>"binary_crossentropy"</c>, <c>"mse"</c> (see <see cref="Losses"/>).</summary>
    public string? Loss { get; set; }

    /// <summary>Keras optimizer id: sgd, adam, adamw, rmsprop, adagrad, adadelta, adamax, nadam (Keras' default: rmsprop).</summary>
    public string Optimizer { get; set; } = "rmsprop";

    /// <summary>Keras metric ids: accuracy/acc, binary_accuracy, categorical_accuracy, sparse_categorical_accuracy, mae, mse.</summary>
    public string[]? Metrics { get; set; }

    /// <summary>The loss takes logits rather than probabilities (crossentropies).</summary>
    public bool FromLogits { get; set; }

    public double LearningRate { get; set; }

    /// <summary>Keras' <c>learning_rate=schedule</c>, in its constructor form: <c>"ExponentialDecay(0.1,
    /// decay_steps=1000, decay_rate=0.96)"</c>, <c>"InverseTimeDecay(…)"</c>, <c>"PiecewiseConstantDecay([100, 200],
    /// [0.1, 0.01, 0.001])"</c>, <c>"PolynomialDecay(…)"</c>, <c>"CosineDecay(0.1, 1000, warmup_target=0.5,
    /// warmup_steps=100)"</c> (KerasGen.Training.Optimizers.Schedules). Instead of <see cref="LearningRate"/>.</summary>
    public string? LearningRateSchedule { get; set; }
    public double Momentum { get; set; }
    public bool Nesterov { get; set; }
    public double Beta1 { get; set; }
    public double Beta2 { get; set; }
    public double Epsilon { get; set; }
    public double Rho { get; set; }
    public bool Amsgrad { get; set; }
    public bool Centered { get; set; }
    public double InitialAccumulatorValue { get; set; }
    /// <summary>Decoupled weight decay (any optimizer, as Keras 3; AdamW's default is 0.004).</summary>
    public double WeightDecay { get; set; }

    /// <summary>Keras <c>clipnorm</c>: each weight's gradient is scaled to an L2 norm of at most this. At most one of
    /// <see cref="ClipNorm"/>, <see cref="ClipValue"/> and <see cref="GlobalClipNorm"/> may be set, as in Keras.</summary>
    public double ClipNorm { get; set; }

    /// <summary>Keras <c>clipvalue</c>: every gradient element is clipped to [−value, value].</summary>
    public double ClipValue { get; set; }

    /// <summary>Keras <c>global_clipnorm</c>: all gradients together are scaled to an L2 norm of at most this.</summary>
    public double GlobalClipNorm { get; set; }

    /// <summary>Samples the generated training buffers hold at once. Larger batches still train in one optimizer step
    /// (their gradients are accumulated in chunks of this size).</summary>
    public int MaxBatchSize { get; set; } = 32;

}
