namespace KerasGen.Training.Optimizers;

/// <summary>Optimizer hyperparameters as given in <c>[Compile]</c>; <see cref="float.NaN"/> means "not given": the
/// optimizer then takes Keras 3's default (KERAS_SPEC §5.2).</summary>
public sealed record OptimizerSettings(
    string Name,
    float LearningRate = float.NaN,
    float Momentum = float.NaN,
    bool Nesterov = false,
    float Beta1 = float.NaN,
    float Beta2 = float.NaN,
    float Epsilon = float.NaN,
    float Rho = float.NaN,
    bool Amsgrad = false,
    bool Centered = false,
    float InitialAccumulatorValue = float.NaN,
    float WeightDecay = float.NaN,
    float ClipNorm = float.NaN,
    float ClipValue = float.NaN,
    float GlobalClipNorm = float.NaN)
{
    public float Or(float value, float keras) => float.IsNaN(value) ? keras : value;
}
