using System;
using System.Text;

namespace KerasGen;

/// <summary>
/// A Keras shape with the batch dimension first; <c>null</c> is Keras' <c>None</c> (unknown).
/// <c>ToString()</c> prints Keras' tuple, e.g. <c>(None, 5, 16)</c>.
/// </summary>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    private readonly int?[] _dims;

    public TensorShape(params int?[] dimensions) => _dims = (int?[])dimensions.Clone();

    /// <summary>The number of axes, the batch axis included.</summary>
    public int Rank => _dims?.Length ?? 0;

    public int? this[int axis] => _dims[axis];

    /// <summary>Elements per sample: the product of every axis but the batch axis (all must be known).</summary>
    public int SampleSize
    {
        get
        {
            int size = 1;
            for (int i = 1; i < Rank; i++)
                size *= _dims[i] ?? throw new InvalidOperationException($"Axis {i} of {this} is not defined.");
            return size;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder("(");
        for (int i = 0; i < Rank; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(_dims[i] is int d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None");
        }
        return text.Append(Rank == 1 ? ",)" : ")").ToString();
    }

    public bool Equals(TensorShape other) => _dims.AsSpan().SequenceEqual(other._dims);

    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in _dims) hash.Add(d);
        return hash.ToHashCode();
    }

    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);
}
