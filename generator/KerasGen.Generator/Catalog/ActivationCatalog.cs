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
        ["threshold"] = ("Threshold", ActivationShape.Elementwise),
    };

    private static readonly object? Required = KerasCall.Required.Value;

    /// <summary>The parameters of Keras 3's activation functions beyond x (activations.py), with their defaults, for
    /// the constructor form <c>"relu(max_value=6)"</c>. Activations not listed take none.</summary>
    private static readonly Dictionary<string, (string Name, object? Default)[]> Parameters = new()
    {
        ["relu"] = new (string, object?)[] { ("negative_slope", 0.0), ("max_value", null), ("threshold", 0.0) },
        ["leaky_relu"] = new (string, object?)[] { ("negative_slope", 0.2) },
        ["elu"] = new (string, object?)[] { ("alpha", 1.0) },
        ["celu"] = new (string, object?)[] { ("alpha", 1.0) },
        ["gelu"] = new (string, object?)[] { ("approximate", false) },
        ["squareplus"] = new (string, object?)[] { ("b", 4.0) },
        ["soft_shrink"] = new (string, object?)[] { ("threshold", 0.5) },
        ["hard_shrink"] = new (string, object?)[] { ("threshold", 0.5) },
        ["threshold"] = new (string, object?)[] { ("threshold", Required), ("default_value", Required) },
        ["softmax"] = new (string, object?)[] { ("axis", -1.0) },
        ["log_softmax"] = new (string, object?)[] { ("axis", -1.0) },
        ["sparsemax"] = new (string, object?)[] { ("axis", -1.0) },
        ["glu"] = new (string, object?)[] { ("axis", -1.0) },
    };

    public static IEnumerable<string> Names => Known.Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>The runtime method and shape of a canonical activation (<see cref="Resolve"/>'s result: a name, or a
    /// name with the arguments that differ from Keras' defaults).</summary>
    public static bool TryGet(string activation, out string method, out ActivationShape shape)
    {
        bool found = Known.TryGetValue(NameOf(activation), out var entry);
        (method, shape) = entry;
        if (found && method == "Gelu" && activation != "gelu") method = "GeluApproximate"; // gelu(approximate=True)
        return found;
    }

    /// <summary>The name part of a canonical activation: <c>relu</c> of <c>relu(max_value=6)</c>.</summary>
    public static string NameOf(string activation) => activation.IndexOf('(') is var open and >= 0 ? activation.Substring(0, open) : activation;

    /// <summary>The C# call of a canonical element-wise activation on <paramref name="x"/> through
    /// <paramref name="type"/> (<c>Activation&lt;TV, TS&gt;</c>): <c>type.LeakyRelu(x, 0.1f)</c>.</summary>
    public static string Call(string type, string activation, string x)
    {
        TryGet(activation, out var method, out _);
        return $"{type}.{method}({x}{Arguments(activation)})";
    }

    /// <summary>The extra C# arguments (", 0.1f, 6f, 0f") the runtime overload of a parameterized activation takes;
    /// "" for Keras' defaults.</summary>
    public static string Arguments(string activation)
    {
        string name = NameOf(activation);
        if (name == activation || name == "gelu" || !Parameters.TryGetValue(name, out var parameters)) return "";
        var bound = KerasCall.Parse(activation, out var error)?.Bind(name, parameters, out error)
            ?? throw new System.InvalidOperationException($"Canonical activation '{activation}' does not parse again: {error}");
        string F(string key) => bound[key] is double d ? Emit.Literals.Float(d) : "float.PositiveInfinity"; // max_value=None
        return "," + string.Join(",", parameters.Select(p => " " + F(p.Name)));
    }

    /// <summary>Parses an activation as written (<c>"relu"</c>, <c>"relu(max_value=6)"</c>, <c>"leaky_relu(0.1)"</c>):
    /// returns its canonical text, or null with the reason (<paramref name="unknownName"/> when the name itself is
    /// unknown).</summary>
    public static string? Resolve(string text, out string? error, out string? unknownName)
    {
        unknownName = null;
        if (KerasCall.Parse(text, out error) is not { } call) return null;
        if (!Known.ContainsKey(call.Name))
        {
            unknownName = call.Name;
            error = null;
            return null;
        }
        var parameters = Parameters.TryGetValue(call.Name, out var p) ? p : System.Array.Empty<(string, object?)>();
        if (call.Bind(call.Name, parameters, out error) is not { } bound) return null;
        foreach (var (key, _) in parameters)
        {
            var value = bound[key];
            if (key == "approximate")
            {
                if (value is not bool) { error = $"'approximate' must be True or False. Received: approximate={KerasCall.Show(value)}"; return null; }
            }
            else if (key == "axis")
            {
                if (value is not -1.0) { error = $"KerasGen applies {call.Name} over the last axis only (axis=-1). Received: axis={KerasCall.Show(value)}"; return null; }
            }
            else if (key == "max_value" && value is double.PositiveInfinity) bound[key] = null; // no clip: None
            else if (!KerasCall.IsFloat(value) && !(key == "max_value" && value is null))
            {
                error = $"'{key}' must be a number float32 can hold. Received: {key}={KerasCall.Show(value)}";
                return null;
            }
        }
        if (bound.TryGetValue("alpha", out var alpha) && alpha is 0.0 && call.Name == "celu")
        {
            error = "celu's alpha must not be 0 (it divides by it)";
            return null;
        }
        if (call.Name is "soft_shrink" or "hard_shrink" && bound["threshold"] is double t && t < 0)
        {
            error = $"{call.Name}'s threshold must not be negative. Received: threshold={KerasCall.Show(t)}";
            return null;
        }
        return KerasCall.Canonical(call.Name, parameters, bound);
    }
}
