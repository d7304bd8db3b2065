using System;
using System.ComponentModel;

namespace KerasGen.Training;

/// <summary>
/// A weight buffer seen as blocks of rows: each Dense's kernel rows, then its bias as one more row of the same stride,
/// one block after the other from offset 0 (<see cref="IRowSplitGradients"/>). Generated code passes its blocks as
/// (offset, rows, stride) triples.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WeightRows
{
    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/>: the floats from one cut to the next, each cut
    /// the first row boundary at or after an equal share of <paramref name="total"/>.</summary>
    public static (int Start, int End) Part(ReadOnlySpan<int> blocks, int total, int part, int parts)
    {
        if (parts < 1 || (uint)part >= (uint)parts)
            throw new ArgumentOutOfRangeException(nameof(part), part, $"A part is 0 to parts - 1, with at least one part; parts was {parts}.");
        return (Cut(blocks, total, part, parts), Cut(blocks, total, part + 1, parts));
    }

    /// <summary>The rows of a block (<paramref name="offset"/>, <paramref name="rows"/>, <paramref name="stride"/>)
    /// that lie in the floats <paramref name="start"/> … <paramref name="end"/> − 1, which start and end on row
    /// boundaries.</summary>
    public static (int First, int End) Rows(int start, int end, int offset, int rows, int stride) =>
        (RowAt(start, offset, rows, stride), RowAt(end, offset, rows, stride));

    private static int RowAt(int position, int offset, int rows, int stride) =>
        position <= offset ? 0 : Math.Min(rows, (int)(((long)position - offset + stride - 1) / stride));

    private static int Cut(ReadOnlySpan<int> blocks, int total, int part, int parts)
    {
        if (part == 0) return 0;
        if (part == parts) return total;
        long target = (long)total * part / parts;
        for (int b = 0; b + 2 < blocks.Length; b += 3)
        {
            int offset = blocks[b], rows = blocks[b + 1], stride = blocks[b + 2];
            if (target <= offset + (long)rows * stride)
                return offset + RowAt((int)target, offset, rows, stride) * stride;
        }
        return total;
    }
}
