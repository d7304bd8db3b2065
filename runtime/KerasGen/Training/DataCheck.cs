using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasGen.Training;

/// <summary>Rejects non-finite training data before it can reach the weights: a vectorized pass (x − x is 0 for every
/// finite x and NaN otherwise), then, only on failure, a search for the first bad value to name it.</summary>
internal static class DataCheck
{
    public static void RequireFinite(ReadOnlySpan<float> data, int rowLength, string name)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(data);
        bool finite = true;
        foreach (var v in vectors) finite &= Vector.EqualsAll(v - v, Vector<float>.Zero);
        for (int i = vectors.Length * Vector<float>.Count; i < data.Length; i++) finite &= float.IsFinite(data[i]);
        if (finite) return;
        for (int i = 0; i < data.Length; i++)
            if (!float.IsFinite(data[i]))
                throw new ArgumentException(
                    $"{name} contains {data[i].ToString(System.Globalization.CultureInfo.InvariantCulture)} at row {i / rowLength}, column {i % rowLength}: training data must be finite.", name);
    }

    /// <summary>Sparse categorical targets must be whole class indices in [0, classes).</summary>
    public static void RequireClassIndices(ReadOnlySpan<float> targets, int classes, string name)
    {
        for (int i = 0; i < targets.Length; i++)
        {
            float t = targets[i];
            if (t != MathF.Floor(t) || t < 0 || t >= classes)
                throw new ArgumentException($"{name} row {i}: sparse categorical target {t.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a class index in [0, {classes}).", name);
        }
    }
}
