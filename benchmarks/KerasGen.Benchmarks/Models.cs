using KerasGen;

namespace KerasGen.Benchmarks;

/// <summary>"pima": Dense 8→12 relu→8 relu→1 sigmoid; trained with MSE and SGD (lr 0.01), as the case.</summary>
[Sequential]
[Dense(12, InputDim = 8, Activation = "relu")]
[Dense(8, Activation = "relu")]
[Dense(1, Activation = "sigmoid")]
[Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.01)]
public partial class PimaNet;

/// <summary>"mnist-mlp": Dense 784→512 relu→256 relu→10 softmax; trained with categorical crossentropy and SGD.</summary>
[Sequential]
[Dense(512, InputDim = 784, Activation = "relu")]
[Dense(256, Activation = "relu")]
[Dense(10, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.01)]
public partial class MnistMlp;

/// <summary>"conv1d" (issue 8): input (10, 32), Conv1D(64, 3, same), Conv1D(32, 3, same); trained with MSE and SGD.</summary>
[Sequential]
[Conv1D(64, 3, Padding = "same", InputShape = new[] { 10, 32 })]
[Conv1D(32, 3, Padding = "same")]
[Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.01)]
public partial class Conv1DNet;

/// <summary>"conv2d" (issue 8): input (32, 32, 3), Conv2D(64, 3×3, same, relu), Flatten, Dense(10, softmax); trained
/// with categorical crossentropy and SGD.</summary>
[Sequential]
[Conv2D(64, 3, Padding = "same", Activation = "relu", InputShape = new[] { 32, 32, 3 })]
[Flatten]
[Dense(10, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.01)]
public partial class Conv2DNet;

/// <summary>A conv block as Keras users write it (issue 9): Conv2D(32, 3×3, same, no bias) → BatchNormalization →
/// relu over a 16×16×16 map, then GlobalAveragePooling2D and Dense(10). Predict folds the normalization into the conv.</summary>
[Sequential]
[Conv2D(32, 3, Padding = "same", UseBias = false, InputShape = new[] { 16, 16, 16 })]
[BatchNormalization]
[Activation("relu")]
[GlobalAveragePooling2D]
[Dense(10)]
public partial class ConvBatchNormNet;

/// <summary><see cref="ConvBatchNormNet"/> without the normalization, with a bias (which the folded normalization
/// becomes): the cost a folded BatchNormalization should match.</summary>
[Sequential]
[Conv2D(32, 3, Padding = "same", InputShape = new[] { 16, 16, 16 })]
[Activation("relu")]
[GlobalAveragePooling2D]
[Dense(10)]
public partial class ConvNoNormNet;

/// <summary><see cref="ConvBatchNormNet"/> with an activation between the conv and the normalization, so it cannot be
/// folded: the cost of running it as its own pass.</summary>
[Sequential]
[Conv2D(32, 3, Padding = "same", UseBias = false, Activation = "relu", InputShape = new[] { 16, 16, 16 })]
[BatchNormalization]
[GlobalAveragePooling2D]
[Dense(10)]
public partial class ConvReluBatchNormNet;
