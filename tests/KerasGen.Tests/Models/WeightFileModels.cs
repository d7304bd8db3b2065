using KerasGen;

namespace KerasGen.Tests.Models;

// The models of tests/reference/make_weight_fixtures.js, whose weights are checked in as TF.js, Keras 3 and legacy
// Keras files (Fixtures/weights/<model>/).

/// <summary>Fixture "mlp".</summary>
[Sequential]
[Dense(12, Activation = "relu", InputShape = new[] { 8 })]
[Dropout(0.25)]
[Dense(8, Activation = "tanh")]
[Dense(1, Activation = "sigmoid")]
public partial class WeightsMlp;

/// <summary>Fixture "conv1d".</summary>
[Sequential]
[Conv1D(4, 3, Activation = "relu", InputShape = new[] { 10, 2 })]
[MaxPooling1D(2)]
[Conv1D(3, 2, Padding = "same", UseBias = false)]
[Flatten]
[Dense(2, Activation = "softmax")]
public partial class WeightsConv1D;

/// <summary>Fixture "conv1d" declared with Keras 1's layer names, as a Keras 1 user would have.</summary>
[Sequential]
[Convolution1D(4, 3, Activation = "relu", InputDim = 2, InputLength = 10)]
[MaxPooling1D(2)]
[Convolution1D(3, 2, BorderMode = "same", Bias = false)]
[Flatten]
[Dense(2, Activation = "softmax")]
public partial class WeightsConvolution1D;

/// <summary>Fixture "conv2d".</summary>
[Sequential]
[Conv2D(3, new[] { 3, 2 }, Strides = new[] { 1, 2 }, Activation = "relu", InputShape = new[] { 6, 6, 2 })]
[AveragePooling2D(new[] { 2, 1 })]
[Flatten]
[Dense(3)]
public partial class WeightsConv2D;

/// <summary>Fixture "conv2d_channels_first".</summary>
[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(2, new[] { 2, 3 }, InputShape = new[] { 2, 5, 5 })]
[Flatten]
[Dense(2, Activation = "tanh")]
public partial class WeightsConv2DChannelsFirst;

/// <summary>Fixture "mixed2d": weightless layers of most kinds between the weighted ones.</summary>
[Sequential]
[ZeroPadding2D(new[] { 1, 0, 1, 2 }, InputShape = new[] { 6, 7, 2 })]
[Conv2D(2, 2, Activation = "tanh")]
[MaxPooling2D(2)]
[UpSampling2D(new[] { 2, 1 })]
[Cropping2D(new[] { 1, 0, 0, 1 })]
[GlobalMaxPooling2D]
[Dense(3)]
public partial class WeightsMixed2D;

/// <summary>Fixture "mixed1d".</summary>
[Sequential]
[Conv1D(4, 3, Padding = "same", InputShape = new[] { 8, 3 })]
[AveragePooling1D(2, Strides = 1)]
[GlobalAveragePooling1D]
[Reshape(2, 2)]
[Activation("relu")]
[Flatten]
[Dense(2, Activation = "softmax")]
public partial class WeightsMixed1D;

/// <summary>"conv1d" with a kernel size that differs from the files': 3 → 5 in the second convolution.</summary>
[Sequential]
[Conv1D(4, 3, Activation = "relu", InputShape = new[] { 10, 2 })]
[MaxPooling1D(2)]
[Conv1D(3, 5, Padding = "same", UseBias = false)]
[Flatten]
[Dense(2, Activation = "softmax")]
public partial class WeightsConv1DOtherKernel;

// One conv model per optimizer whose state a .weights.h5 can carry (resumed-training tests).
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.05, Momentum = 0.9)]
public partial class ResumeSgdMomentum;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.05)]
public partial class ResumeSgd;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "adam", LearningRate = 0.01)]
public partial class ResumeAdam;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "adam", LearningRate = 0.01, Amsgrad = true)]
public partial class ResumeAdamAmsgrad;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "rmsprop", LearningRate = 0.01, Momentum = 0.5, Centered = true)]
public partial class ResumeRmsPropCentered;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "adagrad", LearningRate = 0.05)]
public partial class ResumeAdagrad;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "adadelta", LearningRate = 1)]
public partial class ResumeAdadelta;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "adamax", LearningRate = 0.01)]
public partial class ResumeAdamax;
[Sequential, Conv1D(3, 2, Activation = "relu", InputShape = new[] { 5, 2 }), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "nadam", LearningRate = 0.01)]
public partial class ResumeNadam;

/// <summary>One convolution, for the hostile legacy files (Fixtures/hostile).</summary>
[Sequential, Conv1D(4, 3, InputShape = new[] { 5, 2 })]
public partial class HostileConv;
