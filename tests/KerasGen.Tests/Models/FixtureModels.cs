namespace KerasGen.Tests.Models;

// The models of Fixtures/dense.json and Fixtures/models.json, declared as KerasGen models. Weights come from the
// fixtures, so the initializers here do not matter.

[Sequential, Dense(12, InputDim = 8, Activation = "relu")] public partial class DensePimaFirst;
[Sequential, Dense(19, InputDim = 37, Activation = "sigmoid")] public partial class DenseOddSigmoid;
[Sequential, Dense(70, InputDim = 100, Activation = "tanh")] public partial class DenseWideTanh;
[Sequential, Dense(16, InputShape = new[] { 5, 3 })] public partial class DensePerStep;
[Sequential, Dense(10, InputDim = 13, Activation = "softmax")] public partial class DenseSoftmax10;
[Sequential, Dense(33, InputDim = 20, Activation = "relu", UseBias = false)] public partial class DenseNoBias;
[Sequential, Dense(130, InputDim = 300)] public partial class DenseBig;
[Sequential, Dense(1, InputDim = 1, Activation = "sigmoid")] public partial class DenseTiny;
[Sequential, Dense(9, InputShape = new[] { 4, 6 }, Activation = "softmax")] public partial class DensePerStepSoftmax;

/// <summary>The Flatten example: OutputShape prints "(None, 4)".</summary>
[Sequential]
[Flatten(InputShape = new[] { 3, 2 })]
[Dense(16)]
[Activation("relu")]
[Dense(4)]
public partial class FlattenExample;

/// <summary>Dense on rank-3 input acts on the last axis: "(None, 5, 16)".</summary>
[Sequential]
[Dense(16, InputShape = new[] { 5, 3 })]
public partial class PerStep;

/// <summary>The seed's Pima model, with the Keras 1 argument names.</summary>
[Sequential]
[Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
[Dense(8, Init = "uniform", Activation = "relu")]
[Dense(1, Init = "uniform", Activation = "sigmoid")]
public partial class PimaModel;

[Sequential]
[Dense(12, InputShape = new[] { 6 }, Activation = "tanh")]
[Reshape(3, 4)]
[Dense(5, Activation = "relu")]
[Flatten]
[Dense(2, Activation = "softmax")]
public partial class ReshapeChain;

[Sequential]
[Dense(10, InputDim = 4, Activation = "relu")]
[Dropout(0.5)]
[Dense(3)]
public partial class DropoutInference;

[Sequential]
[Dense(9, InputDim = 7)]
[Activation("elu")]
[Dense(6)]
[Activation("softmax")]
public partial class ActivationLayers;

/// <summary>The MNIST MLP of the benchmarks: large enough that its kernels loop instead of unrolling.</summary>
[Sequential]
[Dense(512, InputDim = 784, Activation = "relu")]
[Dense(256, Activation = "relu")]
[Dense(10, Activation = "softmax")]
public partial class MnistMlp;

/// <summary>KERAS_SPEC §7.7's small model, whose 76-column summary Keras printed.</summary>
[Sequential]
[Dense(12, InputDim = 8)]
[Dense(1)]
public partial class SpecSummaryModel;

// Register-chained single samples (ChainedForward): a 20-unit output (one whole register and four lanes on AVX-512,
// five registers on the 128-bit path, which does not chain), an element-wise Activation layer in the chain (16 units,
// whole registers on every path), and 32-wide layers (the most that chains), without a bias at the end. An
// Activation layer of 9 units does not chain: the row kernel runs its tail lanes scalar.
[Sequential]
[Dense(16, InputDim = 7)]
[Activation("elu")]
[Dense(20, Activation = "tanh")]
public partial class ChainedWithActivationLayer;

[Sequential]
[Dense(32, InputDim = 32, Activation = "relu")]
[Dropout(0.25)]
[Dense(32, Activation = "sigmoid")]
[Dense(5, UseBias = false)]
public partial class ChainedWidest;

[Sequential]
[Dense(9, InputDim = 7)]
[Activation("elu")]
[Dense(20, Activation = "tanh")]
public partial class ActivationTailNotChained;

// An Activation layer of 8 units: whole registers at 256 and 128 bits, not at 512, so it chains on AVX2 and the
// 128-bit path only (the automatic Predict of an AVX2 machine takes PredictOneV256).
[Sequential]
[Dense(8, InputDim = 7)]
[Activation("elu")]
[Dense(4, Activation = "sigmoid")]
public partial class ChainedBelow512;
