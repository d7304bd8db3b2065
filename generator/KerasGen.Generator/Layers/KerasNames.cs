using System.Text;

namespace KerasGen.Generator.Layers;

/// <summary>Keras' <c>to_snake_case</c>, which names layers after their class: MaxPooling2D → max_pooling2d,
/// Conv1D → conv1d, GlobalAveragePooling1D → global_average_pooling1d, BatchNormalization → batch_normalization.</summary>
internal static class KerasNames
{
    /// <summary>Python's <c>re.sub("(.)([A-Z][a-z]+)", r"\1_\2")</c>, then <c>re.sub("([a-z])([A-Z])", r"\1_\2")</c>,
    /// then lower case.</summary>
    public static string SnakeCase(string className)
    {
        var first = new StringBuilder();
        for (int i = 0; i < className.Length; i++)
        {
            // Keras' first rule: an upper-case letter followed by lower-case ones, after any character, gets a '_'.
            if (i > 0 && char.IsUpper(className[i]) && i + 1 < className.Length && char.IsLower(className[i + 1]) && first.Length > 0 && first[first.Length - 1] != '_')
                first.Append('_');
            first.Append(className[i]);
        }
        var second = new StringBuilder();
        for (int i = 0; i < first.Length; i++)
        {
            if (i > 0 && char.IsUpper(first[i]) && char.IsLower(first[i - 1])) second.Append('_');
            second.Append(first[i]);
        }
        return second.ToString().ToLowerInvariant();
    }
}
