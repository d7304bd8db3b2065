using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Layers;

namespace KerasGen.Weights.Keras;

/// <summary>One layer of a model as Keras' weight files address it: its description, its object name in a Keras 3
/// file (<c>dense_1</c>: the snake_case class name, numbered per class in model order, whatever the layer's
/// <c>Name</c>), and the model's weight slots it owns, in <c>get_weights</c> order.</summary>
internal sealed record KerasObject(LayerDescription Layer, int Index, string ObjectName, int[] Slots)
{
    public string Describe => $"layer {Index + 1} ({Layer.Name})";

    /// <summary>Keras' own listing of a layer's expected variables: <c>['kernel', 'bias']</c>.</summary>
    public string ExpectedNames(IReadOnlyList<WeightSlot> slots) => "[" + string.Join(", ", Slots.Select(s => $"'{slots[s].Name}'")) + "]";

    /// <summary>Every layer of <paramref name="model"/>, weightless ones included (Keras numbers those too).</summary>
    public static (IReadOnlyList<KerasObject> Objects, IReadOnlyList<WeightSlot> Slots) Of(IModel model)
    {
        var layout = model as IWeightLayout ?? throw new ArgumentException("Keras weight files need a KerasGen-generated model.", nameof(model));
        var slots = layout.WeightSlots;
        var counters = new Dictionary<string, int>();
        var objects = new List<KerasObject>();
        for (int i = 0; i < layout.Layers.Count; i++)
        {
            var layer = layout.Layers[i];
            string baseName = KerasNames.SnakeCase(layer.ClassName);
            counters.TryGetValue(baseName, out int seen);
            counters[baseName] = seen + 1;
            var owned = Enumerable.Range(0, slots.Count).Where(s => slots[s].Layer == layer.Name).ToArray();
            objects.Add(new KerasObject(layer, i, seen == 0 ? baseName : $"{baseName}_{seen}", owned));
        }
        return (objects, slots);
    }
}
