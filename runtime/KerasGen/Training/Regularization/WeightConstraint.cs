using System;
using System.ComponentModel;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Weights;

namespace KerasGen.Training.Regularization;

/// <summary>
/// A Keras constraint on one weight (KERAS_SPEC §6.2), projected after every optimizer step with ε = 1e-7:
/// <c>max_norm</c> <c>w·clip(n, 0, max)/(ε + n)</c>, <c>unit_norm</c> <c>w/(ε + n)</c>, <c>min_max_norm</c>
/// <c>w·(rate·clip(n, min, max) + (1 − rate)·n)/(ε + n)</c>, <c>non_neg</c> <c>w·(w ≥ 0)</c>; n is the L2 norm of each
/// slice over <c>axis</c> in Keras' layout of the weight (Dense kernel axis 0: one norm per unit). The weight is read
/// into Keras' layout and written back, through buffers made once, so a projection allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WeightConstraint
{
    private const float Epsilon = 1e-7f;

    private readonly WeightSlot _slot;
    private readonly string _kind;
    private readonly float _min, _max, _rate;
    private readonly int[] _normOf; // Keras-layout index → index of its slice's norm
    private readonly float[] _values;
    private readonly double[] _norms;

    private WeightConstraint(WeightSlot slot, string kind, float min, float max, float rate, int[] axes)
    {
        (_slot, _kind, _min, _max, _rate) = (slot, kind, min, max, rate);
        _values = new float[slot.Count];
        _normOf = new int[slot.Count];
        var shape = slot.Shape;
        // Each index's slice: its multi-index with the summed axes left out, numbered row-major.
        int slices = 1;
        foreach (var (size, axis) in shape.Select((size, axis) => (size, axis)))
            if (!axes.Contains(axis)) slices *= size;
        _norms = new double[slices];
        var index = new int[shape.Length];
        for (int flat = 0; flat < slot.Count; flat++)
        {
            int slice = 0;
            for (int a = 0; a < shape.Length; a++)
                if (!axes.Contains(a)) slice = slice * shape[a] + index[a];
            _normOf[flat] = slice;
            for (int a = shape.Length - 1; a >= 0 && ++index[a] == shape[a]; a--) index[a] = 0;
        }
    }

    /// <summary>The constraint the generator wrote into <paramref name="slot"/> (its canonical Keras text).</summary>
    public static WeightConstraint Create(WeightSlot slot)
    {
        string text = slot.Constraint ?? throw new ArgumentException($"Weight {slot.Layer}/{slot.Name} has no constraint.", nameof(slot));
        var call = KerasCall.Parse(text, out var error) ?? throw new ArgumentException($"Malformed constraint '{text}' on {slot.Layer}/{slot.Name}: {error}.", nameof(slot));
        double Number(string key, double fallback) => call.Named.FirstOrDefault(p => p.Key == key).Value is double d ? d : fallback;
        var axes = call.Named.FirstOrDefault(p => p.Key == "axis").Value as int[] ?? new[] { 0 };
        if (axes.Any(a => a < 0 || a >= slot.Shape.Length))
            throw new ArgumentException($"Constraint '{text}' on {slot.Layer}/{slot.Name} {slot.ShapeText}: an axis is outside the weight's {slot.Shape.Length} axes.", nameof(slot));
        return call.Name switch
        {
            "max_norm" => new WeightConstraint(slot, call.Name, 0, (float)Number("max_value", 2), 1, axes),
            "unit_norm" => new WeightConstraint(slot, call.Name, 0, 0, 1, axes),
            "min_max_norm" => new WeightConstraint(slot, call.Name, (float)Number("min_value", 0), (float)Number("max_value", 1), (float)Number("rate", 1), axes),
            "non_neg" => new WeightConstraint(slot, call.Name, 0, 0, 1, Enumerable.Range(0, slot.Shape.Length).ToArray()),
            _ => throw new ArgumentException($"Unknown constraint '{text}' on {slot.Layer}/{slot.Name}.", nameof(slot)),
        };
    }

    /// <summary>Projects the weight in <paramref name="buffer"/> (the model's internal layout) in place.</summary>
    public void Apply(Span<float> buffer)
    {
        WeightTable.Read(_slot, buffer, _values);
        if (_kind == "non_neg")
        {
            for (int i = 0; i < _values.Length; i++) _values[i] = _values[i] >= 0 ? _values[i] : 0f;
        }
        else
        {
            Array.Clear(_norms);
            for (int i = 0; i < _values.Length; i++) _norms[_normOf[i]] += (double)_values[i] * _values[i];
            for (int i = 0; i < _values.Length; i++)
            {
                float norm = (float)Math.Sqrt(_norms[_normOf[i]]);
                float desired = _kind switch
                {
                    "max_norm" => Math.Clamp(norm, 0f, _max),
                    "unit_norm" => 1f,
                    _ => _rate * Math.Clamp(norm, _min, _max) + (1 - _rate) * norm,
                };
                _values[i] = _kind == "unit_norm" ? _values[i] / (Epsilon + norm) : _values[i] * (desired / (Epsilon + norm));
            }
        }
        WeightTable.Write(_slot, _values, buffer);
    }
}
