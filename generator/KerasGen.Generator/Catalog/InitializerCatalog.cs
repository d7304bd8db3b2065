using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Catalog;

/// <summary>Keras initializer identifiers (Keras 3 snake_case ids, their aliases, class names and the Keras 1 names)
/// mapped to the canonical id the runtime implements (KERAS_SPEC §2).</summary>
internal static class InitializerCatalog
{
    private static readonly Dictionary<string, string> Known = new()
    {
        ["glorot_uniform"] = "glorot_uniform", ["GlorotUniform"] = "glorot_uniform",
        ["glorot_normal"] = "glorot_normal", ["GlorotNormal"] = "glorot_normal",
        ["he_uniform"] = "he_uniform", ["HeUniform"] = "he_uniform",
        ["he_normal"] = "he_normal", ["HeNormal"] = "he_normal",
        ["lecun_uniform"] = "lecun_uniform", ["LecunUniform"] = "lecun_uniform",
        ["lecun_normal"] = "lecun_normal", ["LecunNormal"] = "lecun_normal",
        // VarianceScaling with its defaults (scale 1, fan_in, truncated normal) is lecun_normal.
        ["variance_scaling"] = "lecun_normal", ["VarianceScaling"] = "lecun_normal",
        ["random_uniform"] = "random_uniform", ["uniform"] = "random_uniform", ["RandomUniform"] = "random_uniform",
        ["random_normal"] = "random_normal", ["normal"] = "random_normal", ["RandomNormal"] = "random_normal",
        ["truncated_normal"] = "truncated_normal", ["TruncatedNormal"] = "truncated_normal",
        ["zeros"] = "zeros", ["zero"] = "zeros", ["Zeros"] = "zeros",
        ["ones"] = "ones", ["one"] = "ones", ["Ones"] = "ones",
        ["constant"] = "constant", ["Constant"] = "constant",
        ["identity"] = "identity", ["Identity"] = "identity",
        ["orthogonal"] = "orthogonal", ["Orthogonal"] = "orthogonal",
    };

    public static IEnumerable<string> Names => Known.Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    public static string? Canonical(string name) => Known.TryGetValue(name, out var canonical) ? canonical : null;

    private static readonly object? Required = KerasCall.Required.Value;

    /// <summary>Keras 3's constructor parameters per canonical id (keras/src/initializers); <c>seed</c> everywhere a
    /// random initializer takes one.</summary>
    private static readonly Dictionary<string, (string Name, object? Default)[]> Parameters = new()
    {
        ["random_uniform"] = new (string, object?)[] { ("minval", -0.05), ("maxval", 0.05), ("seed", null) },
        ["random_normal"] = new (string, object?)[] { ("mean", 0.0), ("stddev", 0.05), ("seed", null) },
        ["truncated_normal"] = new (string, object?)[] { ("mean", 0.0), ("stddev", 0.05), ("seed", null) },
        ["constant"] = new (string, object?)[] { ("value", 0.0) },
        ["variance_scaling"] = new (string, object?)[] { ("scale", 1.0), ("mode", "fan_in"), ("distribution", "truncated_normal"), ("seed", null) },
        ["identity"] = new (string, object?)[] { ("gain", 1.0) },
        ["orthogonal"] = new (string, object?)[] { ("gain", 1.0), ("seed", null) },
        ["glorot_uniform"] = new (string, object?)[] { ("seed", null) },
        ["glorot_normal"] = new (string, object?)[] { ("seed", null) },
        ["he_uniform"] = new (string, object?)[] { ("seed", null) },
        ["he_normal"] = new (string, object?)[] { ("seed", null) },
        ["lecun_uniform"] = new (string, object?)[] { ("seed", null) },
        ["lecun_normal"] = new (string, object?)[] { ("seed", null) },
        ["zeros"] = System.Array.Empty<(string, object?)>(),
        ["ones"] = System.Array.Empty<(string, object?)>(),
    };

    /// <summary>Parses an initializer as written (<c>"he_normal"</c>, <c>"RandomUniform(minval=-1, maxval=1)"</c>):
    /// its canonical text for the runtime (the canonical id when no argument differs from Keras' default, else the
    /// id with every argument by keyword), or null with the reason (<paramref name="unknownName"/> when the name is
    /// unknown).</summary>
    public static string? Resolve(string text, out string? error, out string? unknownName)
    {
        unknownName = null;
        if (KerasCall.Parse(text, out error) is not { } call) return null;
        string? id = Canonical(call.Name);
        if (id is null)
        {
            (unknownName, error) = (call.Name, null);
            return null;
        }
        if (!call.HasParentheses) return id;
        // VarianceScaling written as a call keeps its own parameters (the bare name is lecun_normal).
        if (call.Name is "variance_scaling" or "VarianceScaling") id = "variance_scaling";
        var parameters = Parameters[id];
        if (call.Bind(call.Name, parameters, out error) is not { } bound) return null;
        foreach (var (key, _) in parameters)
        {
            if (key is "mode" or "distribution" && bound[key] is string written) bound[key] = written.ToLowerInvariant(); // as Keras
            var value = bound[key];
            string? problem = key switch
            {
                "seed" => value is null || value is double d && d == System.Math.Floor(d) && d >= 0 && d < 4e9 ? null : "must be None or a non-negative integer",
                "mode" => value is "fan_in" or "fan_out" or "fan_avg" ? null : "must be one of 'fan_in', 'fan_out', 'fan_avg'",
                "distribution" => value is "truncated_normal" or "normal" or "untruncated_normal" or "uniform" ? null : "must be one of 'truncated_normal', 'untruncated_normal', 'uniform'",
                "scale" => KerasCall.IsFloat(value) && (double)value! > 0 ? null : "must be a positive float",
                _ => KerasCall.IsFloat(value) ? null : "must be a finite number float32 can hold",
            };
            if (problem is not null)
            {
                error = $"Argument `{key}` {problem}. Received: {key}={KerasCall.Show(value)}";
                return null;
            }
        }
        if (bound.TryGetValue("distribution", out var distribution) && distribution is "normal") bound["distribution"] = "truncated_normal"; // Keras' alias
        var changed = parameters.Where(p => !Equals(bound[p.Name], p.Default)).ToList();
        if (changed.Count == 0) return id == "variance_scaling" ? "lecun_normal" : id;
        return id + "(" + string.Join(", ", parameters.Where(p => bound[p.Name] is not null).Select(p => p.Name + "=" + KerasCall.Show(bound[p.Name]))) + ")";
    }
}
