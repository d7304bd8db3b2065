using System.Collections.Generic;
using System.IO;
using System.Linq;
using PureHDF;

namespace KerasGen.Weights.Keras;

/// <summary>
/// Keras 3's <c>.weights.h5</c> (KERAS_SPEC §7.8): <c>layers/&lt;object&gt;/vars/&lt;i&gt;</c> per layer, the object
/// named after the layer's class and numbered per class (<see cref="KerasObject"/>), the datasets float32 in
/// <c>get_weights</c> shapes. Keras matches layers by that walk, not by layer names, and ignores extra layers.
/// </summary>
internal static class Keras3WeightsFile
{
    /// <summary>Reads every layer's weights, and the optimizer's state when the file has it and the model trains.</summary>
    public static void Read(IH5Group root, IModel model, IReadOnlyList<KerasObject> objects, LoadedWeights into)
    {
        ReadLayers(root, objects, into);
        if (model is KerasGen.Training.IDifferentiableModel trainable) OptimizerVariables.Read(root, trainable, objects, into);
    }

    private static void ReadLayers(IH5Group root, IReadOnlyList<KerasObject> objects, LoadedWeights into)
    {
        if (!root.LinkExists("layers"))
            throw new InvalidDataException($"{into.File} has no 'layers' group: it is not a Keras 3 weights file (a legacy Keras 2 file is read from a .h5 path).");
        var layers = root.Group("layers");
        foreach (var layer in objects)
        {
            if (layer.Slots.Length == 0) continue;
            string path = $"layers/{layer.ObjectName}/vars";
            var vars = layers.LinkExists(layer.ObjectName) && layers.Group(layer.ObjectName) is var group && group.LinkExists("vars") ? group.Group("vars") : null;
            int received = vars?.Children().Count() ?? 0;
            if (received != layer.Slots.Length)
                throw new InvalidDataException(
                    $"{into.File}: Layer '{layer.ObjectName}' expected {layer.Slots.Length} variables, but received {received} variables during loading ({path}, for the model's {layer.Describe}). Expected: {layer.ExpectedNames(into.Slots)}");
            for (int i = 0; i < layer.Slots.Length; i++)
                into.Set(layer.Slots[i], Hdf5.Weight(vars!, i.ToString(), $"{path}/{i}", layer.Slots[i], layer, into));
        }
    }

    /// <summary>The file as Keras 3.6+ writes it: every layer gets its <c>vars</c> group, named by an attribute.</summary>
    public static H5File Build(IReadOnlyList<KerasObject> objects, IReadOnlyList<WeightSlot> slots, float[][] weights, H5Group? optimizer)
    {
        var layers = new H5Group();
        foreach (var layer in objects)
        {
            var vars = new H5Group { Attributes = new Dictionary<string, object> { ["name"] = layer.Layer.Name } };
            for (int i = 0; i < layer.Slots.Length; i++)
            {
                int s = layer.Slots[i];
                vars[i.ToString()] = new H5Dataset(weights[s], fileDims: slots[s].Shape.Select(d => (ulong)d).ToArray());
            }
            layers[layer.ObjectName] = new H5Group { ["vars"] = vars };
        }
        var file = new H5File { ["layers"] = layers, ["vars"] = new H5Group() };
        if (optimizer is not null) file["optimizer"] = optimizer;
        return file;
    }
}
