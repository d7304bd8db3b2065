using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using KerasGen.Kernels;

namespace KerasGen.Training;

/// <summary>
/// Dense layer kernels for training, on a batch of rows (samples, or steps of samples): the forward product and the
/// weight and input gradients. Written once for every register width. Activations and the gradients of inputs are
/// compact (row length = the layer's width); kernels and their gradients use the model's padded rows
/// (<c>stride</c> = units rounded up to 16), and the output gradient is handed in padded (zeros in the padding), so
/// every vector load is a whole register. Four rows share each weight load in the forward product.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DenseTraining<TV, TS> where TV : struct where TS : struct, ISimd<TV>
{
    /// <summary>z[r, :units] = x[r, :inputs] · W + b.</summary>
    public static void Forward(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride)
    {
        Span<float> spill = stackalloc float[TS.Count];
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref float x0 = ref Unsafe.Add(ref x, r * inputs);
            ref float x1 = ref Unsafe.Add(ref x0, inputs);
            ref float x2 = ref Unsafe.Add(ref x1, inputs);
            ref float x3 = ref Unsafe.Add(ref x2, inputs);
            ref float z0 = ref Unsafe.Add(ref z, r * units);
            for (int j = 0; j < units; j += TS.Count)
            {
                TV a0 = hasBias ? TS.Load(ref bias, (nuint)j) : TS.Create(0f), a1 = a0, a2 = a0, a3 = a0;
                ref float column = ref Unsafe.Add(ref kernel, j);
                for (int i = 0; i < inputs; i++)
                {
                    TV w = TS.Load(ref column, (nuint)(i * stride));
                    a0 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x0, i)), w, a0);
                    a1 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x1, i)), w, a1);
                    a2 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x2, i)), w, a2);
                    a3 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x3, i)), w, a3);
                }
                int count = Math.Min(TS.Count, units - j);
                Store(a0, ref Unsafe.Add(ref z0, j), count, spill);
                Store(a1, ref Unsafe.Add(ref z0, units + j), count, spill);
                Store(a2, ref Unsafe.Add(ref z0, 2 * units + j), count, spill);
                Store(a3, ref Unsafe.Add(ref z0, 3 * units + j), count, spill);
            }
        }
        for (; r < rows; r++)
        {
            ref float xr = ref Unsafe.Add(ref x, r * inputs);
            for (int j = 0; j < units; j += TS.Count)
            {
                TV a = hasBias ? TS.Load(ref bias, (nuint)j) : TS.Create(0f);
                ref float column = ref Unsafe.Add(ref kernel, j);
                for (int i = 0; i < inputs; i++)
                    a = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, i)), TS.Load(ref column, (nuint)(i * stride)), a);
                Store(a, ref Unsafe.Add(ref z, r * units + j), Math.Min(TS.Count, units - j), spill);
            }
        }
    }

    /// <summary>dW[i, :] += Σ_r x[r, i]·dz[r, :] and db += Σ_r dz[r, :], over whole padded rows.</summary>
    public static void AccumulateGradients(ref float x, ref float dz, ref float dKernel, ref float dBias, bool hasBias, int rows, int inputs, int stride)
    {
        int width = TS.Count, quad = 4 * width;
        for (int i = 0; i < inputs; i++)
        {
            ref float row = ref Unsafe.Add(ref dKernel, i * stride);
            int j = 0;
            for (; j + quad <= stride; j += quad)
            {
                TV a0 = TS.Load(ref row, (nuint)j), a1 = TS.Load(ref row, (nuint)(j + width));
                TV a2 = TS.Load(ref row, (nuint)(j + 2 * width)), a3 = TS.Load(ref row, (nuint)(j + 3 * width));
                for (int r = 0; r < rows; r++)
                {
                    TV xb = TS.Create(Unsafe.Add(ref x, r * inputs + i));
                    ref float d = ref Unsafe.Add(ref dz, r * stride + j);
                    a0 = TS.MultiplyAdd(xb, TS.Load(ref d, 0), a0);
                    a1 = TS.MultiplyAdd(xb, TS.Load(ref d, (nuint)width), a1);
                    a2 = TS.MultiplyAdd(xb, TS.Load(ref d, (nuint)(2 * width)), a2);
                    a3 = TS.MultiplyAdd(xb, TS.Load(ref d, (nuint)(3 * width)), a3);
                }
                TS.Store(a0, ref row, (nuint)j);
                TS.Store(a1, ref row, (nuint)(j + width));
                TS.Store(a2, ref row, (nuint)(j + 2 * width));
                TS.Store(a3, ref row, (nuint)(j + 3 * width));
            }
            for (; j < stride; j += width)
            {
                TV a = TS.Load(ref row, (nuint)j);
                for (int r = 0; r < rows; r++)
                    a = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, r * inputs + i)), TS.Load(ref dz, (nuint)(r * stride + j)), a);
                TS.Store(a, ref row, (nuint)j);
            }
        }
        if (!hasBias) return;
        for (int j = 0; j < stride; j += width)
        {
            TV a = TS.Load(ref dBias, (nuint)j);
            for (int r = 0; r < rows; r++) a = TS.Add(a, TS.Load(ref dz, (nuint)(r * stride + j)));
            TS.Store(a, ref dBias, (nuint)j);
        }
    }

    /// <summary>dx[r, i] = Σ_j dz[r, j]·W[i, j]: four kernel rows per pass over each padded gradient row.</summary>
    public static void InputGradient(ref float dz, ref float kernel, ref float dx, int rows, int inputs, int stride)
    {
        for (int r = 0; r < rows; r++)
        {
            ref float d = ref Unsafe.Add(ref dz, r * stride);
            ref float output = ref Unsafe.Add(ref dx, r * inputs);
            int i = 0;
            for (; i + 4 <= inputs; i += 4)
            {
                ref float w0 = ref Unsafe.Add(ref kernel, i * stride);
                TV a0 = TS.Create(0f), a1 = a0, a2 = a0, a3 = a0;
                for (int j = 0; j < stride; j += TS.Count)
                {
                    TV g = TS.Load(ref d, (nuint)j);
                    a0 = TS.MultiplyAdd(g, TS.Load(ref w0, (nuint)j), a0);
                    a1 = TS.MultiplyAdd(g, TS.Load(ref w0, (nuint)(stride + j)), a1);
                    a2 = TS.MultiplyAdd(g, TS.Load(ref w0, (nuint)(2 * stride + j)), a2);
                    a3 = TS.MultiplyAdd(g, TS.Load(ref w0, (nuint)(3 * stride + j)), a3);
                }
                Unsafe.Add(ref output, i) = TS.Sum(a0);
                Unsafe.Add(ref output, i + 1) = TS.Sum(a1);
                Unsafe.Add(ref output, i + 2) = TS.Sum(a2);
                Unsafe.Add(ref output, i + 3) = TS.Sum(a3);
            }
            for (; i < inputs; i++)
            {
                ref float w = ref Unsafe.Add(ref kernel, i * stride);
                TV a = TS.Create(0f);
                for (int j = 0; j < stride; j += TS.Count) a = TS.MultiplyAdd(TS.Load(ref d, (nuint)j), TS.Load(ref w, (nuint)j), a);
                Unsafe.Add(ref output, i) = TS.Sum(a);
            }
        }
    }

    /// <summary>Copies compact rows of <paramref name="width"/> into rows of <paramref name="stride"/> with zeroed padding.</summary>
    public static void Pad(ref float compact, ref float padded, int rows, int width, int stride)
    {
        for (int r = 0; r < rows; r++)
        {
            var target = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref padded, r * stride), stride);
            System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref compact, r * width), width).CopyTo(target);
            target[width..].Clear();
        }
    }

    /// <summary>A whole register, or its first <paramref name="count"/> lanes (the end of a row) through a spill slot,
    /// so a compact row is never written past its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TV value, ref float destination, int count, Span<float> spill)
    {
        if (count == TS.Count)
        {
            TS.Store(value, ref destination, 0);
            return;
        }
        TS.Store(value, ref spill[0], 0);
        spill[..count].CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref destination, count));
    }
}
