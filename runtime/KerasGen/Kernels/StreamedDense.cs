using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasGen.Kernels;

/// <summary>
/// The Dense kernel of a streamed Conv → Flatten → Dense (see <see cref="StreamedDense{TV, TS}"/>), packed for it:
/// for each of the convolution's output rows, each unit's weights over that row's inputs one after another
/// (<see cref="ChunkStride"/> floats apart), so the slice a row needs is one contiguous block and the units' slices do
/// not alias in the caches (a row of 2,048 floats is 8 KB; the kernel's own columns are 256 KB apart for a 65,536-input
/// layer).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamedDense
{
    /// <summary>Floats from one unit's slice of a row to the next (and from one row tile to the next): the row's
    /// inputs rounded up to a cache line, and one line more, so slices start on lines and are not 2^k bytes apart.
    /// The generator's ConvDenseStreams.ChunkStride sizes the packed copy and the scratch with the same formula.</summary>
    public static int ChunkStride(int rowFloats) => (rowFloats + 15) / 16 * 16 + 16;

    /// <summary>Floats of the packed kernel.</summary>
    public static int PackedFloats(int inputs, int units, int rowFloats) => inputs / rowFloats * units * ChunkStride(rowFloats);

    /// <summary>Packs a kernel of <paramref name="inputs"/> rows <paramref name="stride"/> floats apart (Keras'
    /// (inputs, units) layout) into row chunks of <paramref name="rowFloats"/> inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // its loop runs once per weight: no tier-0 pass over 4 MB
    public static void Pack(ref float kernel, int inputs, int units, int stride, int rowFloats, ref float packed)
    {
        int chunk = ChunkStride(rowFloats);
        for (int r = 0; r < inputs / rowFloats; r++)
            for (int j = 0; j < units; j++)
            {
                ref float slice = ref Unsafe.Add(ref packed, (r * units + j) * chunk);
                for (int i = 0; i < rowFloats; i++) Unsafe.Add(ref slice, i) = Unsafe.Add(ref kernel, (r * rowFloats + i) * stride + j);
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref slice, rowFloats), chunk - rowFloats).Clear();
            }
    }
}

