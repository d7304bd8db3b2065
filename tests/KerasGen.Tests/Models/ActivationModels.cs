using System;
using System.Collections.Generic;

namespace KerasGen.Tests.Models;

// One model per activation, twice: as an Activation layer (the element-wise layer kernel) and fused into a Dense layer
// whose identity kernel makes its output act(x) (the in-register path). The inputs are the 48 fixture values.

[Sequential, Activation("linear", InputShape = new[] { 48 })] public partial class LinearLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "linear", KernelInitializer = "identity")] public partial class LinearFused;
[Sequential, Activation("relu", InputShape = new[] { 48 })] public partial class ReluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "relu", KernelInitializer = "identity")] public partial class ReluFused;
[Sequential, Activation("relu6", InputShape = new[] { 48 })] public partial class Relu6Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "relu6", KernelInitializer = "identity")] public partial class Relu6Fused;
[Sequential, Activation("leaky_relu", InputShape = new[] { 48 })] public partial class LeakyReluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "leaky_relu", KernelInitializer = "identity")] public partial class LeakyReluFused;
[Sequential, Activation("elu", InputShape = new[] { 48 })] public partial class EluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "elu", KernelInitializer = "identity")] public partial class EluFused;
[Sequential, Activation("selu", InputShape = new[] { 48 })] public partial class SeluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "selu", KernelInitializer = "identity")] public partial class SeluFused;
[Sequential, Activation("celu", InputShape = new[] { 48 })] public partial class CeluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "celu", KernelInitializer = "identity")] public partial class CeluFused;
[Sequential, Activation("softplus", InputShape = new[] { 48 })] public partial class SoftplusLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "softplus", KernelInitializer = "identity")] public partial class SoftplusFused;
[Sequential, Activation("softsign", InputShape = new[] { 48 })] public partial class SoftsignLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "softsign", KernelInitializer = "identity")] public partial class SoftsignFused;
[Sequential, Activation("squareplus", InputShape = new[] { 48 })] public partial class SquareplusLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "squareplus", KernelInitializer = "identity")] public partial class SquareplusFused;
[Sequential, Activation("soft_shrink", InputShape = new[] { 48 })] public partial class SoftShrinkLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "soft_shrink", KernelInitializer = "identity")] public partial class SoftShrinkFused;
[Sequential, Activation("sparse_plus", InputShape = new[] { 48 })] public partial class SparsePlusLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "sparse_plus", KernelInitializer = "identity")] public partial class SparsePlusFused;
[Sequential, Activation("silu", InputShape = new[] { 48 })] public partial class SiluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "silu", KernelInitializer = "identity")] public partial class SiluFused;
[Sequential, Activation("swish", InputShape = new[] { 48 })] public partial class SwishLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "swish", KernelInitializer = "identity")] public partial class SwishFused;
[Sequential, Activation("gelu", InputShape = new[] { 48 })] public partial class GeluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "gelu", KernelInitializer = "identity")] public partial class GeluFused;
[Sequential, Activation("tanh", InputShape = new[] { 48 })] public partial class TanhLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "tanh", KernelInitializer = "identity")] public partial class TanhFused;
[Sequential, Activation("tanh_shrink", InputShape = new[] { 48 })] public partial class TanhShrinkLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "tanh_shrink", KernelInitializer = "identity")] public partial class TanhShrinkFused;
[Sequential, Activation("sigmoid", InputShape = new[] { 48 })] public partial class SigmoidLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "sigmoid", KernelInitializer = "identity")] public partial class SigmoidFused;
[Sequential, Activation("sparse_sigmoid", InputShape = new[] { 48 })] public partial class SparseSigmoidLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "sparse_sigmoid", KernelInitializer = "identity")] public partial class SparseSigmoidFused;
[Sequential, Activation("exponential", InputShape = new[] { 48 })] public partial class ExponentialLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "exponential", KernelInitializer = "identity")] public partial class ExponentialFused;
[Sequential, Activation("hard_sigmoid", InputShape = new[] { 48 })] public partial class HardSigmoidLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_sigmoid", KernelInitializer = "identity")] public partial class HardSigmoidFused;
[Sequential, Activation("hard_silu", InputShape = new[] { 48 })] public partial class HardSiluLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_silu", KernelInitializer = "identity")] public partial class HardSiluFused;
[Sequential, Activation("hard_swish", InputShape = new[] { 48 })] public partial class HardSwishLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_swish", KernelInitializer = "identity")] public partial class HardSwishFused;
[Sequential, Activation("hard_tanh", InputShape = new[] { 48 })] public partial class HardTanhLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_tanh", KernelInitializer = "identity")] public partial class HardTanhFused;
[Sequential, Activation("hard_shrink", InputShape = new[] { 48 })] public partial class HardShrinkLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_shrink", KernelInitializer = "identity")] public partial class HardShrinkFused;
[Sequential, Activation("mish", InputShape = new[] { 48 })] public partial class MishLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "mish", KernelInitializer = "identity")] public partial class MishFused;
[Sequential, Activation("log_sigmoid", InputShape = new[] { 48 })] public partial class LogSigmoidLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "log_sigmoid", KernelInitializer = "identity")] public partial class LogSigmoidFused;

