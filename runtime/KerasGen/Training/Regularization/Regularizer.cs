using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KerasGen.Generator.Catalog;

namespace KerasGen.Training.Regularization;

/// <summary>
/// Keras' L1/L2 penalty (KERAS_SPEC §6.1): <c>l1·Σ|x| + l2·Σx²</c> (no ½), on a weight (summed into the loss each
/// step, gradient <c>l1·sign(w) + 2·l2·w</c>) or on a layer's output (the activity penalty, which the generated training
/// passes compute with <see cref="Penalty(ref float, int, float, float)"/> and <see cref="AddGradient(ref float, ref float, int, float, float)"/>).
/// Zero padding between weight rows adds nothing to either (|0| = 0² = sign(0) = 0), so a weight's whole span can be
/// passed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Regularizer(float L1, float L2)
{
    /// <summary>Reads the generator's canonical <c>l1l2(l1=…, l2=…)</c>.</summary>
    public static Regularizer Parse(string canonical)
    {
        var call = KerasCall.Parse(canonical, out var error);
        if (call is null || call.Name != "l1l2") throw new ArgumentException($"Malformed regularizer '{canonical}': {error ?? "expected l1l2(l1=…, l2=…)"}.", nameof(canonical));
        float l1 = 0, l2 = 0;
        foreach (var pair in call.Named)
            if (pair.Key == "l1" && pair.Value is double a) l1 = (float)a;
            else if (pair.Key == "l2" && pair.Value is double b) l2 = (float)b;
        return new Regularizer(l1, l2);
    }

    public float Penalty(ReadOnlySpan<float> values) => Penalty(ref MemoryMarshal.GetReference(values), values.Length, L1, L2);

    /// <summary>gradient += scale·(l1·sign(x) + 2·l2·x).</summary>
    public void AddGradient(ReadOnlySpan<float> values, Span<float> gradient, float scale) =>
        AddGradient(ref MemoryMarshal.GetReference(values), ref MemoryMarshal.GetReference(gradient), values.Length, L1 * scale, L2 * scale);

    /// <summary>l1·Σ|x| + l2·Σx² over <paramref name="count"/> values (sums in double, so a long output adds up exactly
    /// enough; Keras sums in float32).</summary>
    public static float Penalty(ref float x, int count, float l1, float l2)
    {
        double absolute = 0, squares = 0;
        for (int i = 0; i < count; i++)
        {
            float v = Unsafe.Add(ref x, i);
            absolute += Math.Abs(v);
            squares += (double)v * v;
        }
        return (float)(l1 * absolute + l2 * squares);
    }

    /// <summary>g += l1·sign(x) + 2·l2·x over <paramref name="count"/> values (callers fold their scale into l1, l2).</summary>
    public static void AddGradient(ref float x, ref float g, int count, float l1, float l2)
    {
        var xs = MemoryMarshal.Cast<float, Vector<float>>(MemoryMarshal.CreateReadOnlySpan(ref x, count));
        var gs = MemoryMarshal.Cast<float, Vector<float>>(MemoryMarshal.CreateSpan(ref g, count));
        var twoL2 = new Vector<float>(2 * l2);
        var vl1 = new Vector<float>(l1);
        for (int i = 0; i < xs.Length; i++)
        {
            var v = xs[i];
            var sign = Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), Vector<float>.One,
                Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), -Vector<float>.One, Vector<float>.Zero));
            gs[i] += vl1 * sign + twoL2 * v;
        }
        for (int i = xs.Length * Vector<float>.Count; i < count; i++)
        {
            float v = Unsafe.Add(ref x, i);
            Unsafe.Add(ref g, i) += l1 * MathF.Sign(v) + 2 * l2 * v;
        }
    }
}
