using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace KerasGen.Weights.Keras;

/// <summary>
/// Checks a Keras Sequential config (a <c>.keras</c> archive's <c>config.json</c>, a TF.js <c>modelTopology</c>)
/// against the declared model, layer by layer — class, the arguments that decide shapes and values, activation, input
/// shape — and names the first difference, so weights are never loaded into a model they were not trained for.
/// </summary>
internal static class KerasConfigCheck
{
    /// <summary>The config entries compared, where both the file and the model have them.</summary>
    private static readonly string[] Keys =
        { "units", "filters", "kernel_size", "strides", "padding", "data_format", "use_bias", "dilation_rate", "groups", "pool_size", "size", "target_shape" };

    /// <summary>Checks <paramref name="model"/> (a config object with <c>class_name</c> and <c>config.layers</c>) and
    /// returns the file's layers, InputLayer left out, in model order.</summary>
    public static IReadOnlyList<JsonElement> Check(JsonElement model, IReadOnlyList<KerasObject> objects, string source)
    {
        string kind = model.TryGetProperty("class_name", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "(none)";
        if (kind != "Sequential")
            throw new InvalidDataException($"{source}: the file holds a {kind} model; KerasGen models are Sequential.");
        if (!model.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object
            || !config.TryGetProperty("layers", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{source}: the Sequential config has no 'layers' list.");

        var layers = list.EnumerateArray().ToList();
        int?[]? fileInput = null;
        if (layers.Count > 0 && ClassName(layers[0]) == "InputLayer")
        {
            fileInput = Shape(Config(layers[0]), "batch_shape") ?? Shape(Config(layers[0]), "batch_input_shape");
            layers.RemoveAt(0);
        }
        else if (layers.Count > 0) fileInput = Shape(Config(layers[0]), "batch_input_shape");
        if (layers.Count != objects.Count)
            throw new InvalidDataException($"{source}: the file has {layers.Count} layers, the model declares {objects.Count}.");
        if (fileInput is not null && objects.Count > 0)
        {
            var declared = objects[0].Layer.InputShape;
            var file = fileInput.Skip(1).Select(d => d ?? -1).ToArray();
            if (!file.SequenceEqual(declared))
                throw new InvalidDataException($"{source}: the file's input shape is {ShapeText(file)}, the model declares {ShapeText(declared)}.");
        }
        for (int i = 0; i < layers.Count; i++)
        {
            var layer = objects[i].Layer;
            string where = $"{source}: layer {i + 1} ({layer.Name})";
            string fileKind = ClassName(layers[i]);
            if (fileKind != layer.ClassName)
                throw new InvalidDataException($"{where}: the file has a {fileKind} layer, the model declares {layer.ClassName}.");
            var fileConfig = Config(layers[i]);
            foreach (var key in Keys.Append("activation"))
            {
                string? declared = key == "activation" ? (layer.Activation is { Length: > 0 } a ? a : null) : layer.Option(key);
                if (declared is null || fileConfig.ValueKind != JsonValueKind.Object || !fileConfig.TryGetProperty(key, out var value)) continue;
                string stored = Text(value);
                if (!Same(stored, declared))
                    throw new InvalidDataException($"{where}: the file has {key} {stored}, the model declares {declared}.");
            }
        }
        return layers;
    }

    /// <summary>The layer's name in the file (TF.js names its weights after it).</summary>
    public static string? Name(JsonElement layer) =>
        Config(layer) is { ValueKind: JsonValueKind.Object } config && config.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

    private static string ClassName(JsonElement layer) =>
        layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("class_name", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "(unnamed)";

    private static JsonElement Config(JsonElement layer) =>
        layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("config", out var c) ? c : default;

    private static int?[]? Shape(JsonElement config, string key) =>
        config.ValueKind == JsonValueKind.Object && config.TryGetProperty(key, out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out int v) ? v : (int?)null).ToArray()
            : null;

    /// <summary>A config value as the model's config writes it: tuples (nested too) as comma-separated values.</summary>
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Text)),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "None",
        JsonValueKind.Object when value.TryGetProperty("class_name", out var c) => Text(c),
        _ => value.GetRawText(),
    };

    private static bool Same(string stored, string declared)
    {
        if (stored == declared) return true;
        var a = stored.Split(','); var b = declared.Split(',');
        return a.Length == b.Length && a.Zip(b).All(p =>
            double.TryParse(p.First, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out double y) && x == y);
    }

    private static string ShapeText(IEnumerable<int> shape) => "(" + string.Join(", ", shape.Select(d => d < 0 ? "None" : d.ToString(CultureInfo.InvariantCulture))) + ")";
}
