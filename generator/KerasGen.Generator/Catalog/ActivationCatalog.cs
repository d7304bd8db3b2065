using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Catalog;

internal enum ActivationShape
{
    /// <summary>f(x) per element: applied to accumulators in registers.</summary>
    Elementwise,
    /// <summary>Over the whole last axis (softmax, log_softmax, sparsemax).</summary>
    Row,
    /// <summary>glu: over the last axis, which it halves.</summary>
    Halving,
}

/// <summary>Keras 3 activation identifiers (KERAS_SPEC §3) and the runtime kernel that computes each.</summary>
internal static class ActivationCatalog
{
    private static readonly Dictionary<string, (string Method, ActivationShape Shape)> Known = new()
    {
        ["linear"] = ("Linear", ActivationShape.Elementwise),
        ["relu"] = ("Relu", ActivationShape.Elementwise),
        ["relu6"] = ("Relu6", ActivationShape.Elementwise),
        ["leaky_relu"] = ("LeakyRelu", ActivationShape.Elementwise),
        ["elu"] = ("Elu", ActivationShape.Elementwise),
        ["selu"] = ("Selu", ActivationShape.Elementwise),
        ["celu"] = ("Celu", ActivationShape.Elementwise),
        ["softplus"] = ("Softplus", ActivationShape.Elementwise),
        ["softsign"] = ("Softsign", ActivationShape.Elementwise),
        ["squareplus"] = ("Squareplus", ActivationShape.Elementwise),
        ["soft_shrink"] = ("SoftShrink", ActivationShape.Elementwise),
        ["sparse_plus"] = ("SparsePlus", ActivationShape.Elementwise),
        ["silu"] = ("Silu", ActivationShape.Elementwise),
        ["swish"] = ("Swish", ActivationShape.Elementwise),
        ["gelu"] = ("Gelu", ActivationShape.Elementwise),
        ["tanh"] = ("Tanh", ActivationShape.Elementwise),
        ["tanh_shrink"] = ("TanhShrink", ActivationShape.Elementwise),
        ["sigmoid"] = ("Sigmoid", ActivationShape.Elementwise),
        ["sparse_sigmoid"] = ("SparseSigmoid", ActivationShape.Elementwise),
        ["exponential"] = ("Exponential", ActivationShape.Elementwise),
        ["hard_sigmoid"] = ("HardSigmoid", ActivationShape.Elementwise),
        ["hard_silu"] = ("HardSilu", ActivationShape.Elementwise),
        ["hard_swish"] = ("HardSwish", ActivationShape.Elementwise),
        ["hard_tanh"] = ("HardTanh", ActivationShape.Elementwise),
        ["hard_shrink"] = ("HardShrink", ActivationShape.Elementwise),
        ["mish"] = ("Mish", ActivationShape.Elementwise),
        ["log_sigmoid"] = ("LogSigmoid", ActivationShape.Elementwise),
        ["softmax"] = ("Softmax", ActivationShape.Row),
        ["log_softmax"] = ("LogSoftmax", ActivationShape.Row),
        ["sparsemax"] = ("Sparsemax", ActivationShape.Row),
        ["glu"] = ("Glu", ActivationShape.Halving),
    };

    public static IEnumerable<string> Names => Known.Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    public static bool TryGet(string name, out string method, out ActivationShape shape)
    {
        bool found = Known.TryGetValue(name, out var entry);
        (method, shape) = entry;
        return found;
    }

    /// <summary>Why a name Keras knows is still not usable as a string activation, or null.</summary>
    public static string? Unusable(string name) => name == "threshold"
        ? "Keras' threshold activation has no defaults for 'threshold' and 'default_value', so it cannot be named by a string"
        : null;
}
