using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KerasGen.Generator.Catalog;

/// <summary>
/// Keras 3's learning-rate schedules (keras.optimizers.schedules) in their constructor form, for
/// <c>[Compile(LearningRateSchedule = "ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96)")]</c>: checked at
/// build time, and turned into the C# that constructs the runtime's schedule of the same name.
/// </summary>
internal static class ScheduleCatalog
{
    private static readonly object? Required = KerasCall.Required.Value;

    private static readonly Dictionary<string, (string Name, object? Default)[]> Parameters = new()
    {
        // Keras 3's signatures, name included (it only names the schedule, so it is accepted and left out).
        ["ExponentialDecay"] = new (string, object?)[] { ("initial_learning_rate", Required), ("decay_steps", Required), ("decay_rate", Required), ("staircase", false), ("name", null) },
        ["InverseTimeDecay"] = new (string, object?)[] { ("initial_learning_rate", Required), ("decay_steps", Required), ("decay_rate", Required), ("staircase", false), ("name", null) },
        ["PiecewiseConstantDecay"] = new (string, object?)[] { ("boundaries", Required), ("values", Required), ("name", null) },
        ["PolynomialDecay"] = new (string, object?)[] { ("initial_learning_rate", Required), ("decay_steps", Required), ("end_learning_rate", 0.0001), ("power", 1.0), ("cycle", false), ("name", null) },
        ["CosineDecay"] = new (string, object?)[] { ("initial_learning_rate", Required), ("decay_steps", Required), ("alpha", 0.0), ("name", null), ("warmup_target", null), ("warmup_steps", 0.0) },
    };

    public static IEnumerable<string> Names => Parameters.Keys.OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>The C# expression constructing the schedule (types of <c>KerasGen.Training.Optimizers.Schedules</c>),
    /// or null with the reason.</summary>
    public static string? Resolve(string text, out string? error, out string? unknownName)
    {
        unknownName = null;
        if (KerasCall.Parse(text, out error) is not { } call) return null;
        if (!Parameters.TryGetValue(call.Name, out var parameters))
        {
            (unknownName, error) = (call.Name, null);
            return null;
        }
        if (call.Bind(call.Name, parameters, out error) is not { } bound) return null;
        var arguments = new List<string>();
        foreach (var (key, _) in parameters)
        {
            var value = bound[key];
            if (key == "name")
            {
                if (value is not (null or string)) { error = $"`name` must be a string. Received: name={KerasCall.Show(value)}"; return null; }
                continue;
            }
            string? literal = (key, value) switch
            {
                ("staircase" or "cycle", bool b) => b ? "true" : "false",
                ("warmup_target", null) => "null",
                ("boundaries", int[] list) when list.Length > 0 && list.All(v => v >= 0) && list.Zip(list.Skip(1), (a, b) => a < b).All(x => x) =>
                    "new long[] { " + string.Join(", ", list) + " }",
                ("values", int[] list) => Floats(list.Select(v => (double)v)),
                ("values", double[] list) when list.All(v => KerasCall.IsFloat(v)) => Floats(list),
                (_, double d) when KerasCall.IsFloat(d) && (key != "decay_steps" || d > 0) => Emit.Literals.Float(d),
                _ => null,
            };
            if (literal is null)
            {
                error = key switch
                {
                    "decay_steps" => $"`decay_steps` must be a positive number. Received: decay_steps={KerasCall.Show(value)}",
                    "boundaries" => $"`boundaries` must be a list of increasing non-negative step counts. Received: boundaries={KerasCall.Show(value)}",
                    "values" => $"`values` must be a list of numbers. Received: values={KerasCall.Show(value)}",
                    "staircase" or "cycle" => $"`{key}` must be True or False. Received: {key}={KerasCall.Show(value)}",
                    _ => $"`{key}` must be a number. Received: {key}={KerasCall.Show(value)}",
                };
                return null;
            }
            arguments.Add(literal);
        }
        if (call.Name == "PiecewiseConstantDecay" && bound["values"] is System.Array values && bound["boundaries"] is int[] boundaries && values.Length != boundaries.Length + 1)
        {
            error = $"The length of boundaries should be 1 less than the length of values. Received: boundaries of length {boundaries.Length} and values of length {values.Length}";
            return null;
        }
        return $"new global::KerasGen.Training.Optimizers.Schedules.{call.Name}({string.Join(", ", arguments)})";
    }

    private static string Floats(IEnumerable<double> values) => "new float[] { " + string.Join(", ", values.Select(Emit.Literals.Float)) + " }";
}
