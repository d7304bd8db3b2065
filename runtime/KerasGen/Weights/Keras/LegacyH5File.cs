using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PureHDF;

namespace KerasGen.Weights.Keras;

/// <summary>
/// Legacy Keras 1 and Keras 2 <c>.h5</c> files (KERAS_SPEC §7.8), read as Keras 3's
/// <c>load_weights_from_hdf5_group</c> reads them: positionally, the model's layers that have weights against the
/// <c>layer_names</c> whose group lists <c>weight_names</c>, each weight at the path its name gives. A full-model file
/// keeps the same structure under <c>model_weights</c>. Keras 1 files (no <c>keras_version</c>) get Keras 2.2.4's
/// conversions: Conv1D's 4-D kernel <c>(k, 1, in, filters)</c> (or Keras 1.1's <c>(filters, in, k, 1)</c>) and a
/// channels_first Conv2D's <c>(filters, in, rows, cols)</c>; kernels saved by Theano are flipped.
/// </summary>
internal static class LegacyH5File
{
    public static void Read(IH5Group root, IReadOnlyList<KerasObject> objects, LoadedWeights into)
    {
        string file = into.File;
        var group = root.LinkExists("model_weights") ? root.Group("model_weights") : root;
        var names = Hdf5.Strings(group, "layer_names", file)
            ?? throw new InvalidDataException($"{file} has no 'layer_names' attribute: it is not a Keras weights file.");
        bool keras1 = (Hdf5.String(group, "keras_version", file) ?? Hdf5.String(root, "keras_version", file) ?? "1").StartsWith('1');
        bool theano = (Hdf5.String(group, "backend", file) ?? Hdf5.String(root, "backend", file)) == "theano";

        var saved = new List<(string Name, IH5Group Group, string[] Weights)>();
        foreach (var name in names)
        {
            Hdf5.CheckDepth(name, file);
            if (!group.LinkExists(name)) throw new InvalidDataException($"{file}: layer_names lists '{name}', but the file has no group of that name.");
            var layerGroup = group.Group(name);
            var weights = Hdf5.Strings(layerGroup, "weight_names", file) ?? Array.Empty<string>();
            if (weights.Length > 0) saved.Add((name, layerGroup, weights));
        }
        var weighted = objects.Where(o => o.Slots.Length > 0).ToList();
        if (saved.Count != weighted.Count)
            throw new InvalidDataException(
                $"{file}: Layer count mismatch when loading weights from file. Model expected {weighted.Count} layers, found {saved.Count} saved layers.");
        for (int k = 0; k < weighted.Count; k++)
        {
            var layer = weighted[k];
            var (name, layerGroup, weights) = saved[k];
            if (weights.Length != layer.Slots.Length)
                throw new InvalidDataException(
                    $"{file}: Weight count mismatch for layer #{k} (named {layer.Layer.Name} in the current model, {name} in the save file). Layer expects {layer.Slots.Length} weight(s). Received {weights.Length} saved weight(s)");
            for (int i = 0; i < weights.Length; i++)
            {
                int slot = layer.Slots[i];
                var conversion = i == 0 ? KernelConversion(layer, keras1, theano, into.Slots[slot]) : null;
                into.Set(slot, Hdf5.Weight(layerGroup, weights[i], $"{name}/{weights[i]}", slot, layer, into, conversion));
            }
        }
    }

    /// <summary>How a stored kernel becomes the model's, given the stored shape: the shape it stands for, and how its
    /// values are rearranged. Null when the file's kernel is the model's as it is.</summary>
    private static Func<ulong[], StoredKernel>? KernelConversion(KerasObject layer, bool keras1, bool theano, WeightSlot kernel)
    {
        var target = kernel.Shape;
        string kind = layer.Layer.ClassName;
        if (kind is not ("Conv1D" or "Conv2D") || !(keras1 || theano)) return null;
        return dims =>
        {
            int[] stored = dims.Select(d => (int)Math.Min(d, int.MaxValue)).ToArray();
            int[]? order = null;
            if (keras1 && kind == "Conv1D" && stored.Length == 4)
            {
                // Keras 2.2.4's test: anything but (k, 1, …, filters) is Keras 1.1's (filters, in, k, 1), which it
                // transposes by (2, 3, 1, 0) before dropping the unit axis.
                bool keras11 = !(stored[0] == target[0] && stored[1] == 1 && stored[3] == target[2]);
                if (keras11 && !(stored[0] == target[2] && stored[2] == target[0] && stored[3] == 1))
                    return new StoredKernel(dims, v => v); // neither layout: the shape check reports the file's shape
                var squeezed = keras11 ? new[] { stored[0], stored[1], stored[2] } : new[] { stored[0], stored[2], stored[3] };
                order = keras11 ? new[] { 2, 1, 0 } : null; // (filters, in, k) → (k, in, filters)
                return new StoredKernel(Dims(order is null ? squeezed : order.Select(a => squeezed[a]).ToArray()),
                    values => Flip(order is null ? values : Transpose(values, squeezed, order), target, theano));
            }
            if (keras1 && kind == "Conv2D" && layer.Layer.Option("data_format") == "channels_first" && stored.Length == 4)
            {
                order = new[] { 2, 3, 1, 0 }; // (filters, in, rows, cols) → (rows, cols, in, filters)
                return new StoredKernel(Dims(order.Select(a => stored[a]).ToArray()), values => Flip(Transpose(values, stored, order), target, theano));
            }
            return new StoredKernel(dims, values => Flip(values, target, theano));
        };
    }

    private static ulong[] Dims(int[] shape) => shape.Select(d => (ulong)d).ToArray();

    /// <summary>Row-major <paramref name="values"/> of shape <paramref name="shape"/>, axes reordered so that output
    /// axis i is input axis <paramref name="order"/>[i] (numpy's <c>transpose</c>).</summary>
    private static float[] Transpose(float[] values, int[] shape, int[] order)
    {
        int rank = shape.Length;
        var strides = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; s *= shape[a], a--) strides[a] = s;
        var outShape = order.Select(a => shape[a]).ToArray();
        var result = new float[values.Length];
        var index = new int[rank];
        for (int o = 0; o < result.Length; o++)
        {
            int source = 0;
            for (int a = 0; a < rank; a++) source += index[a] * strides[order[a]];
            result[o] = values[source];
            for (int a = rank - 1; a >= 0 && ++index[a] == outShape[a]; a--) index[a] = 0;
        }
        return result;
    }

    /// <summary>Keras' <c>convert_kernel</c>: a Theano kernel is the other backends' flipped on every spatial axis.</summary>
    private static float[] Flip(float[] values, int[] shape, bool theano)
    {
        if (!theano) return values;
        int spatial = shape.Length - 2, rank = shape.Length;
        var result = new float[values.Length];
        var index = new int[rank];
        var strides = new int[rank];
        for (int a = rank - 1, s = 1; a >= 0; s *= shape[a], a--) strides[a] = s;
        for (int o = 0; o < values.Length; o++)
        {
            int source = 0;
            for (int a = 0; a < rank; a++) source += (a < spatial ? shape[a] - 1 - index[a] : index[a]) * strides[a];
            result[o] = values[source];
            for (int a = rank - 1; a >= 0 && ++index[a] == shape[a]; a--) index[a] = 0;
        }
        return result;
    }
}
