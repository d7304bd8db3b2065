using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Catalog;

/// <summary>
/// Keras' weight and activity regularizers (KERAS_SPEC §6.1), in both dialects: Keras 3's <c>L1(l1=0.01)</c>,
/// <c>L2(l2=0.01)</c>, <c>L1L2(l1=0.0, l2=0.0)</c> (so <c>"l1l2"</c> is a zero regularizer there) and Keras 1's
/// <c>l1(l=0.01)</c>, <c>l2(l=0.01)</c>, <c>l1l2(l1=0.01, l2=0.01)</c>, <c>activity_l1…</c>,
/// <c>WeightRegularizer(l1=0., l2=0.)</c>. Every one is an L1 plus L2 penalty, so the canonical text is
/// <c>l1l2(l1=…, l2=…)</c>.
/// </summary>
internal static class RegularizerCatalog
{
    private static readonly (string Name, object? Default)[] L1 = { ("l1", 0.01) }, L2 = { ("l2", 0.01) },
        Keras1Single = { ("l", 0.01) }, Zero = { ("l1", 0.0), ("l2", 0.0) }, Hundredth = { ("l1", 0.01), ("l2", 0.01) };

    /// <summary>Keras 3 names (regularizers.get: class names and snake_case aliases) → parameters, and which
    /// penalty each parameter is.</summary>
    private static readonly Dictionary<string, (string Name, object? Default)[]> Keras3 = new()
    {
        ["l1"] = L1, ["L1"] = L1, ["l2"] = L2, ["L2"] = L2, ["l1l2"] = Zero, ["L1L2"] = Zero,
        ["l1_l2"] = Zero, // keras.regularizers.l1_l2 is Keras 3's alias of L1L2 (defaults 0.0); the bare string is rejected
    };

    private static readonly Dictionary<string, (string Name, object? Default)[]> Keras1 = new()
    {
        ["l1"] = Keras1Single, ["l2"] = Keras1Single, ["l1l2"] = Hundredth,
        ["activity_l1"] = Keras1Single, ["activity_l2"] = Keras1Single, ["activity_l1l2"] = Hundredth,
        ["WeightRegularizer"] = Zero, ["ActivityRegularizer"] = Zero, ["L1L2Regularizer"] = Zero,
    };

    public static IEnumerable<string> Names(bool keras1) => (keras1 ? Keras1 : Keras3).Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>A name only Keras 1 has (<c>activity_l2</c>, <c>WeightRegularizer</c>…): it means Keras 1 wherever it is written.</summary>
    public static bool IsKeras1Only(string text) =>
        KerasCall.Parse(text, out _) is { } call && Keras1.ContainsKey(call.Name) && !Keras3.ContainsKey(call.Name);

    /// <summary>The canonical <c>l1l2(l1=…, l2=…)</c> of a regularizer as written, or null with the reason
    /// (<paramref name="unknownName"/> when the name itself is unknown in that dialect).</summary>
    public static string? Resolve(string text, bool keras1, out string? error, out string? unknownName)
    {
        unknownName = null;
        if (KerasCall.Parse(text, out error) is not { } call) return null;
        var table = keras1 ? Keras1 : Keras3;
        if (!table.TryGetValue(call.Name, out var parameters) || (!keras1 && call.Name == "l1_l2" && !call.HasParentheses))
        {
            if (!keras1 && call.Name is "orthogonal_regularizer" or "OrthogonalRegularizer")
            {
                error = "KerasGen does not compile OrthogonalRegularizer yet (L1, L2 and L1L2 are supported)";
                return null;
            }
            (unknownName, error) = (call.Name, null);
            return null;
        }
        if (call.Bind(call.Name, parameters, out error) is not { } bound) return null;
        foreach (var (key, _) in parameters)
            if (!KerasCall.IsFloat(bound[key]) || !((double)bound[key]! >= 0))
            {
                error = $"Invalid value for argument {key}: expected a non-negative float.Received: {key}={KerasCall.Show(bound[key])}";
                return null;
            }
        double l1 = 0, l2 = 0;
        string bare = call.Name.Replace("activity_", "").ToLowerInvariant();
        if (parameters == Keras1Single) (l1, l2) = bare == "l1" ? ((double)bound["l"]!, 0.0) : (0.0, (double)bound["l"]!);
        else
        {
            if (bound.TryGetValue("l1", out var a)) l1 = (double)a!;
            if (bound.TryGetValue("l2", out var b)) l2 = (double)b!;
        }
        // Keras 3 stores the factors as float32 tensors (config shows 0.009999999776482582); KerasGen computes in
        // float32 as well, so the canonical text carries the value as written.
        return $"l1l2(l1={KerasCall.Show(l1)}, l2={KerasCall.Show(l2)})";
    }
}
