namespace KerasGen.Tests.Models;

// The models of Fixtures/conv.json (tests/reference/make_conv_fixtures.js), declared as KerasGen models; weights
// come from the fixtures.

[Sequential, Conv1D(4, 3, Activation = "relu", InputShape = new[] { 10, 8 })] public partial class Conv1DValidRelu;
[Sequential, Conv1D(5, 4, Padding = "same", InputShape = new[] { 10, 8 })] public partial class Conv1DSameEvenKernel;
[Sequential, Conv1D(6, 3, Strides = 2, Activation = "tanh", InputShape = new[] { 11, 3 })] public partial class Conv1DStridesTanh;
[Sequential, Conv1D(4, 3, Strides = 2, Padding = "same", InputShape = new[] { 10, 3 })] public partial class Conv1DStridesSame;
[Sequential, Conv1D(3, 3, DilationRate = 2, Activation = "sigmoid", InputShape = new[] { 12, 5 })] public partial class Conv1DDilationSigmoid;
[Sequential, Conv1D(4, 3, DataFormat = "channels_first", InputShape = new[] { 8, 10 })] public partial class Conv1DChannelsFirst;
[Sequential, Conv1D(3, 3, Padding = "causal", InputShape = new[] { 9, 4 })] public partial class Conv1DCausal;
[Sequential, Conv1D(3, 2, Padding = "causal", DilationRate = 3, InputShape = new[] { 9, 4 })] public partial class Conv1DCausalDilated;
[Sequential, Convolution1D(2, 3, BorderMode = "full", SubsampleLength = 2, InputDim = 3, InputLength = 7)] public partial class Convolution1DFull;
[Sequential, Conv1D(37, 5, Padding = "same", UseBias = false, InputShape = new[] { 7, 20 })] public partial class Conv1DWideNoBias;
[Sequential, Conv1D(7, 1, Activation = "elu", InputShape = new[] { 6, 10 })] public partial class Conv1DPointwise;
[Sequential, Conv1D(5, 2, Activation = "softmax", InputShape = new[] { 6, 4 })] public partial class Conv1DSoftmax;
[Sequential, Conv2D(5, 3, Activation = "relu", InputShape = new[] { 7, 6, 3 })] public partial class Conv2DValidRelu;
[Sequential, Conv2D(4, new[] { 3, 2 }, Strides = new[] { 2, 3 }, Padding = "same", InputShape = new[] { 9, 8, 2 })] public partial class Conv2DSameStrides;
[Sequential(ImageDataFormat = "channels_first"), Conv2D(6, 3, Padding = "same", InputShape = new[] { 3, 6, 5 })] public partial class Conv2DChannelsFirstSame;
[Sequential, Conv2D(20, 3, Padding = "same", Activation = "relu", InputShape = new[] { 12, 13, 3 })] public partial class Conv2DWideRowsSame;
[Sequential, Conv2D(5, 3, Activation = "relu", InputShape = new[] { 5, 4, 2 })] public partial class Conv2DNarrowRowsRelu;
[Sequential, Conv2D(33, new[] { 2, 3 }, Strides = new[] { 2, 2 }, UseBias = false, InputShape = new[] { 11, 17, 2 })] public partial class Conv2DWideRowsStrided;
[Sequential, Conv2D(64, 3, DilationRate = new[] { 1, 2 }, Padding = "same", InputShape = new[] { 9, 16, 4 })] public partial class Conv2DWideRowsDilated;
[Sequential, Conv1D(4, 3, Padding = "same", Groups = 2, Activation = "relu", InputShape = new[] { 9, 6 })] public partial class Conv1DGroupsSameRelu;
[Sequential, Conv1D(9, 1, Groups = 3, InputShape = new[] { 5, 6 })] public partial class Conv1DGroupsPointwise;
[Sequential, Conv1D(20, 3, Groups = 4, DilationRate = 2, InputShape = new[] { 12, 4 })] public partial class Conv1DGroupsDilation;
[Sequential, Conv2D(6, new[] { 3, 2 }, Strides = new[] { 2, 1 }, Groups = 2, InputShape = new[] { 6, 5, 4 })] public partial class Conv2DGroupsStrides;
[Sequential, Conv2D(8, 3, Padding = "same", Groups = 4, Activation = "tanh", DataFormat = "channels_first", InputShape = new[] { 4, 5, 5 })] public partial class Conv2DGroupsChannelsFirstSame;
[Sequential, Conv1D(6, 3, Padding = "same", Activation = "glu", InputShape = new[] { 8, 3 })] public partial class Conv1DGlu;
[Sequential(ImageDataFormat = "channels_first"), Conv2D(3, 2, Activation = "glu", InputShape = new[] { 2, 5, 7 })] public partial class Conv2DGluChannelsFirst;
[Sequential, Conv1D(4, 2, Groups = 2, Activation = "glu", InputShape = new[] { 7, 4 })] public partial class Conv1DGroupsGlu;
[Sequential, Conv2D(3, 3, DilationRate = new[] { 2, 2 }, InputShape = new[] { 8, 8, 2 })] public partial class Conv2DDilation;

/// <summary>The benchmarks' conv1d model, with a Flatten and a Dense head.</summary>
[Sequential]
[Conv1D(64, 3, Padding = "same", Activation = "relu", InputShape = new[] { 10, 32 })]
[Conv1D(32, 3, Padding = "same")]
[Flatten]
[Dense(3, Activation = "softmax")]
public partial class Conv1DStackFlattenDense;

