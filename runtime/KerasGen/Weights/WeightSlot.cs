using System.ComponentModel;

namespace KerasGen.Weights;

/// <summary>
/// Where one Keras weight (e.g. <c>dense/kernel</c>, shape (8, 12)) lives inside a model's internal buffer. Keras'
/// layout is <c>Rows × Columns</c> row-major (Rows = product of all axes but the last); internally each row starts
/// <c>Stride</c> floats after the previous one, the gap zero-padded so kernels can use whole vector registers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record WeightSlot(string Layer, string Name, int[] Shape, int Offset, int Rows, int Columns, int Stride, string Initializer)
{
    public int Count => Rows * Columns;

    /// <summary>Keras' shape as a tuple, e.g. <c>(8, 12)</c> or <c>(12,)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";
}
