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
    /// <summary>
    /// z[r, :units] = x[r, :inputs] · W + b, GEMM-style: the columns in panels of four registers (whose kernel rows
    /// stay in L2 while every row block uses them), the rows in blocks of four, so each inner step does 16 FMAs for
    /// 4 weight loads and 4 broadcasts. Narrower panels (the last of a layer) go one register at a time. Blocks that
    /// would write past a row's end write whole registers to a tile, then copy the valid part.
    /// </summary>
    public static void Forward(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride)
    {
        int width = TS.Count, panel = 4 * width, j = 0;
        float biasScale = hasBias ? 1f : 0f; // without a bias, bias points at valid memory that is scaled away
        Span<float> tile = stackalloc float[4 * panel];
        ref float t = ref tile[0];
        for (; j + panel <= stride && j < units; j += panel)
        {
            bool whole = j + panel <= units;
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                if (whole) Block4x4(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref Unsafe.Add(ref bias, hasBias ? j : 0), biasScale, ref Row(ref z, r, units, j), units, inputs, stride);
                else
                {
                    Block4x4(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref Unsafe.Add(ref bias, hasBias ? j : 0), biasScale, ref t, panel, inputs, stride);
                    CopyTile(ref t, panel, ref Row(ref z, r, units, j), units, 4, units - j);
                }
            }
            for (; r < rows; r++)
                for (int c = j; c < Math.Min(j + panel, units); c += width) Column(ref x, ref kernel, ref bias, hasBias, ref z, r, c, inputs, units, stride, tile);
        }
        for (; j < units; j += width)
        {
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                Block4x1(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref Unsafe.Add(ref bias, hasBias ? j : 0), biasScale, ref t, width, inputs, stride);
                CopyTile(ref t, width, ref Row(ref z, r, units, j), units, 4, Math.Min(width, units - j));
            }
            for (; r < rows; r++) Column(ref x, ref kernel, ref bias, hasBias, ref z, r, j, inputs, units, stride, tile);
        }
    }

    private static ref float Row(ref float data, int row, int length, int column = 0) => ref Unsafe.Add(ref data, row * length + column);

    private static void CopyTile(ref float tile, int tileStride, ref float destination, int destinationStride, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
            System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref tile, r * tileStride), columns)
                .CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref destination, r * destinationStride), columns));
    }

    /// <summary>Four rows of x (consecutive, length <paramref name="inputs"/>) × four registers of kernel columns into
    /// four rows of <paramref name="output"/>. Kept free of branches and spans so the JIT holds all sixteen
    /// accumulators in registers (with conditional stores in the same method it spilled them every iteration).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Block4x4(ref float x, ref float kernel, ref float bias, float biasScale, ref float output, int outputStride, int inputs, int stride)
    {
        int width = TS.Count;
        TV scale = TS.Create(biasScale);
        TV a00 = TS.Multiply(TS.Load(ref bias, 0), scale), a01 = TS.Multiply(TS.Load(ref bias, (nuint)width), scale);
        TV a02 = TS.Multiply(TS.Load(ref bias, (nuint)(2 * width)), scale), a03 = TS.Multiply(TS.Load(ref bias, (nuint)(3 * width)), scale);
        TV a10 = a00, a11 = a01, a12 = a02, a13 = a03, a20 = a00, a21 = a01, a22 = a02, a23 = a03, a30 = a00, a31 = a01, a32 = a02, a33 = a03;
        ref float x1 = ref Unsafe.Add(ref x, inputs);
        ref float x2 = ref Unsafe.Add(ref x1, inputs);
        ref float x3 = ref Unsafe.Add(ref x2, inputs);
        for (nint i = 0; i < inputs; i++)
        {
            ref float w = ref Unsafe.Add(ref kernel, i * stride);
            TV w0 = TS.Load(ref w, 0), w1 = TS.Load(ref w, (nuint)width), w2 = TS.Load(ref w, (nuint)(2 * width)), w3 = TS.Load(ref w, (nuint)(3 * width));
            TV v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02); a03 = TS.MultiplyAdd(v, w3, a03);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12); a13 = TS.MultiplyAdd(v, w3, a13);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22); a23 = TS.MultiplyAdd(v, w3, a23);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32); a33 = TS.MultiplyAdd(v, w3, a33);
        }
        ref float o = ref output;
        TS.Store(a00, ref o, 0); TS.Store(a01, ref o, (nuint)width); TS.Store(a02, ref o, (nuint)(2 * width)); TS.Store(a03, ref o, (nuint)(3 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a10, ref o, 0); TS.Store(a11, ref o, (nuint)width); TS.Store(a12, ref o, (nuint)(2 * width)); TS.Store(a13, ref o, (nuint)(3 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a20, ref o, 0); TS.Store(a21, ref o, (nuint)width); TS.Store(a22, ref o, (nuint)(2 * width)); TS.Store(a23, ref o, (nuint)(3 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a30, ref o, 0); TS.Store(a31, ref o, (nuint)width); TS.Store(a32, ref o, (nuint)(2 * width)); TS.Store(a33, ref o, (nuint)(3 * width));
    }

    /// <summary>Four rows × one register of columns, written to a tile of <paramref name="outputStride"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Block4x1(ref float x, ref float kernel, ref float bias, float biasScale, ref float output, int outputStride, int inputs, int stride)
    {
        TV a0 = TS.Multiply(TS.Load(ref bias, 0), TS.Create(biasScale)), a1 = a0, a2 = a0, a3 = a0;
        for (nint i = 0; i < inputs; i++)
        {
            TV w = TS.Load(ref Unsafe.Add(ref kernel, i * stride), 0);
            a0 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, i)), w, a0);
            a1 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, inputs + i)), w, a1);
            a2 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, 2 * inputs + i)), w, a2);
            a3 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, 3 * inputs + i)), w, a3);
        }
        TS.Store(a0, ref output, 0);
        TS.Store(a1, ref output, (nuint)outputStride);
        TS.Store(a2, ref output, (nuint)(2 * outputStride));
        TS.Store(a3, ref output, (nuint)(3 * outputStride));
    }

    /// <summary>One row × one register of columns from j.</summary>
    private static void Column(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int r, int j, int inputs, int units, int stride, Span<float> spill)
    {
        TV a = hasBias ? TS.Load(ref bias, (nuint)j) : TS.Create(0f);
        ref float xr = ref Unsafe.Add(ref x, r * inputs);
        ref float w = ref Unsafe.Add(ref kernel, j);
        for (int i = 0; i < inputs; i++)
        {
            a = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, i)), TS.Load(ref w, 0), a);
            w = ref Unsafe.Add(ref w, stride);
        }
        Store(a, ref Unsafe.Add(ref z, r * units + j), Math.Min(TS.Count, units - j), spill);
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