[Sequential]
[Conv2D(8, 3, Padding = "same", Activation = "relu", InputShape = new[] { 6, 6, 2 })]
[Flatten]
[Dense(4)]
public partial class Conv2DFlattenDense;

[Sequential, MaxPooling1D(InputShape = new[] { 10, 8 })] public partial class MaxPooling1DDefault;
[Sequential, MaxPooling1D(3, Padding = "same", InputShape = new[] { 10, 8 })] public partial class MaxPooling1D3Same;
[Sequential, AveragePooling1D(2, Padding = "same", InputShape = new[] { 11, 4 })] public partial class AveragePooling1DSameOdd;
[Sequential, AveragePooling1D(PoolLength = 2, Stride = 1, InputShape = new[] { 10, 3 })] public partial class AveragePooling1DStrides1;
[Sequential, MaxPooling2D(Padding = "same", InputShape = new[] { 7, 7, 3 })] public partial class MaxPooling2DSame;
[Sequential, MaxPooling2D(PoolSize = new[] { 3, 2 }, Strides = new[] { 2, 2 }, InputShape = new[] { 9, 8, 2 })] public partial class MaxPooling2DStrides;
[Sequential, AveragePooling2D(DataFormat = "channels_first", InputShape = new[] { 3, 7, 7 })] public partial class AveragePooling2DChannelsFirst;
[Sequential, AveragePooling2D(PoolSize = new[] { 2, 3 }, Padding = "same", InputShape = new[] { 5, 6, 2 })] public partial class AveragePooling2DSame;
[Sequential, GlobalMaxPooling1D(InputShape = new[] { 10, 8 })] public partial class GlobalMaxPooling1DModel;
[Sequential, GlobalAveragePooling1D(InputShape = new[] { 10, 8 })] public partial class GlobalAveragePooling1DModel;
[Sequential, GlobalAveragePooling2D(InputShape = new[] { 5, 5, 3 })] public partial class GlobalAveragePooling2DModel;
[Sequential, GlobalMaxPooling2D(DataFormat = "channels_first", InputShape = new[] { 3, 5, 5 })] public partial class GlobalMaxPooling2DChannelsFirst;

/// <summary>The seed's shape of a sequence model: Convolution1D, pooling, Flatten, Dense.</summary>
[Sequential]
[Convolution1D(6, 3, Activation = "relu", InputDim = 3, InputLength = 12)]
[MaxPooling1D(PoolLength = 2)]
[Flatten]
[Dense(2, Activation = "sigmoid")]
public partial class Conv1DPoolFlattenDense;

/// <summary>The Digits sample's shape: (1, 8, 8) channels_first images, as the seed writes its Conv2D.</summary>
[Sequential(ImageDataFormat = "channels_first")]
[Convolution2D(4, 3, 3, Activation = "relu", InputShape = new[] { 1, 8, 8 })]
[MaxPooling2D]
[Flatten]
[Dense(10, Activation = "softmax")]
public partial class Conv2DChannelsFirstPoolFlattenDense;

/// <summary>The seed's Conv2D: <c>Conv2D(64, (3, 3), input_shape=(3, 32, 32), padding='same')</c> in channels_first.</summary>
[Sequential(ImageDataFormat = "channels_first"), Conv2D(64, new[] { 3, 3 }, InputShape = new[] { 3, 32, 32 }, Padding = "same")]
public partial class SeedConv2DChannelsFirst;

[Sequential(ImageDataFormat = "channels_first"), Conv2D(64, new[] { 3, 3 }, InputShape = new[] { 3, 32, 32 }, Padding = "same"), Flatten]
public partial class SeedConv2DFlatten;

/// <summary>The seed's Convolution1D with its input length given: (None, 10, 64).</summary>
[Sequential, Convolution1D(64, 3, BorderMode = "same", InputDim = 32, InputLength = 10)]
public partial class SeedConv1DLength;

[Sequential, ZeroPadding1D(new[] { 1, 2 }, InputShape = new[] { 6, 3 })] public partial class ZeroPadding1DModel;
[Sequential, Cropping1D(new[] { 2, 1 }, InputShape = new[] { 9, 4 })] public partial class Cropping1DModel;
[Sequential, UpSampling1D(3, InputShape = new[] { 5, 3 })] public partial class UpSampling1DModel;
[Sequential, ZeroPadding2D(new[] { 1, 2, 0, 3 }, InputShape = new[] { 4, 5, 2 })] public partial class ZeroPadding2DModel;
[Sequential, ZeroPadding2D(DataFormat = "channels_first", InputShape = new[] { 2, 4, 3 })] public partial class ZeroPadding2DChannelsFirst;
[Sequential, Cropping2D(new[] { 1, 2, 2, 0 }, InputShape = new[] { 7, 6, 2 })] public partial class Cropping2DModel;
[Sequential, UpSampling2D(new[] { 2, 3 }, InputShape = new[] { 3, 4, 2 })] public partial class UpSampling2DModel;
[Sequential(ImageDataFormat = "channels_first"), UpSampling2D(InputShape = new[] { 2, 3, 3 })] public partial class UpSampling2DChannelsFirst;

[Sequential]
[ZeroPadding1D(new[] { 2, 0 }, InputShape = new[] { 8, 3 })]
[Conv1D(4, 3, Activation = "relu")]
[UpSampling1D]
[Flatten]
[Dense(2)]
public partial class Conv1DZeroPaddingUpSamplingChain;