// Row-wise activations over the last axis (rows of 7; glu: rows of 8 halved to 4).
[Sequential, Activation("softmax", InputShape = new[] { 5, 7 })] public partial class SoftmaxLayer;
[Sequential, Dense(7, InputShape = new[] { 5, 7 }, Activation = "softmax", KernelInitializer = "identity")] public partial class SoftmaxFused;
[Sequential, Activation("log_softmax", InputShape = new[] { 5, 7 })] public partial class LogSoftmaxLayer;
[Sequential, Dense(7, InputShape = new[] { 5, 7 }, Activation = "log_softmax", KernelInitializer = "identity")] public partial class LogSoftmaxFused;
[Sequential, Activation("sparsemax", InputShape = new[] { 5, 7 })] public partial class SparsemaxLayer;
[Sequential, Dense(7, InputShape = new[] { 5, 7 }, Activation = "sparsemax", KernelInitializer = "identity")] public partial class SparsemaxFused;
[Sequential, Activation("glu", InputShape = new[] { 5, 8 })] public partial class GluLayer;
[Sequential, Dense(8, InputShape = new[] { 5, 8 }, Activation = "glu", KernelInitializer = "identity")] public partial class GluFused;

// Keras' constructor forms (KerasGen parses "relu(max_value=6)" at build time), the same two ways.
[Sequential, Activation("relu(negative_slope=0.1, max_value=2, threshold=0.5)", InputShape = new[] { 48 })] public partial class ReluAllLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "relu(negative_slope=0.1, max_value=2, threshold=0.5)", KernelInitializer = "identity")] public partial class ReluAllFused;
[Sequential, Activation("relu(max_value=6)", InputShape = new[] { 48 })] public partial class ReluMax6Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "relu(max_value=6)", KernelInitializer = "identity")] public partial class ReluMax6Fused;
[Sequential, Activation("relu(threshold=-0.5)", InputShape = new[] { 48 })] public partial class ReluNegativeThresholdLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "relu(threshold=-0.5)", KernelInitializer = "identity")] public partial class ReluNegativeThresholdFused;
[Sequential, Activation("leaky_relu(negative_slope=0.3)", InputShape = new[] { 48 })] public partial class LeakyRelu03Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "leaky_relu(negative_slope=0.3)", KernelInitializer = "identity")] public partial class LeakyRelu03Fused;
[Sequential, Activation("leaky_relu(negative_slope=1.5)", InputShape = new[] { 48 })] public partial class LeakyRelu15Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "leaky_relu(negative_slope=1.5)", KernelInitializer = "identity")] public partial class LeakyRelu15Fused;
[Sequential, Activation("elu(alpha=0.5)", InputShape = new[] { 48 })] public partial class EluAlpha05Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "elu(alpha=0.5)", KernelInitializer = "identity")] public partial class EluAlpha05Fused;
[Sequential, Activation("celu(alpha=2)", InputShape = new[] { 48 })] public partial class CeluAlpha2Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "celu(alpha=2)", KernelInitializer = "identity")] public partial class CeluAlpha2Fused;
[Sequential, Activation("gelu(approximate=True)", InputShape = new[] { 48 })] public partial class GeluApproxLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "gelu(approximate=True)", KernelInitializer = "identity")] public partial class GeluApproxFused;
[Sequential, Activation("squareplus(b=1)", InputShape = new[] { 48 })] public partial class SquareplusB1Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "squareplus(b=1)", KernelInitializer = "identity")] public partial class SquareplusB1Fused;
[Sequential, Activation("soft_shrink(threshold=1)", InputShape = new[] { 48 })] public partial class SoftShrink1Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "soft_shrink(threshold=1)", KernelInitializer = "identity")] public partial class SoftShrink1Fused;
[Sequential, Activation("hard_shrink(threshold=1)", InputShape = new[] { 48 })] public partial class HardShrink1Layer;
[Sequential, Dense(48, InputDim = 48, Activation = "hard_shrink(threshold=1)", KernelInitializer = "identity")] public partial class HardShrink1Fused;
[Sequential, Activation("threshold(threshold=0.5, default_value=-1)", InputShape = new[] { 48 })] public partial class ThresholdHalfLayer;
[Sequential, Dense(48, InputDim = 48, Activation = "threshold(threshold=0.5, default_value=-1)", KernelInitializer = "identity")] public partial class ThresholdHalfFused;

