namespace KerasGen.Generator.Model;

/// <summary>The <c>[Compile]</c> attribute as read from source: canonical ids, and optimizer hyperparameters with NaN
/// for "not given" (the runtime then applies Keras 3's default for the optimizer); <c>Schedule</c>, the C# that constructs
/// the learning-rate schedule, or null. Its diagnostics use
/// <see cref="AttributeIndex"/>: one past the last layer attribute.</summary>
internal sealed record CompileSpec(
    string Loss,
    bool FromLogits,
    EquatableArray<string> Metrics,
    string Optimizer,
    double LearningRate,
    double Momentum,
    bool Nesterov,
    double Beta1,
    double Beta2,
    double Epsilon,
    double Rho,
    bool Amsgrad,
    bool Centered,
    double InitialAccumulatorValue,
    double WeightDecay,
    double ClipNorm,
    double ClipValue,
    double GlobalClipNorm,
    int MaxBatchSize,
    int AttributeIndex,
    string? Schedule = null);
