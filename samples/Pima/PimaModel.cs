using KerasGen;

namespace Pima;

/// <summary>The classic Keras tutorial's model of the Pima Indians diabetes data.</summary>
[Sequential]
[Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
[Dense(8, Init = "uniform", Activation = "relu")]
[Dense(1, Init = "uniform", Activation = "sigmoid")]
[Compile(Loss = "binary_crossentropy", Optimizer = "adam", Metrics = new[] { "accuracy" })]
public partial class PimaModel;
