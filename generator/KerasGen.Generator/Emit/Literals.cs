using System.Globalization;

namespace KerasGen.Generator.Emit;

/// <summary>C# text for values in generated code: invariant culture, round-trip floats, escaped strings.</summary>
internal static class Literals
{
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A float literal; NaN (a hyperparameter not given) as <c>float.NaN</c>.</summary>
    public static string Float(double value) => double.IsNaN(value) ? "float.NaN"
        : float.IsPositiveInfinity((float)value) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity((float)value) ? "float.NegativeInfinity"
        : ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    /// <summary>A ref <paramref name="offset"/> floats past <paramref name="buffer"/>.</summary>
    public static string At(string buffer, int offset) =>
        offset == 0 ? buffer : $"global::System.Runtime.CompilerServices.Unsafe.Add(ref {buffer}, {offset})";

    /// <summary>A ref <paramref name="offset"/> plus the run-time expression <paramref name="skip"/> floats past
    /// <paramref name="buffer"/>.</summary>
    public static string At(string buffer, int offset, string? skip) =>
        skip is null ? At(buffer, offset) : $"global::System.Runtime.CompilerServices.Unsafe.Add(ref {buffer}, {(offset == 0 ? "" : $"{offset} + ")}{skip})";
}
