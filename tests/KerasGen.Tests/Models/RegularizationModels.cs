namespace KerasGen.Tests.Models;

// The models of Fixtures/regularization_training.json (tests/reference/make_regularization_fixtures.js), written as a
// Keras user would: identifiers in their constructor form.

[Sequential]
[Dense(5, InputDim = 4, Activation = "tanh", KernelRegularizer = "L1L2(l1=0.01, l2=0.02)", BiasRegularizer = "L2(0.05)")]
[Dense(2, KernelRegularizer = "l1(0.03)")]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class RegDenseWeights;

[Sequential]
[Dense(5, InputDim = 4, Activation = "relu", ActivityRegularizer = "L1L2(l1=0.01, l2=0.02)")]
[Dense(1, Activation = "sigmoid", ActivityRegularizer = "l2(0.1)")]
[Compile(Loss = "binary_crossentropy", Optimizer = "sgd", LearningRate = 0.1)]
public partial class RegDenseActivityKeras3;

/// <summary>Keras 1 names: <c>W_regularizer=l2(0.001)</c>, <c>activity_regularizer=activity_l1l2()</c> (0.01 each),
/// summed over the batch.</summary>
[Sequential]
[Dense(5, InputDim = 4, Activation = "tanh", WRegularizer = "l2(0.001)", ActivityRegularizer = "activity_l1l2")]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1)]
public partial class RegDenseActivityKeras1;

[Sequential]
[Dense(5, InputDim = 4, Activation = "relu", KernelConstraint = "max_norm(0.5)", BiasConstraint = "non_neg")]
[Dense(2, KernelConstraint = "unit_norm")]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.5)]
public partial class RegDenseConstraints;

[Sequential]
[Dense(5, InputDim = 4, Activation = "tanh", KernelConstraint = "MinMaxNorm(min_value=0.3, max_value=0.6, rate=0.7)", KernelRegularizer = "L1(0.01)")]
[Dense(3, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.2, Momentum = 0.9)]
public partial class RegDenseMinMaxNorm;

[Sequential]
[Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }, KernelRegularizer = "l2(0.01)", ActivityRegularizer = "l1(0.01)",
    KernelConstraint = "MaxNorm(0.6, axis=[0, 1])", BiasConstraint = "NonNeg()")]
[Flatten]
[Dense(1)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.2)]
public partial class RegConv1D;

[Sequential]
[Conv2D(2, 2, Activation = "tanh", InputShape = new[] { 4, 4, 2 }, KernelRegularizer = "L1L2(l1=0.01, l2=0.01)", BiasRegularizer = "l1(0.1)",
    ActivityRegularizer = "l2(0.01)", KernelConstraint = "UnitNorm(axis=[0, 1, 2])")]
[GlobalAveragePooling2D]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.2)]
public partial class RegConv2D;

[Sequential]
[Conv2D(2, 2, DataFormat = "channels_first", Activation = "relu", InputShape = new[] { 2, 4, 4 }, KernelRegularizer = "l1(0.02)",
    KernelConstraint = "max_norm(0.4, axis=[0, 1, 2])")]
[Flatten]
[Dense(2, KernelConstraint = "max_norm(0.3)")]
[Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.3)]
public partial class RegConv2DChannelsFirst;
