namespace KerasGen.Tests.Models;

// Convolution and pooling models for the finite-difference gradient checks: each new layer sits below another
// weighted layer, so its input gradient is checked as well as its weight gradients; sizes are not multiples of any
// vector width.

[Sequential]
[Conv1D(4, 3, Activation = "relu", InputShape = new[] { 9, 5 })]
[Conv1D(3, 2, Padding = "same")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv1D;

[Sequential]
[Conv1D(3, 2, Padding = "causal", DilationRate = 2, Activation = "tanh", InputShape = new[] { 8, 3 })]
[Conv1D(2, 3, Strides = 2)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv1DCausalStrides;

[Sequential]
[Convolution1D(3, 3, BorderMode = "full", InputDim = 2, InputLength = 6)]
[Conv1D(2, 1, Activation = "sigmoid")]
[Flatten]
[Dense(1)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConvolution1DFullPointwise;

[Sequential(ImageDataFormat = "channels_first")]
[Conv1D(4, 3, InputShape = new[] { 5, 7 })]
[Conv1D(3, 3, Padding = "same", Activation = "elu")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv1DChannelsFirst;

[Sequential]
[Conv2D(3, new[] { 3, 2 }, Strides = new[] { 2, 1 }, Padding = "same", Activation = "relu", InputShape = new[] { 7, 6, 2 })]
[Conv2D(2, 2, UseBias = false)]
[Flatten]
[Dense(2, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
public partial class GradConv2D;

[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(3, 3, InputShape = new[] { 2, 6, 6 })]
[MaxPooling2D]
[Conv2D(2, 2, DilationRate = new[] { 1, 1 })]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv2DChannelsFirstPooling;

[Sequential]
[Conv1D(4, 2, InputShape = new[] { 9, 3 })]
[MaxPooling1D(3, Padding = "same")]
[Conv1D(3, 2)]
[AveragePooling1D(2, Padding = "same")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradPooling1D;

[Sequential]
[Conv2D(3, 2, InputShape = new[] { 6, 7, 2 })]
[AveragePooling2D(Padding = "same")]
[Conv2D(2, 2)]
[MaxPooling2D(PoolSize = new[] { 2, 1 })]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradPooling2D;

[Sequential]
[Conv1D(4, 3, InputShape = new[] { 8, 3 })]
[GlobalMaxPooling1D]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradGlobalMax1D;

[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(3, 2, InputShape = new[] { 2, 4, 5 })]
[GlobalAveragePooling2D(KeepDims = true)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradGlobalAverage2DChannelsFirst;

[Sequential]
[Conv1D(3, 2, InputShape = new[] { 7, 2 })]
[ZeroPadding1D(new[] { 1, 2 })]
[Conv1D(2, 3)]
[Cropping1D(new[] { 1, 0 })]
[UpSampling1D(2)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradResampling1D;

[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(2, 2, InputShape = new[] { 2, 5, 4 })]
[ZeroPadding2D(new[] { 1, 0, 2, 1 })]
[UpSampling2D(new[] { 1, 2 })]
[Cropping2D(new[] { 0, 1, 1, 2 })]
[Conv2D(2, 2)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradResampling2DChannelsFirst;

[Sequential]
[Conv1D(4, 3, Groups = 2, Padding = "same", Activation = "tanh", InputShape = new[] { 7, 6 })]
[Conv1D(6, 2, Groups = 2, UseBias = false)]
[Conv1D(3, 1, Groups = 3)]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv1DGroups;

[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(4, 2, InputShape = new[] { 2, 5, 4 })]
[Conv2D(6, new[] { 2, 3 }, Groups = 2, Padding = "same", Activation = "relu")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv2DGroupsChannelsFirst;

[Sequential]
[Conv1D(4, 2, Activation = "glu", InputShape = new[] { 6, 3 })]
[Conv1D(6, 3, Groups = 2, Padding = "same", Activation = "glu")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv1DGlu;

[Sequential(ImageDataFormat = "channels_first")]
[Conv2D(3, 2, InputShape = new[] { 2, 4, 6 })]
[Conv2D(2, 2, Activation = "glu")]
[Flatten]
[Dense(2)]
[Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradConv2DGluChannelsFirst;

// The models of Fixtures/conv_training.json (tests/reference/make_conv_training_fixtures.js).

[Sequential]
[Conv1D(4, 3, Padding = "same", Activation = "relu", InputShape = new[] { 8, 3 })]
[Flatten]
[Dense(2)]
[Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainConv1DSameSgdMse;

[Sequential]
[Conv1D(4, 2, Strides = 2, Activation = "tanh", InputShape = new[] { 9, 2 })]
[AveragePooling1D(2, Padding = "same")]
[GlobalMaxPooling1D]
[Dense(1, Activation = "sigmoid")]
[Compile(Loss = "binary_crossentropy", Optimizer = "sgd", LearningRate = 0.1, Momentum = 0.9)]
public partial class TrainConv1DStridesPoolingMomentumBce;

[Sequential]
[Conv2D(3, 3, Activation = "relu", InputShape = new[] { 6, 6, 2 })]
[MaxPooling2D]
[Flatten]
[Dense(3, Activation = "softmax")]
[Compile(Loss = "categorical_crossentropy", Optimizer = "adam", LearningRate = 0.01)]
public partial class TrainConv2DPoolAdamCce;

[Sequential]
[Conv2D(3, new[] { 3, 2 }, Strides = new[] { 2, 1 }, Padding = "same", Activation = "elu", InputShape = new[] { 5, 6, 2 })]
[ZeroPadding2D]
[Conv2D(2, 2)]
[GlobalAveragePooling2D]
[Dense(2)]
[Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.05)]
public partial class TrainConv2DSameStridesSgdMse;
