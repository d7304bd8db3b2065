using System;
using System.Collections.Generic;
using KerasGen.Training;

namespace KerasGen.Tests.Models;

// Models for finite-difference gradient checks: every activation between two Dense layers (sizes 5 → 7 → 3, not
// multiples of any vector width), some as Activation layers, every loss on a fitting output, and rank-3 layouts.

[Sequential, Dense(7, InputDim = 5, Activation = "linear"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLinear;
[Sequential, Dense(7, InputDim = 5, Activation = "relu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradRelu;
// 128 units: rows staggered by a cache line (ModelLayout.Stride), the bias padded alike.
[Sequential, Dense(128, InputDim = 6, Activation = "tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradStaggeredRows;
[Sequential, Dense(7, InputDim = 5, Activation = "relu6"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradRelu6;
[Sequential, Dense(7, InputDim = 5, Activation = "leaky_relu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLeakyRelu;
[Sequential, Dense(7, InputDim = 5, Activation = "elu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradElu;
[Sequential, Dense(7, InputDim = 5, Activation = "selu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSelu;
[Sequential, Dense(7, InputDim = 5, Activation = "celu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradCelu;
[Sequential, Dense(7, InputDim = 5, Activation = "softplus"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSoftplus;
[Sequential, Dense(7, InputDim = 5, Activation = "softsign"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSoftsign;
[Sequential, Dense(7, InputDim = 5, Activation = "squareplus"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSquareplus;
[Sequential, Dense(7, InputDim = 5, Activation = "soft_shrink"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSoftShrink;
[Sequential, Dense(7, InputDim = 5, Activation = "sparse_plus"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSparsePlus;
[Sequential, Dense(7, InputDim = 5, Activation = "silu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSilu;
[Sequential, Dense(7, InputDim = 5, Activation = "swish"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSwish;
[Sequential, Dense(7, InputDim = 5, Activation = "gelu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradGelu;
[Sequential, Dense(7, InputDim = 5, Activation = "tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradTanh;
[Sequential, Dense(7, InputDim = 5, Activation = "tanh_shrink"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradTanhShrink;
[Sequential, Dense(7, InputDim = 5, Activation = "sigmoid"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSigmoid;
[Sequential, Dense(7, InputDim = 5, Activation = "sparse_sigmoid"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSparseSigmoid;
[Sequential, Dense(7, InputDim = 5, Activation = "exponential"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradExponential;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_sigmoid"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardSigmoid;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_silu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardSilu;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_swish"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardSwish;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardTanh;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_shrink"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardShrink;
[Sequential, Dense(7, InputDim = 5, Activation = "relu(negative_slope=0.1, max_value=2, threshold=0.5)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradReluAll;
[Sequential, Dense(7, InputDim = 5, Activation = "relu(max_value=6)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradReluMax6;
[Sequential, Dense(7, InputDim = 5, Activation = "relu(threshold=-0.5)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradReluNegativeThreshold;
[Sequential, Dense(7, InputDim = 5, Activation = "leaky_relu(negative_slope=0.3)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLeakyRelu03;
[Sequential, Dense(7, InputDim = 5, Activation = "leaky_relu(negative_slope=1.5)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLeakyRelu15;
[Sequential, Dense(7, InputDim = 5, Activation = "elu(alpha=0.5)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradEluAlpha05;
[Sequential, Dense(7, InputDim = 5, Activation = "celu(alpha=2)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradCeluAlpha2;
[Sequential, Dense(7, InputDim = 5, Activation = "gelu(approximate=True)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradGeluApprox;
[Sequential, Dense(7, InputDim = 5, Activation = "squareplus(b=1)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSquareplusB1;
[Sequential, Dense(7, InputDim = 5, Activation = "soft_shrink(threshold=1)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSoftShrink1;
[Sequential, Dense(7, InputDim = 5, Activation = "hard_shrink(threshold=1)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradHardShrink1;
[Sequential, Dense(7, InputDim = 5, Activation = "threshold(threshold=0.5, default_value=-1)"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradThresholdHalf;
[Sequential, Dense(7, InputDim = 5, Activation = "mish"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradMish;
[Sequential, Dense(7, InputDim = 5, Activation = "log_sigmoid"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLogSigmoid;
[Sequential, Dense(7, InputDim = 5, Activation = "softmax"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSoftmax;
[Sequential, Dense(7, InputDim = 5, Activation = "log_softmax"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLogSoftmax;
[Sequential, Dense(7, InputDim = 5, Activation = "sparsemax"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradSparsemax;
[Sequential, Dense(8, InputDim = 5, Activation = "glu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradGlu;
[Sequential, Dense(7, InputDim = 5), Activation("elu"), Dense(3), Activation("softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")] public partial class GradActivationLayers;
[Sequential, Dense(6, InputDim = 5), Activation("glu"), Dense(3), Activation("sparsemax"), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradGluLayer;
[Sequential, Dense(6, InputShape = new[] { 3, 5 }, Activation = "tanh"), Reshape(2, 9), Dense(4, Activation = "softmax"), Flatten, Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradRank3;
[Sequential, Dense(7, InputDim = 5, Activation = "tanh", UseBias = false), Dense(3, UseBias = false), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradNoBias;
[Sequential, Dense(70, InputDim = 9, Activation = "tanh"), Dense(66, Activation = "sigmoid"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")] public partial class GradLarge;
[Sequential, Dense(40, InputDim = 37, Activation = "relu"), Dense(19, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "sgd", MaxBatchSize = 3)] public partial class GradWide;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "mean_squared_error", Optimizer = "sgd")] public partial class LossMeanSquaredError;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "mean_absolute_error", Optimizer = "sgd")] public partial class LossMeanAbsoluteError;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "mean_absolute_percentage_error", Optimizer = "sgd")] public partial class LossMeanAbsolutePercentageError;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "softplus"), Compile(Loss = "mean_squared_logarithmic_error", Optimizer = "sgd")] public partial class LossMeanSquaredLogarithmicError;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "sgd")] public partial class LossBinaryCrossentropy;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")] public partial class LossCategoricalCrossentropy;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "softmax"), Compile(Loss = "sparse_categorical_crossentropy", Optimizer = "sgd")] public partial class LossSparseCategoricalCrossentropy;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "huber", Optimizer = "sgd")] public partial class LossHuber;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "log_cosh", Optimizer = "sgd")] public partial class LossLogCosh;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "tanh"), Compile(Loss = "hinge", Optimizer = "sgd")] public partial class LossHinge;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "tanh"), Compile(Loss = "squared_hinge", Optimizer = "sgd")] public partial class LossSquaredHinge;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "categorical_hinge", Optimizer = "sgd")] public partial class LossCategoricalHinge;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "softmax"), Compile(Loss = "kl_divergence", Optimizer = "sgd")] public partial class LossKlDivergence;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "softplus"), Compile(Loss = "poisson", Optimizer = "sgd")] public partial class LossPoisson;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4, Activation = "linear"), Compile(Loss = "cosine_similarity", Optimizer = "sgd")] public partial class LossCosineSimilarity;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4), Compile(Loss = "binary_crossentropy", FromLogits = true, Optimizer = "sgd")] public partial class LogitsBinaryCrossentropy;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4), Compile(Loss = "categorical_crossentropy", FromLogits = true, Optimizer = "sgd")] public partial class LogitsCategoricalCrossentropy;
[Sequential, Dense(6, InputDim = 5, Activation = "tanh"), Dense(4), Compile(Loss = "sparse_categorical_crossentropy", FromLogits = true, Optimizer = "sgd")] public partial class LogitsSparseCategoricalCrossentropy;

internal static class GradientModels
{
    public static readonly Dictionary<string, Func<IDifferentiableModel>> Activations = new()
    {
        ["linear"] = () => new GradLinear(3),
        ["relu"] = () => new GradRelu(3),
        ["tanh, 128 units (staggered rows)"] = () => new GradStaggeredRows(3),
        ["relu6"] = () => new GradRelu6(3),
        ["leaky_relu"] = () => new GradLeakyRelu(3),
        ["elu"] = () => new GradElu(3),
        ["selu"] = () => new GradSelu(3),
        ["celu"] = () => new GradCelu(3),
        ["softplus"] = () => new GradSoftplus(3),
        ["softsign"] = () => new GradSoftsign(3),
        ["squareplus"] = () => new GradSquareplus(3),
        ["soft_shrink"] = () => new GradSoftShrink(3),
        ["sparse_plus"] = () => new GradSparsePlus(3),
        ["silu"] = () => new GradSilu(3),
        ["swish"] = () => new GradSwish(3),
        ["gelu"] = () => new GradGelu(3),
        ["relu(negative_slope=0.1, max_value=2, threshold=0.5)"] = () => new GradReluAll(3),
        ["relu(max_value=6)"] = () => new GradReluMax6(3),
        ["relu(threshold=-0.5)"] = () => new GradReluNegativeThreshold(3),
        ["leaky_relu(negative_slope=0.3)"] = () => new GradLeakyRelu03(3),
        ["leaky_relu(negative_slope=1.5)"] = () => new GradLeakyRelu15(3),
        ["elu(alpha=0.5)"] = () => new GradEluAlpha05(3),
        ["celu(alpha=2)"] = () => new GradCeluAlpha2(3),
        ["gelu(approximate=True)"] = () => new GradGeluApprox(3),
        ["squareplus(b=1)"] = () => new GradSquareplusB1(3),
        ["soft_shrink(threshold=1)"] = () => new GradSoftShrink1(3),
        ["hard_shrink(threshold=1)"] = () => new GradHardShrink1(3),
        ["threshold(threshold=0.5, default_value=-1)"] = () => new GradThresholdHalf(3),
        ["tanh"] = () => new GradTanh(3),
        ["tanh_shrink"] = () => new GradTanhShrink(3),
        ["sigmoid"] = () => new GradSigmoid(3),
        ["sparse_sigmoid"] = () => new GradSparseSigmoid(3),
        ["exponential"] = () => new GradExponential(3),
        ["hard_sigmoid"] = () => new GradHardSigmoid(3),
        ["hard_silu"] = () => new GradHardSilu(3),
        ["hard_swish"] = () => new GradHardSwish(3),
        ["hard_tanh"] = () => new GradHardTanh(3),
        ["hard_shrink"] = () => new GradHardShrink(3),
        ["mish"] = () => new GradMish(3),
        ["log_sigmoid"] = () => new GradLogSigmoid(3),
        ["softmax"] = () => new GradSoftmax(3),
        ["log_softmax"] = () => new GradLogSoftmax(3),
        ["sparsemax"] = () => new GradSparsemax(3),
        ["glu"] = () => new GradGlu(3),
        ["activation layers elu+softmax (cce)"] = () => new GradActivationLayers(3),
        ["activation layers glu+sparsemax"] = () => new GradGluLayer(3),
        ["rank 3 + reshape + flatten"] = () => new GradRank3(3),
        ["no bias"] = () => new GradNoBias(3),
        ["37-40-19 sigmoid bce, chunks of 3"] = () => new GradWide(3),
        ["9-70-66-3: whole register blocks in every kernel"] = () => new GradLarge(3),
        ["conv1d relu, conv1d same"] = () => new GradConv1D(3),
        ["conv1d causal dilated, conv1d strides"] = () => new GradConv1DCausalStrides(3),
        ["convolution1d full, pointwise conv1d"] = () => new GradConvolution1DFullPointwise(3),
        ["conv1d channels_first"] = () => new GradConv1DChannelsFirst(3),
        ["conv2d strides same, conv2d no bias, softmax cce"] = () => new GradConv2D(3),
        ["conv2d channels_first, max_pooling2d"] = () => new GradConv2DChannelsFirstPooling(3),
        ["max_pooling1d same, average_pooling1d same"] = () => new GradPooling1D(3),
        ["average_pooling2d same, max_pooling2d (2, 1)"] = () => new GradPooling2D(3),
        ["global_max_pooling1d"] = () => new GradGlobalMax1D(3),
        ["global_average_pooling2d channels_first keepdims"] = () => new GradGlobalAverage2DChannelsFirst(3),
        ["zero_padding1d, cropping1d, up_sampling1d"] = () => new GradResampling1D(3),
        ["zero_padding2d, up_sampling2d, cropping2d channels_first"] = () => new GradResampling2DChannelsFirst(3),
        ["conv1d groups 2, no bias, groups 3 pointwise"] = () => new GradConv1DGroups(3),
        ["conv2d groups 2 same channels_first"] = () => new GradConv2DGroupsChannelsFirst(3),
        ["conv1d glu, grouped conv1d glu"] = () => new GradConv1DGlu(3),
        ["conv2d glu channels_first"] = () => new GradConv2DGluChannelsFirst(3),
    };

    public static readonly Dictionary<string, Func<IDifferentiableModel>> Regularized = new()
    {
        ["dense_hidden_and_softmax_output"] = () => new GradActivityDense(3),
        ["dense_keras1"] = () => new GradActivityKeras1(3),
        ["conv1d_sigmoid_output"] = () => new GradActivityConv1D(3),
        ["conv2d_channels_first"] = () => new GradActivityConv2D(3),
    };

    public static readonly Dictionary<string, Func<IDifferentiableModel>> Normalized = new()
    {
        ["dense_batchnorm_dense"] = () => new GradBatchNormDense(3),
        ["batchnorm_first_no_center"] = () => new GradBatchNormFirst(3),
        ["batchnorm_no_scale_softmax"] = () => new GradBatchNormNoScale(3),
        ["conv1d_batchnorm"] = () => new GradBatchNormConv1D(3),
        ["conv2d_channels_first_batchnorm_axis1"] = () => new GradBatchNormConv2DChannelsFirst(3),
        ["per_step_dense_batchnorm_axis1"] = () => new GradBatchNormPerStepAxis1(3),
        ["dense_layernorm_dense"] = () => new GradLayerNormDense(3),
        ["layernorm_first_no_center"] = () => new GradLayerNormFirst(3),
        ["conv2d_channels_first_layernorm_axis1"] = () => new GradLayerNormChannelsFirst(3),
        ["layernorm_three_axes_no_scale"] = () => new GradLayerNormThreeAxes(3),
    };

    public static readonly Dictionary<string, Func<IDifferentiableModel>> Losses = new()
    {
        ["mean_squared_error"] = () => new LossMeanSquaredError(3),
        ["mean_absolute_error"] = () => new LossMeanAbsoluteError(3),
        ["mean_absolute_percentage_error"] = () => new LossMeanAbsolutePercentageError(3),
        ["mean_squared_logarithmic_error"] = () => new LossMeanSquaredLogarithmicError(3),
        ["binary_crossentropy"] = () => new LossBinaryCrossentropy(3),
        ["categorical_crossentropy"] = () => new LossCategoricalCrossentropy(3),
        ["sparse_categorical_crossentropy"] = () => new LossSparseCategoricalCrossentropy(3),
        ["huber"] = () => new LossHuber(3),
        ["log_cosh"] = () => new LossLogCosh(3),
        ["hinge"] = () => new LossHinge(3),
        ["squared_hinge"] = () => new LossSquaredHinge(3),
        ["categorical_hinge"] = () => new LossCategoricalHinge(3),
        ["kl_divergence"] = () => new LossKlDivergence(3),
        ["poisson"] = () => new LossPoisson(3),
        ["cosine_similarity"] = () => new LossCosineSimilarity(3),
        ["binary_crossentropy from logits"] = () => new LogitsBinaryCrossentropy(3),
        ["categorical_crossentropy from logits"] = () => new LogitsCategoricalCrossentropy(3),
        ["sparse_categorical_crossentropy from logits"] = () => new LogitsSparseCategoricalCrossentropy(3),
    };
}

[Sequential, Dense(6, InputDim = 5, Activation = "tanh", ActivityRegularizer = "L1L2(l1=0.05, l2=0.1)"), Dense(3, Activation = "softmax", ActivityRegularizer = "l2(0.2)"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
public partial class GradActivityDense;
[Sequential, Dense(6, InputDim = 5, Activation = "relu", WRegularizer = "l2", ActivityRegularizer = "activity_l1(0.05)"), Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradActivityKeras1;
[Sequential, Conv1D(3, 2, InputShape = new[] { 5, 2 }, ActivityRegularizer = "l1(0.05)"), Flatten, Dense(1, Activation = "sigmoid", ActivityRegularizer = "l1(0.1)"),
 Compile(Loss = "binary_crossentropy", Optimizer = "sgd")]
public partial class GradActivityConv1D;
[Sequential, Conv2D(2, 2, DataFormat = "channels_first", InputShape = new[] { 2, 4, 3 }, Activation = "elu", ActivityRegularizer = "L1L2(l1=0.02, l2=0.05)"), Flatten, Dense(2),
 Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradActivityConv2D;

[Sequential, Dense(6, InputDim = 5), BatchNormalization(Momentum = 0.5), Activation("tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradBatchNormDense;
[Sequential, BatchNormalization(InputShape = new[] { 5 }, Center = false), Dense(3, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "sgd")]
public partial class GradBatchNormFirst;
[Sequential, Dense(6, InputDim = 5, Activation = "relu"), BatchNormalization(Scale = false, Epsilon = 0.1), Dense(3, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
public partial class GradBatchNormNoScale;
[Sequential, Conv1D(3, 2, InputShape = new[] { 6, 2 }), BatchNormalization, Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradBatchNormConv1D;
[Sequential, Conv2D(2, 2, DataFormat = "channels_first", InputShape = new[] { 2, 4, 3 }), BatchNormalization(Axis = 1), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradBatchNormConv2DChannelsFirst;
/// <summary>Axis 1 of a (steps, units) sequence: each step normalized over the batch and the units.</summary>
[Sequential, Dense(4, InputShape = new[] { 3, 5 }), BatchNormalization(Axis = 1), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradBatchNormPerStepAxis1;

[Sequential, Dense(6, InputDim = 5), LayerNormalization, Activation("elu"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradLayerNormDense;
[Sequential, LayerNormalization(InputShape = new[] { 5 }, Center = false), Dense(3, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "sgd")]
public partial class GradLayerNormFirst;
/// <summary>Axis 1 of a channels_first map: each position normalized over the channels (a strided group).</summary>
[Sequential, Conv2D(3, 2, DataFormat = "channels_first", InputShape = new[] { 2, 4, 3 }), LayerNormalization(1), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradLayerNormChannelsFirst;
[Sequential, Conv2D(3, 2, InputShape = new[] { 4, 4, 2 }), LayerNormalization(-3, -2, -1, Scale = false), Flatten, Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class GradLayerNormThreeAxes;
