using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Catalog;

/// <summary>
/// Keras' weight constraints (KERAS_SPEC §6.2), projected after every optimizer step: Keras 3's <c>MaxNorm</c>,
/// <c>NonNeg</c>, <c>UnitNorm</c>, <c>MinMaxNorm</c> (class names and snake_case ids) and Keras 1's <c>maxnorm(m, axis)</c>,
/// <c>nonneg</c>, <c>unitnorm(axis)</c>, <c>MinMaxNorm(low, high, rate, axis)</c>. The canonical text names the Keras 3
/// constraint with every argument by keyword and <c>axis</c> as a list: <c>max_norm(max_value=2, axis=[0, 1])</c>.
/// </summary>
internal static class ConstraintCatalog
{
    private static readonly (string Name, object? Default)[] MaxNorm = { ("max_value", 2.0), ("axis", 0.0) };
    private static readonly (string Name, object? Default)[] UnitNorm = { ("axis", 0.0) };
    private static readonly (string Name, object? Default)[] MinMaxNorm = { ("min_value", 0.0), ("max_value", 1.0), ("rate", 1.0), ("axis", 0.0) };
    private static readonly (string Name, object? Default)[] None = System.Array.Empty<(string, object?)>();

    /// <summary>Name → (canonical id, parameters, Keras 1 parameter names in the same order or null).</summary>
    private static readonly Dictionary<string, (string Id, (string Name, object? Default)[] Parameters, string[]? Keras1Names)> Known = new()
    {
        ["max_norm"] = ("max_norm", MaxNorm, null), ["MaxNorm"] = ("max_norm", MaxNorm, null),
        ["maxnorm"] = ("max_norm", MaxNorm, new[] { "m", "axis" }),
        ["non_neg"] = ("non_neg", None, null), ["NonNeg"] = ("non_neg", None, null), ["nonneg"] = ("non_neg", None, null),
        ["unit_norm"] = ("unit_norm", UnitNorm, null), ["UnitNorm"] = ("unit_norm", UnitNorm, null),
        ["unitnorm"] = ("unit_norm", UnitNorm, new[] { "axis" }),
        ["min_max_norm"] = ("min_max_norm", MinMaxNorm, null), ["MinMaxNorm"] = ("min_max_norm", MinMaxNorm, null),
    };

    public static IEnumerable<string> Names => Known.Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>The canonical text of a constraint as written for a weight of <paramref name="rank"/> axes, or null
    /// with the reason (<paramref name="unknownName"/> when the name is unknown). Negative axes count from the end,
    /// as in Keras; the canonical list is sorted and non-negative.</summary>
    /// <param name="keras1Axes">For a Keras 1 convolution, whose kernel Keras 1 laid out differently: for each axis of
    /// Keras 1's kernel, the axis of KerasGen's (Keras 3's) layout, or −1 for one it does not have (Convolution1D's
    /// singleton). The user's axes are read in Keras 1's layout and mapped.</param>
    public static string? Resolve(string text, int rank, out string? error, out string? unknownName, int[]? keras1Axes = null)
    {
        unknownName = null;
        if (KerasCall.Parse(text, out error) is not { } call) return null;
        if (!Known.TryGetValue(call.Name, out var entry))
        {
            (unknownName, error) = (call.Name, null);
            return null;
        }
        var parameters = entry.Keras1Names is { } names ? entry.Parameters.Select((p, i) => (Name: names[i], p.Default)).ToArray() : entry.Parameters;
        // Keras 1's MinMaxNorm(low, high, rate, axis) is the same constraint under other names.
        if (call.Name == "MinMaxNorm" && call.Named.Any(n => n.Key is "low" or "high"))
            parameters = new (string Name, object? Default)[] { ("low", 0.0), ("high", 1.0), ("rate", 1.0), ("axis", 0.0) };
        if (call.Bind(call.Name, parameters, out error) is not { } bound) return null;
        var values = parameters.Select(p => bound[p.Name]).ToList();
        var arguments = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            string key = entry.Parameters[i].Name;
            if (key == "axis")
            {
                int[]? axes = values[i] switch
                {
                    int[] list => list,
                    double d when d == System.Math.Floor(d) && System.Math.Abs(d) < 64 => new[] { (int)d },
                    _ => null,
                };
                if (axes is null || axes.Length == 0)
                {
                    error = $"`axis` must be an integer or a list of integers. Received: axis={KerasCall.Show(values[i])}";
                    return null;
                }
                int written = keras1Axes?.Length ?? rank;
                if (axes.FirstOrDefault(x => x < -written || x >= written) is var bad && (bad < -written || bad >= written))
                {
                    error = $"axis {bad} is out of bounds for a weight of rank {written}";
                    return null;
                }
                var normalized = axes.Select(x => x < 0 ? x + written : x).Select(x => keras1Axes is null ? x : keras1Axes[x])
                    .Where(x => x >= 0).Distinct().OrderBy(x => x).ToArray();
                if (normalized.Length == 0)
                {
                    error = "the axes name only Keras 1's singleton axis of the kernel";
                    return null;
                }
                arguments.Add("axis=[" + string.Join(", ", normalized) + "]");
                continue;
            }
            if (!KerasCall.IsFloat(values[i]) || values[i] is not double number || number < 0)
            {
                error = $"`{parameters[i].Name}` must be a non-negative number. Received: {parameters[i].Name}={KerasCall.Show(values[i])}";
                return null;
            }
            arguments.Add($"{key}={KerasCall.Show(number)}");
        }
        if (entry.Id == "min_max_norm" && (double)values[0]! > (double)values[1]!)
        {
            error = $"min_value must not exceed max_value. Received: min_value={KerasCall.Show(values[0])}, max_value={KerasCall.Show(values[1])}";
            return null;
        }
        return arguments.Count == 0 ? entry.Id : $"{entry.Id}({string.Join(", ", arguments)})";
    }
}
