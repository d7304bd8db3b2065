namespace KerasGen.Tests.Models;

// The models of Fixtures/normalization_training.json (tests/reference/make_normalization_fixtures.js).

[Sequential]
[Dense(6, InputDim = 4)]
[BatchNormalization(Momentum = 0.8)]
[Activation("relu")]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class NormDense;

[Sequential]
[BatchNormalization(InputShape = new[] { 5 }, GammaRegularizer = "l2(0.01)")]
[Dense(2, Activation = "tanh")]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.2)]
public partial class NormFirst;

[Sequential]
[Conv1D(4, 3, InputShape = new[] { 8, 3 })]
[BatchNormalization(Momentum = 0.9)]
[Flatten]
[Dense(1, Activation = "sigmoid")]
[Compile(Loss = "binary_crossentropy", Optimizer = "sgd", LearningRate = 0.1, Momentum = 0.9)]
public partial class NormConv1D;

[Sequential]
[Conv2D(3, 2, InputShape = new[] { 5, 5, 2 })]
[BatchNormalization(Epsilon = 0.01, Momentum = 0.7)]
[GlobalAveragePooling2D]
[Dense(3, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.1)]
public partial class NormConv2D;

[Sequential]
[Conv2D(3, 2, DataFormat = "channels_first", InputShape = new[] { 2, 5, 5 })]
[BatchNormalization(Axis = 1, Momentum = 0.5)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class NormConv2DChannelsFirst;

[Sequential]
[Dense(6, InputDim = 4)]
[LayerNormalization]
[Activation("tanh")]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class LayerNormDense;

[Sequential]
[Conv1D(4, 3, InputShape = new[] { 8, 3 })]
[LayerNormalization(Epsilon = 0.01)]
[Flatten]
[Dense(3, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.1, Momentum = 0.9)]
public partial class LayerNormConv1D;

[Sequential]
[LayerNormalization(1, 2, InputShape = new[] { 3, 4 })]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.2)]
public partial class LayerNormTwoAxesFirst;
