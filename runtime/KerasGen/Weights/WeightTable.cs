using System;
using System.Collections.Generic;
using System.ComponentModel;
using KerasGen.Initialization;

namespace KerasGen.Weights;

/// <summary>Converts between Keras' weight list (get_weights order and layouts) and a model's internal buffer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WeightTable
{
    public static float[][] Get(IReadOnlyList<WeightSlot> slots, ReadOnlySpan<float> buffer)
    {
        var weights = new float[slots.Count][];
        for (int s = 0; s < slots.Count; s++)
        {
            weights[s] = new float[slots[s].Count];
            Read(slots[s], buffer, weights[s]);
        }
        return weights;
    }

    /// <summary>Checks every array before writing any, so a wrong list leaves the model unchanged.</summary>
    public static void Set(string model, IReadOnlyList<WeightSlot> slots, IReadOnlyList<float[]> weights, Span<float> buffer)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != slots.Count)
            throw new ArgumentException(
                $"You called SetWeights(weights) on model '{model}' with a weight list of length {weights.Count}, but the model was expecting {slots.Count} weights: {Describe(slots)}.",
                nameof(weights));
        for (int s = 0; s < slots.Count; s++)
        {
            var slot = slots[s];
            if (weights[s] is null)
                throw new ArgumentException($"Weight {s} ({slot.Layer}/{slot.Name}, shape {slot.ShapeText}) is null.", nameof(weights));
            if (weights[s].Length != slot.Count)
                throw new ArgumentException(
                    $"Layer '{slot.Layer}' weight '{slot.Name}' (index {s}) has shape {slot.ShapeText}, which is {slot.Count} values; the provided array has {weights[s].Length}.",
                    nameof(weights));
        }
        for (int s = 0; s < slots.Count; s++) Write(slots[s], weights[s], buffer);
    }

    /// <summary>Fills every weight with its Keras initializer; weight <c>s</c> draws from sub-stream <c>s</c> of the seed.</summary>
    public static void Initialize(IReadOnlyList<WeightSlot> slots, ulong seed, Span<float> buffer)
    {
        for (int s = 0; s < slots.Count; s++)
        {
            var slot = slots[s];
            var values = new float[slot.Count];
            WeightInitializer.Fill(slot.Initializer, slot.Shape, values, DeterministicRandom.Derive(seed, s));
            Write(slot, values, buffer);
        }
    }

    public static int CountParams(IReadOnlyList<WeightSlot> slots)
    {
        int count = 0;
        foreach (var slot in slots) count += slot.Count;
        return count;
    }

    /// <summary>One weight in Keras' layout, into <paramref name="destination"/> (its <see cref="WeightSlot.Count"/> floats).</summary>
    internal static void Read(WeightSlot slot, ReadOnlySpan<float> buffer, Span<float> destination)
    {
        int width = slot.GroupColumns;
        for (int g = 0; g < slot.Groups; g++)
            for (int r = 0; r < slot.Rows; r++)
                buffer.Slice(slot.RowStart(g, r), width).CopyTo(destination.Slice(r * slot.Columns + g * width));
    }

    internal static void Write(WeightSlot slot, ReadOnlySpan<float> values, Span<float> buffer)
    {
        int width = slot.GroupColumns;
        for (int g = 0; g < slot.Groups; g++)
            for (int r = 0; r < slot.Rows; r++)
            {
                var row = buffer.Slice(slot.RowStart(g, r), slot.Stride);
                values.Slice(r * slot.Columns + g * width, width).CopyTo(row);
                row[width..].Clear();
            }
    }

    private static string Describe(IReadOnlyList<WeightSlot> slots)
    {
        var parts = new string[slots.Count];
        for (int s = 0; s < slots.Count; s++) parts[s] = $"{slots[s].Layer}/{slots[s].Name} {slots[s].ShapeText}";
        return string.Join(", ", parts);
    }
}
