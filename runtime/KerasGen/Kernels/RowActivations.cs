using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// Keras activations that act on a whole last axis rather than on one element: softmax, log_softmax, sparsemax
/// and glu. Each works in place on <c>rows</c> consecutive rows of <c>length</c> floats. Compiled optimized at their first
/// call, as the Dense kernels (<see cref="Training.DenseTraining{TV, TS}"/>), so a first batch runs no tier-0 loop.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowActivations
{
    /// <summary>exp(x − max) / Σ exp(x − max): stable for any magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softmax(ref float data, int rows, int length)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = MemoryMarshal(ref data, r, length);
            float max = Max(row);
            float sum = 0f;
            for (int i = 0; i < row.Length; i++) sum += row[i] = MathF.Exp(row[i] - max);
            float inverse = 1f / sum;
            for (int i = 0; i < row.Length; i++) row[i] *= inverse;
        }
    }

    /// <summary>x − max − log Σ exp(x − max).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogSoftmax(ref float data, int rows, int length)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = MemoryMarshal(ref data, r, length);
            float max = Max(row);
            float sum = 0f;
            for (int i = 0; i < row.Length; i++) sum += MathF.Exp(row[i] - max);
            float shift = max + MathF.Log(sum);
            for (int i = 0; i < row.Length; i++) row[i] -= shift;
        }
    }

    /// <summary>Sparsemax (Martins &amp; Astudillo 2016), as Keras 3: the Euclidean projection onto the simplex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sparsemax(ref float data, int rows, int length)
    {
        float[]? rented = length > 1024 ? ArrayPool<float>.Shared.Rent(length) : null;
        Span<float> sorted = rented is null ? stackalloc float[length] : rented.AsSpan(0, length);
        for (int r = 0; r < rows; r++)
        {
            var row = MemoryMarshal(ref data, r, length);
            row.CopyTo(sorted);
            sorted.Sort();
            sorted.Reverse();
            float cumulative = 0f, support = 0f;
            int k = 0;
            for (int i = 0; i < length; i++)
            {
                cumulative += sorted[i];
                if (1f + (i + 1) * sorted[i] > cumulative) { k = i + 1; support = cumulative; }
            }
            float tau = (support - 1f) / k;
            for (int i = 0; i < length; i++) row[i] = MathF.Max(row[i] - tau, 0f);
        }
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>Gated linear unit over the last axis: with halves a, b of each row, a·sigmoid(b). The output rows are
    /// half as long and are packed from the start of <paramref name="data"/> (safe in place: each output index is at
    /// most its input index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Glu(ref float data, int rows, int length)
    {
        int half = length / 2;
        for (int r = 0; r < rows; r++)
        {
            ref float input = ref Unsafe.Add(ref data, r * length);
            ref float output = ref Unsafe.Add(ref data, r * half);
            for (int i = 0; i < half; i++)
            {
                float gate = Unsafe.Add(ref input, half + i);
                Unsafe.Add(ref output, i) = Unsafe.Add(ref input, i) / (1f + MathF.Exp(-gate));
            }
        }
    }

    private static Span<float> MemoryMarshal(ref float data, int row, int length) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref data, row * length), length);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    private static float Max(Span<float> row)
    {
        float max = float.NegativeInfinity;
        foreach (float v in row) if (v > max) max = v;
        return max;
    }
}