internal static class ActivationModels
{
    /// <summary>Activation name → (layer model, fused model).</summary>
    public static readonly Dictionary<string, (Func<IModel> Layer, Func<IModel> Fused)> ByName = new()
    {
        ["linear"] = (() => new LinearLayer(), () => new LinearFused()),
        ["relu"] = (() => new ReluLayer(), () => new ReluFused()),
        ["relu6"] = (() => new Relu6Layer(), () => new Relu6Fused()),
        ["leaky_relu"] = (() => new LeakyReluLayer(), () => new LeakyReluFused()),
        ["elu"] = (() => new EluLayer(), () => new EluFused()),
        ["selu"] = (() => new SeluLayer(), () => new SeluFused()),
        ["celu"] = (() => new CeluLayer(), () => new CeluFused()),
        ["softplus"] = (() => new SoftplusLayer(), () => new SoftplusFused()),
        ["softsign"] = (() => new SoftsignLayer(), () => new SoftsignFused()),
        ["squareplus"] = (() => new SquareplusLayer(), () => new SquareplusFused()),
        ["soft_shrink"] = (() => new SoftShrinkLayer(), () => new SoftShrinkFused()),
        ["sparse_plus"] = (() => new SparsePlusLayer(), () => new SparsePlusFused()),
        ["silu"] = (() => new SiluLayer(), () => new SiluFused()),
        ["swish"] = (() => new SwishLayer(), () => new SwishFused()),
        ["gelu"] = (() => new GeluLayer(), () => new GeluFused()),
        ["tanh"] = (() => new TanhLayer(), () => new TanhFused()),
        ["tanh_shrink"] = (() => new TanhShrinkLayer(), () => new TanhShrinkFused()),
        ["sigmoid"] = (() => new SigmoidLayer(), () => new SigmoidFused()),
        ["sparse_sigmoid"] = (() => new SparseSigmoidLayer(), () => new SparseSigmoidFused()),
        ["exponential"] = (() => new ExponentialLayer(), () => new ExponentialFused()),
        ["hard_sigmoid"] = (() => new HardSigmoidLayer(), () => new HardSigmoidFused()),
        ["hard_silu"] = (() => new HardSiluLayer(), () => new HardSiluFused()),
        ["hard_swish"] = (() => new HardSwishLayer(), () => new HardSwishFused()),
        ["hard_tanh"] = (() => new HardTanhLayer(), () => new HardTanhFused()),
        ["hard_shrink"] = (() => new HardShrinkLayer(), () => new HardShrinkFused()),
        ["mish"] = (() => new MishLayer(), () => new MishFused()),
        ["log_sigmoid"] = (() => new LogSigmoidLayer(), () => new LogSigmoidFused()),
        ["softmax"] = (() => new SoftmaxLayer(), () => new SoftmaxFused()),
        ["log_softmax"] = (() => new LogSoftmaxLayer(), () => new LogSoftmaxFused()),
        ["sparsemax"] = (() => new SparsemaxLayer(), () => new SparsemaxFused()),
        ["glu"] = (() => new GluLayer(), () => new GluFused()),
    };

    /// <summary>Parameterized activation as written → (layer model, fused model); Fixtures/activations.json
    /// "parameterized" has each one's reference values.</summary>
    public static readonly Dictionary<string, (Func<IModel> Layer, Func<IModel> Fused)> Parameterized = new()
    {
        ["relu(negative_slope=0.1, max_value=2, threshold=0.5)"] = (() => new ReluAllLayer(), () => new ReluAllFused()),
        ["relu(max_value=6)"] = (() => new ReluMax6Layer(), () => new ReluMax6Fused()),
        ["relu(threshold=-0.5)"] = (() => new ReluNegativeThresholdLayer(), () => new ReluNegativeThresholdFused()),
        ["leaky_relu(negative_slope=0.3)"] = (() => new LeakyRelu03Layer(), () => new LeakyRelu03Fused()),
        ["leaky_relu(negative_slope=1.5)"] = (() => new LeakyRelu15Layer(), () => new LeakyRelu15Fused()),
        ["elu(alpha=0.5)"] = (() => new EluAlpha05Layer(), () => new EluAlpha05Fused()),
        ["celu(alpha=2)"] = (() => new CeluAlpha2Layer(), () => new CeluAlpha2Fused()),
        ["gelu(approximate=True)"] = (() => new GeluApproxLayer(), () => new GeluApproxFused()),
        ["squareplus(b=1)"] = (() => new SquareplusB1Layer(), () => new SquareplusB1Fused()),
        ["soft_shrink(threshold=1)"] = (() => new SoftShrink1Layer(), () => new SoftShrink1Fused()),
        ["hard_shrink(threshold=1)"] = (() => new HardShrink1Layer(), () => new HardShrink1Fused()),
        ["threshold(threshold=0.5, default_value=-1)"] = (() => new ThresholdHalfLayer(), () => new ThresholdHalfFused()),
    };
}
