using System.ComponentModel;

namespace KerasGen.Weights;

/// <summary>
/// Where one Keras weight (e.g. <c>dense/kernel</c>, shape (8, 12)) lives inside a model's internal buffer. Keras'
/// layout is <c>Rows × Columns</c> row-major (Rows = product of all axes but the last); internally each row starts
/// <c>Stride</c> floats after the previous one, the gap zero-padded so kernels can use whole vector registers.
/// A grouped convolution's kernel and bias (<c>Groups</c> &gt; 1) keep each group's columns as a matrix of its own:
/// <c>Groups</c> blocks of <c>Rows × Stride</c>, group g holding Keras columns <c>g·Columns/Groups</c> onwards.
/// <c>Regularizer</c> and <c>Constraint</c> are the generator's canonical Keras texts (<c>l1l2(l1=0, l2=0.001)</c>,
/// <c>max_norm(max_value=2, axis=[0])</c>), or null. A weight that is not <c>Trainable</c> (BatchNormalization's moving
/// statistics) is updated by its layer's forward pass, never by the optimizer, weight decay, regularizers or constraints.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record WeightSlot(string Layer, string Name, int[] Shape, int Offset, int Rows, int Columns, int Stride, string Initializer, int Groups = 1,
    string? Regularizer = null, string? Constraint = null, bool Trainable = true)
{
    /// <summary>The floats the weight spans in the buffer, padding included (zero, and kept zero by training).</summary>
    public int Span => Groups * Rows * Stride;

    public int Count => Rows * Columns;

    /// <summary>Keras columns per group.</summary>
    public int GroupColumns => Columns / Groups;

    /// <summary>Where row <paramref name="row"/>'s part of group <paramref name="group"/> starts in the buffer.</summary>
    public int RowStart(int group, int row) => Offset + (group * Rows + row) * Stride;

    /// <summary>Keras' shape as a tuple, e.g. <c>(8, 12)</c> or <c>(12,)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";
}