/// <summary>
/// Predict's batch path for a convolution (channels_last, one group, linear or relu) whose flattened output feeds a
/// Dense: each output row of the convolution (OutWidth × filters floats) is computed into a tile in L1 and goes
/// straight into the Dense's sums, so the feature map is never stored. A batch otherwise writes the map (256 KB per
/// sample for 32×32×64) beyond L2 and reads it back, and streams the Dense kernel (4 MB for 65,536 → 10) once per
/// few samples; here the rows go in the outer loop, and every sample of the pass uses a row's kernel slice
/// (units × 8 KB) while it is in cache; taking the rows in pieces of 512 inputs, so that a piece of every unit's
/// slice stays in L1 across the pass, measured no faster here. The Dense part is a dot product per unit along the
/// row's inputs, two samples at a time (one for a lone sample), so a layer of few units does not waste most of
/// each register on padding columns.
/// Sums run in a different order than the unstreamed layers (row by row, lanes summed at each row's end); the
/// results agree to rounding.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamedDense<TV, TS> where TV : struct where TS : struct, ISimd<TV>
{
    /// <summary>Floats of scratch <see cref="Forward{TE}"/> needs for <paramref name="samples"/> samples: the window
    /// table, two row tiles, and each sample's bordered input.</summary>
    public static int ScratchFloats(in WindowGeometry g, int filters, int samples) =>
        TableFloats(g) + 2 * StreamedDense.ChunkStride(g.OutWidth * filters) + samples * MapFloats(g);

    /// <summary>The window table, rounded up to whole cache lines.</summary>
    private static int TableFloats(in WindowGeometry g) => (g.PatchSize + 15) / 16 * 16;

    private static int MapFloats(in WindowGeometry g) => ImplicitGemm<TV, TS>.BorderedHeight(g) * ImplicitGemm<TV, TS>.BorderedWidth(g) * g.Channels;

    /// <summary>y[s, :units] = flatten(conv(x[s])) · dense + denseBias for every sample, before the Dense's activation;
    /// the convolution's stores go through <typeparamref name="TE"/>. <paramref name="packed"/> is the Dense kernel as
    /// <see cref="StreamedDense.Pack"/> lays it out. Needs rows at least four positions wide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TE>(ref float x, ref float kernel, ref float bias, bool hasBias, in WindowGeometry g, int filters, int stride,
        ref float packed, ref float denseBias, bool denseHasBias, int units, ref float y, ref float scratch, int samples)
        where TE : struct, IEpilogue<TV>
    {
        int rowFloats = g.OutWidth * filters, chunk = StreamedDense.ChunkStride(rowFloats), mapFloats = MapFloats(g);
        int height = ImplicitGemm<TV, TS>.BorderedHeight(g), width = ImplicitGemm<TV, TS>.BorderedWidth(g);
        ref int offsets = ref Unsafe.As<float, int>(ref scratch);
        // The tiles start on cache lines (the scratch does, and ChunkStride is whole lines): a vector load across two
        // lines costs two (measured: misaligned tiles made the whole step ~25% slower).
        ref float tile0 = ref Unsafe.Add(ref scratch, TableFloats(g));
        ref float tile1 = ref Unsafe.Add(ref tile0, chunk);
        ref float maps = ref Unsafe.Add(ref tile1, chunk);
        ImplicitGemm<TV, TS>.Offsets(ref offsets, g, width);
        for (int s = 0; s < samples; s++)
        {
            ImplicitGemm<TV, TS>.Border(ref Unsafe.Add(ref x, s * g.InSize), ref Unsafe.Add(ref maps, s * mapFloats), g, height, width);
            for (int j = 0; j < units; j++) Unsafe.Add(ref y, s * units + j) = denseHasBias ? Unsafe.Add(ref denseBias, j) : 0f;
        }
        Span<float> blockTile = stackalloc float[ImplicitGemm<TV, TS>.BlockTileFloats];
        for (int oh = 0; oh < g.OutHeight; oh++)
        {
            ref float slices = ref Unsafe.Add(ref packed, oh * units * chunk);
            for (int s = 0; s < samples; s += 2)
            {
                ImplicitGemm<TV, TS>.Row<TE>(ref Unsafe.Add(ref maps, s * mapFloats), ref offsets, ref kernel, ref bias, hasBias, ref tile0, g, oh, filters, stride, blockTile);
                ref float sums = ref Unsafe.Add(ref y, s * units);
                int j = 0;
                if (s + 1 == samples)
                {
                    // A lone sample (a single-sample Predict, or an odd pass's last): one row, so no FMA is spent on a
                    // second row that would be thrown away.
                    for (; j + 4 <= units; j += 4) Dot1x4(ref tile0, ref Unsafe.Add(ref slices, j * chunk), chunk, rowFloats, ref Unsafe.Add(ref sums, j));
                    for (; j < units; j++) Dot1x1(ref tile0, ref Unsafe.Add(ref slices, j * chunk), rowFloats, ref Unsafe.Add(ref sums, j));
                    continue;
                }
                ImplicitGemm<TV, TS>.Row<TE>(ref Unsafe.Add(ref maps, (s + 1) * mapFloats), ref offsets, ref kernel, ref bias, hasBias, ref tile1, g, oh, filters, stride, blockTile);
                for (; j + 6 <= units; j += 6) Dot2x6(ref tile0, ref tile1, ref Unsafe.Add(ref slices, j * chunk), chunk, rowFloats, ref Unsafe.Add(ref sums, j), units);
                for (; j + 4 <= units; j += 4) Dot2x4(ref tile0, ref tile1, ref Unsafe.Add(ref slices, j * chunk), chunk, rowFloats, ref Unsafe.Add(ref sums, j), units);
                for (; j < units; j++) Dot2x1(ref tile0, ref tile1, ref Unsafe.Add(ref slices, j * chunk), rowFloats, ref Unsafe.Add(ref sums, j), units);
            }
        }
    }

    /// <summary>Two rows against six units' slices: twelve sums, so the FMA latency (4 cycles, 2 a cycle) is hidden
    /// with room to spare; eight, as in <see cref="Dot2x4"/>, are just enough and stall at any delay.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot2x6(ref float t0, ref float t1, ref float w0, int chunk, int length, ref float y, int units)
    {
        ref float w1 = ref Unsafe.Add(ref w0, chunk);
        ref float w2 = ref Unsafe.Add(ref w1, chunk);
        ref float w3 = ref Unsafe.Add(ref w2, chunk);
        ref float w4 = ref Unsafe.Add(ref w3, chunk);
        ref float w5 = ref Unsafe.Add(ref w4, chunk);
        TV a00 = TS.Create(0f), a01 = a00, a02 = a00, a03 = a00, a04 = a00, a05 = a00;
        TV a10 = a00, a11 = a00, a12 = a00, a13 = a00, a14 = a00, a15 = a00;
        int k = 0;
        for (; k + TS.Count <= length; k += TS.Count)
        {
            TV x0 = TS.Load(ref t0, (nuint)k), x1 = TS.Load(ref t1, (nuint)k);
            TV v = TS.Load(ref w0, (nuint)k);
            a00 = TS.MultiplyAdd(x0, v, a00); a10 = TS.MultiplyAdd(x1, v, a10);
            v = TS.Load(ref w1, (nuint)k);
            a01 = TS.MultiplyAdd(x0, v, a01); a11 = TS.MultiplyAdd(x1, v, a11);
            v = TS.Load(ref w2, (nuint)k);
            a02 = TS.MultiplyAdd(x0, v, a02); a12 = TS.MultiplyAdd(x1, v, a12);
            v = TS.Load(ref w3, (nuint)k);
            a03 = TS.MultiplyAdd(x0, v, a03); a13 = TS.MultiplyAdd(x1, v, a13);
            v = TS.Load(ref w4, (nuint)k);
            a04 = TS.MultiplyAdd(x0, v, a04); a14 = TS.MultiplyAdd(x1, v, a14);
            v = TS.Load(ref w5, (nuint)k);
            a05 = TS.MultiplyAdd(x0, v, a05); a15 = TS.MultiplyAdd(x1, v, a15);
        }
        float s00 = TS.Sum(a00), s01 = TS.Sum(a01), s02 = TS.Sum(a02), s03 = TS.Sum(a03), s04 = TS.Sum(a04), s05 = TS.Sum(a05);
        float s10 = TS.Sum(a10), s11 = TS.Sum(a11), s12 = TS.Sum(a12), s13 = TS.Sum(a13), s14 = TS.Sum(a14), s15 = TS.Sum(a15);
        for (; k < length; k++)
        {
            float x0 = Unsafe.Add(ref t0, k), x1 = Unsafe.Add(ref t1, k);
            float v0 = Unsafe.Add(ref w0, k), v1 = Unsafe.Add(ref w1, k), v2 = Unsafe.Add(ref w2, k), v3 = Unsafe.Add(ref w3, k), v4 = Unsafe.Add(ref w4, k), v5 = Unsafe.Add(ref w5, k);
            s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3; s04 += x0 * v4; s05 += x0 * v5;
            s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3; s14 += x1 * v4; s15 += x1 * v5;
        }
        y += s00; Unsafe.Add(ref y, 1) += s01; Unsafe.Add(ref y, 2) += s02; Unsafe.Add(ref y, 3) += s03; Unsafe.Add(ref y, 4) += s04; Unsafe.Add(ref y, 5) += s05;
        ref float y1 = ref Unsafe.Add(ref y, units);
        y1 += s10; Unsafe.Add(ref y1, 1) += s11; Unsafe.Add(ref y1, 2) += s12; Unsafe.Add(ref y1, 3) += s13; Unsafe.Add(ref y1, 4) += s14; Unsafe.Add(ref y1, 5) += s15;
    }

    /// <summary>Two rows against four units' slices (<paramref name="chunk"/> floats apart): eight sums, each added
    /// to its output (the second row's <paramref name="units"/> floats after the first).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot2x4(ref float t0, ref float t1, ref float w0, int chunk, int length, ref float y, int units)
    {
        ref float w1 = ref Unsafe.Add(ref w0, chunk);
        ref float w2 = ref Unsafe.Add(ref w1, chunk);
        ref float w3 = ref Unsafe.Add(ref w2, chunk);
        TV a00 = TS.Create(0f), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        int k = 0;
        for (; k + TS.Count <= length; k += TS.Count)
        {
            TV x0 = TS.Load(ref t0, (nuint)k), x1 = TS.Load(ref t1, (nuint)k);
            TV v = TS.Load(ref w0, (nuint)k);
            a00 = TS.MultiplyAdd(x0, v, a00); a10 = TS.MultiplyAdd(x1, v, a10);
            v = TS.Load(ref w1, (nuint)k);
            a01 = TS.MultiplyAdd(x0, v, a01); a11 = TS.MultiplyAdd(x1, v, a11);
            v = TS.Load(ref w2, (nuint)k);
            a02 = TS.MultiplyAdd(x0, v, a02); a12 = TS.MultiplyAdd(x1, v, a12);
            v = TS.Load(ref w3, (nuint)k);
            a03 = TS.MultiplyAdd(x0, v, a03); a13 = TS.MultiplyAdd(x1, v, a13);
        }
        float s00 = TS.Sum(a00), s01 = TS.Sum(a01), s02 = TS.Sum(a02), s03 = TS.Sum(a03);
        float s10 = TS.Sum(a10), s11 = TS.Sum(a11), s12 = TS.Sum(a12), s13 = TS.Sum(a13);
        for (; k < length; k++)
        {
            float x0 = Unsafe.Add(ref t0, k), x1 = Unsafe.Add(ref t1, k);
            float v0 = Unsafe.Add(ref w0, k), v1 = Unsafe.Add(ref w1, k), v2 = Unsafe.Add(ref w2, k), v3 = Unsafe.Add(ref w3, k);
            s00 += x0 * v0; s01 += x0 * v1; s02 += x0 * v2; s03 += x0 * v3;
            s10 += x1 * v0; s11 += x1 * v1; s12 += x1 * v2; s13 += x1 * v3;
        }
        y += s00; Unsafe.Add(ref y, 1) += s01; Unsafe.Add(ref y, 2) += s02; Unsafe.Add(ref y, 3) += s03;
        ref float y1 = ref Unsafe.Add(ref y, units);
        y1 += s10; Unsafe.Add(ref y1, 1) += s11; Unsafe.Add(ref y1, 2) += s12; Unsafe.Add(ref y1, 3) += s13;
    }

    /// <summary>Two rows against one unit's slice, four registers per iteration, so eight independent sums hide the
    /// FMA latency (with two they would wait on it).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot2x1(ref float t0, ref float t1, ref float w, int length, ref float y, int units)
    {
        int width = TS.Count, k = 0;
        TV a0 = TS.Create(0f), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (; k + 4 * width <= length; k += 4 * width)
        {
            TV v = TS.Load(ref w, (nuint)k);
            a0 = TS.MultiplyAdd(TS.Load(ref t0, (nuint)k), v, a0); b0 = TS.MultiplyAdd(TS.Load(ref t1, (nuint)k), v, b0);
            v = TS.Load(ref w, (nuint)(k + width));
            a1 = TS.MultiplyAdd(TS.Load(ref t0, (nuint)(k + width)), v, a1); b1 = TS.MultiplyAdd(TS.Load(ref t1, (nuint)(k + width)), v, b1);
            v = TS.Load(ref w, (nuint)(k + 2 * width));
            a2 = TS.MultiplyAdd(TS.Load(ref t0, (nuint)(k + 2 * width)), v, a2); b2 = TS.MultiplyAdd(TS.Load(ref t1, (nuint)(k + 2 * width)), v, b2);
            v = TS.Load(ref w, (nuint)(k + 3 * width));
            a3 = TS.MultiplyAdd(TS.Load(ref t0, (nuint)(k + 3 * width)), v, a3); b3 = TS.MultiplyAdd(TS.Load(ref t1, (nuint)(k + 3 * width)), v, b3);
        }
        for (; k + width <= length; k += width)
        {
            TV v = TS.Load(ref w, (nuint)k);
            a0 = TS.MultiplyAdd(TS.Load(ref t0, (nuint)k), v, a0); b0 = TS.MultiplyAdd(TS.Load(ref t1, (nuint)k), v, b0);
        }
        float s0 = TS.Sum(TS.Add(TS.Add(a0, a1), TS.Add(a2, a3))), s1 = TS.Sum(TS.Add(TS.Add(b0, b1), TS.Add(b2, b3)));
        for (; k < length; k++)
        {
            s0 += Unsafe.Add(ref t0, k) * Unsafe.Add(ref w, k);
            s1 += Unsafe.Add(ref t1, k) * Unsafe.Add(ref w, k);
        }
        y += s0;
        Unsafe.Add(ref y, units) += s1;
    }

    /// <summary>One row against four units' slices, two registers per iteration, so eight independent sums hide the
    /// FMA latency.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot1x4(ref float t, ref float w0, int chunk, int length, ref float y)
    {
        ref float w1 = ref Unsafe.Add(ref w0, chunk);
        ref float w2 = ref Unsafe.Add(ref w1, chunk);
        ref float w3 = ref Unsafe.Add(ref w2, chunk);
        int width = TS.Count, k = 0;
        TV a0 = TS.Create(0f), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (; k + 2 * width <= length; k += 2 * width)
        {
            TV x = TS.Load(ref t, (nuint)k), u = TS.Load(ref t, (nuint)(k + width));
            a0 = TS.MultiplyAdd(x, TS.Load(ref w0, (nuint)k), a0); b0 = TS.MultiplyAdd(u, TS.Load(ref w0, (nuint)(k + width)), b0);
            a1 = TS.MultiplyAdd(x, TS.Load(ref w1, (nuint)k), a1); b1 = TS.MultiplyAdd(u, TS.Load(ref w1, (nuint)(k + width)), b1);
            a2 = TS.MultiplyAdd(x, TS.Load(ref w2, (nuint)k), a2); b2 = TS.MultiplyAdd(u, TS.Load(ref w2, (nuint)(k + width)), b2);
            a3 = TS.MultiplyAdd(x, TS.Load(ref w3, (nuint)k), a3); b3 = TS.MultiplyAdd(u, TS.Load(ref w3, (nuint)(k + width)), b3);
        }
        for (; k + width <= length; k += width)
        {
            TV x = TS.Load(ref t, (nuint)k);
            a0 = TS.MultiplyAdd(x, TS.Load(ref w0, (nuint)k), a0); a1 = TS.MultiplyAdd(x, TS.Load(ref w1, (nuint)k), a1);
            a2 = TS.MultiplyAdd(x, TS.Load(ref w2, (nuint)k), a2); a3 = TS.MultiplyAdd(x, TS.Load(ref w3, (nuint)k), a3);
        }
        float s0 = TS.Sum(TS.Add(a0, b0)), s1 = TS.Sum(TS.Add(a1, b1)), s2 = TS.Sum(TS.Add(a2, b2)), s3 = TS.Sum(TS.Add(a3, b3));
        for (; k < length; k++)
        {
            float x = Unsafe.Add(ref t, k);
            s0 += x * Unsafe.Add(ref w0, k); s1 += x * Unsafe.Add(ref w1, k); s2 += x * Unsafe.Add(ref w2, k); s3 += x * Unsafe.Add(ref w3, k);
        }
        y += s0; Unsafe.Add(ref y, 1) += s1; Unsafe.Add(ref y, 2) += s2; Unsafe.Add(ref y, 3) += s3;
    }

    /// <summary>One row against one unit's slice, four registers per iteration.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot1x1(ref float t, ref float w, int length, ref float y)
    {
        int width = TS.Count, k = 0;
        TV a0 = TS.Create(0f), a1 = a0, a2 = a0, a3 = a0;
        for (; k + 4 * width <= length; k += 4 * width)
        {
            a0 = TS.MultiplyAdd(TS.Load(ref t, (nuint)k), TS.Load(ref w, (nuint)k), a0);
            a1 = TS.MultiplyAdd(TS.Load(ref t, (nuint)(k + width)), TS.Load(ref w, (nuint)(k + width)), a1);
            a2 = TS.MultiplyAdd(TS.Load(ref t, (nuint)(k + 2 * width)), TS.Load(ref w, (nuint)(k + 2 * width)), a2);
            a3 = TS.MultiplyAdd(TS.Load(ref t, (nuint)(k + 3 * width)), TS.Load(ref w, (nuint)(k + 3 * width)), a3);
        }
        for (; k + width <= length; k += width) a0 = TS.MultiplyAdd(TS.Load(ref t, (nuint)k), TS.Load(ref w, (nuint)k), a0);
        float sum = TS.Sum(TS.Add(TS.Add(a0, a1), TS.Add(a2, a3)));
        for (; k < length; k++) sum += Unsafe.Add(ref t, k) * Unsafe.Add(ref w, k);
        y += sum;
    }
}
