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
}
