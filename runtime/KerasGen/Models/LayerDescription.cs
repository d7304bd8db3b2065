using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace KerasGen;

/// <summary>
/// One layer of a generated model as Keras describes it: name, class, activation, per-sample shapes (batch axis left
/// out), parameter count, which of the model's weights are its kernel and bias (-1: none), and the layer's own
/// arguments (<see cref="Config"/>). Used for <c>Summary()</c> and exporters.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record LayerDescription(
    string Name,
    string ClassName,
    string Activation,
    int[] InputShape,
    int[] OutputShape,
    int Params,
    int KernelWeight = -1,
    int BiasWeight = -1,
    IReadOnlyDictionary<string, string>? Config = null)
{
    /// <summary>Keras config entries beyond name, class and activation (units, kernel_size, strides, padding,
    /// data_format, rate…), as Keras writes them; tuples as comma-separated integers ("3,3").</summary>
    public string? Option(string key) => Config is not null && Config.TryGetValue(key, out var value) ? value : null;

    /// <summary>A tuple or integer entry of <see cref="Config"/> as integers.</summary>
    public int[] Ints(string key) => Option(key) is { Length: > 0 } text ? Array.ConvertAll(text.Split(','), int.Parse) : Array.Empty<int>();

    /// <summary>The output shape as Keras prints it: (None, 5, 16).</summary>
    public string OutputShapeText => "(None" + string.Concat(System.Array.ConvertAll(OutputShape, d => ", " + (d < 0 ? "None" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + ")";
}
