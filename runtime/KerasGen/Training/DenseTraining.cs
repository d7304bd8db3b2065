using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KerasGen.Kernels;

namespace KerasGen.Training;

/// <summary>
/// Dense layer kernels for training, on a batch of rows (samples, or steps of samples): the forward product and the
/// weight and input gradients. Written once for every register width. Activations and the gradients of inputs are
/// compact (row length = the layer's width); kernels and their gradients use the model's padded rows
/// (<c>stride</c> = units rounded up to 16), and the output gradient is handed in padded (zeros in the padding), so
/// every vector load is a whole register. Four rows (eight on AVX-512) share each weight load in the forward product. The loop kernels
/// are <c>AggressiveOptimization</c>: at tier 0 a fresh process's first mnist-mlp batch of 64 took 50 ms (1 ms once
/// tiered up), so they are compiled optimized at their first call (issue 11).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DenseTraining<TV, TS> where TV : struct where TS : struct, ISimd<TV>
{
    /// <summary>
    /// z[r, :units] = x[r, :inputs] · W + b, GEMM-style: the columns in panels of three registers (two on machines with
    /// 16 vector registers, except AVX2's whole 3-register blocks of rows longer than 96 inputs, which run in chunks of
    /// inputs: <see cref="ForwardRowChunks"/>), whose kernel rows stay in L2 while every row block uses them, the rows
    /// in blocks of eight and four (four with 16 registers), so each weight load serves four or eight rows. Narrower
    /// panels (the last of a layer) go one register at a time. Blocks that would write past a row's end write whole
    /// registers to a tile, then copy the valid part.
    /// </summary>
    public static void Forward(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride) =>
        Forward(ref x, ref kernel, ref bias, hasBias, ref z, rows, inputs, units, stride, units);

    /// <summary>The same product into rows of <paramref name="zStride"/> floats: one group of a grouped convolution
    /// writes its columns into the layer's wider output rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride, int zStride)
    {
        if (inputs >= PackedInputs && inputs % PackedChunk == 0 && rows >= 4 && stride <= MaxPackedStride)
        {
            ForwardPacked(ref x, ref kernel, ref bias, hasBias, ref z, rows, inputs, units, stride, zStride);
            return;
        }
        // AVX-512's 32 registers hold 8×3 and 4×3 blocks (the 8×3 block's weight loads serve twice the rows: 64 ×
        // 784 → 512 on Emerald Rapids gave 72–80 GFLOP/s with the 4×4 block); with 16 registers (AVX2 and narrower)
        // the block is 4×2, except AVX2's whole 3-register blocks of rows longer than a chunk (below).
        bool wide = TS.Count == 16;
        int width = TS.Count, panel = (wide ? 3 : 2) * width, j = 0;
        float biasScale = hasBias ? 1f : 0f; // without a bias, bias points at valid memory that is scaled away
        Span<float> tile = stackalloc float[(wide ? 8 : 4) * panel];
        ref float t = ref tile[0];
        // AVX2 runs the whole 3-register blocks of long rows in chunks of inputs (ForwardRowChunks).
        bool chunked = width == 8 && inputs > PanelChunkInputs && rows >= 4;
        Span<float> zeros = stackalloc float[(wide || chunked) && !hasBias ? 3 * width : 0]; // the 3-register blocks start from a bias
        zeros.Clear();
        if (chunked)
        {
            int blocks = rows / 4 * 4;
            for (; j + 3 * width <= units; j += 3 * width)
            {
                ForwardRowChunks(ref x, ref Unsafe.Add(ref kernel, j), ref hasBias ? ref Unsafe.Add(ref bias, j) : ref zeros[0], ref Row(ref z, 0, zStride, j), zStride, blocks, inputs, stride);
                for (int r = blocks; r < rows; r++)
                    for (int c = j; c < j + 3 * width; c += width) Column(ref x, ref kernel, ref bias, hasBias, ref z, r, c, inputs, units, stride, zStride, tile);
            }
        }
        for (; j + panel <= stride && j < units; j += panel)
        {
            bool whole = j + panel <= units;
            int r = 0;
            ref float b = ref Unsafe.Add(ref bias, hasBias ? j : 0);
            for (; wide && r + 8 <= rows; r += 8)
            {
                ref float output = ref whole ? ref Row(ref z, r, zStride, j) : ref t;
                Block8x3(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref hasBias ? ref b : ref zeros[0], ref output, whole ? zStride : panel, inputs, stride);
                if (!whole) CopyTile(ref t, panel, ref Row(ref z, r, zStride, j), zStride, 8, units - j);
            }
            for (; r + 4 <= rows; r += 4)
            {
                ref float output = ref whole ? ref Row(ref z, r, zStride, j) : ref t;
                int outputStride = whole ? zStride : panel;
                if (wide) Block4x3(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref hasBias ? ref b : ref zeros[0], ref output, outputStride, inputs, stride);
                else Block4x2(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref b, 0, biasScale, ref output, outputStride, inputs, inputs, stride);
                if (!whole) CopyTile(ref t, panel, ref Row(ref z, r, zStride, j), zStride, 4, units - j);
            }
            for (; r < rows; r++)
                for (int c = j; c < Math.Min(j + panel, units); c += width) Column(ref x, ref kernel, ref bias, hasBias, ref z, r, c, inputs, units, stride, zStride, tile);
        }
        for (; j < units; j += width)
        {
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                Block4x1(ref Row(ref x, r, inputs), ref Unsafe.Add(ref kernel, j), ref Unsafe.Add(ref bias, hasBias ? j : 0), 0, biasScale, ref t, width, inputs, inputs, stride);
                CopyTile(ref t, width, ref Row(ref z, r, zStride, j), zStride, 4, Math.Min(width, units - j));
            }
            for (; r < rows; r++) Column(ref x, ref kernel, ref bias, hasBias, ref z, r, j, inputs, units, stride, zStride, tile);
        }
    }

    /// <summary>
    /// <see cref="Forward(ref float, ref float, ref float, bool, ref float, int, int, int, int)"/> reading the kernel
    /// from its packed copy (<see cref="PackedPanels.Pack"/>), for inference, where the weights stay put between calls. The same
    /// products in the same order, so the same bits. AVX-512 runs 8×3 blocks on a whole 48-column panel (4×3 for the
    /// last four rows of a multiple of four), AVX2 4×3 blocks on half a panel, 128-bit and scalar 4×2 blocks inside one; a layer's last columns take a block only as wide as they
    /// need (a 10-unit layer computes one register, not three), and rows past the last block of four read the rows.
    /// Long rows are not packed (the generator's DenseLayer.PacksKernel leaves them to <see cref="ForwardPacked"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardPanels(ref float x, ref float kernel, ref float packed, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride)
    {
        if (rows < 4)
        {
            Forward(ref x, ref kernel, ref bias, hasBias, ref z, rows, inputs, units, stride, units);
            return;
        }
        int width = TS.Count, most = width >= 8 ? 3 : 2, block = most * width;
        bool eightRows = width == 16; // AVX-512's 32 registers hold an 8×3 block
        Span<float> tile = stackalloc float[(eightRows ? 8 : 4) * PackedPanels.PanelWidth];
        ref float t = ref tile[0];
        // A block reads its bias a whole block wide, never past the bias row's stride (a block is as wide as the
        // columns left, rounded up to a register, and the stride is the units rounded up to 16). With no bias at
        // all it reads a row of zeros instead.
        Span<float> zeros = stackalloc float[hasBias ? 0 : PackedPanels.PanelWidth];
        zeros.Clear();
        int blocks = rows / 4 * 4;
        for (int j = 0; j < units; j += block)
        {
            // A block lies inside one panel: block (2, 8, 24 or 48 columns) divides the panel's 48.
            ref float panel = ref Unsafe.Add(ref packed, j / PackedPanels.PanelWidth * PackedPanels.PanelWidth * inputs + j % PackedPanels.PanelWidth);
            int registers = Math.Min(most, (units - j + width - 1) / width), columns = registers * width;
            bool whole = j + columns <= units;
            ref float b = ref hasBias ? ref Unsafe.Add(ref bias, j) : ref zeros[0];
            if (!eightRows && registers == 3 && whole && inputs > PanelChunkInputs)
            {
                ForwardPanelChunks(ref x, ref panel, ref b, ref Row(ref z, 0, units, j), units, blocks, inputs);
                continue;
            }
            for (int r = 0; r < blocks;)
            {
                ref float output = ref whole ? ref Row(ref z, r, units, j) : ref t;
                int outputStride = whole ? units : columns;
                if (eightRows && r + 8 <= blocks)
                {
                    if (registers == 3) Block8x3(ref Row(ref x, r, inputs), ref panel, ref b, ref output, outputStride, inputs, PackedPanels.PanelWidth);
                    else if (registers == 2) Block8x2(ref Row(ref x, r, inputs), ref panel, ref b, ref output, outputStride, inputs, PackedPanels.PanelWidth);
                    else Block8x1(ref Row(ref x, r, inputs), ref panel, ref b, ref output, outputStride, inputs, PackedPanels.PanelWidth);
                    if (!whole) CopyTile(ref t, columns, ref Row(ref z, r, units, j), units, 8, units - j);
                    r += 8;
                    continue;
                }
                if (registers == 3) Block4x3(ref Row(ref x, r, inputs), ref panel, ref b, ref output, outputStride, inputs, PackedPanels.PanelWidth);
                else if (registers == 2) Block4x2(ref Row(ref x, r, inputs), ref panel, ref b, 0, 1f, ref output, outputStride, inputs, inputs, PackedPanels.PanelWidth);
                else Block4x1(ref Row(ref x, r, inputs), ref panel, ref b, 0, 1f, ref output, outputStride, inputs, inputs, PackedPanels.PanelWidth);
                if (!whole) CopyTile(ref t, columns, ref Row(ref z, r, units, j), units, 4, units - j);
                r += 4;
            }
        }
        if (blocks < rows)
            Forward(ref Row(ref x, blocks, inputs), ref kernel, ref bias, hasBias, ref Row(ref z, blocks, units), rows - blocks, inputs, units, stride, units);
    }

    /// <summary>
    /// Rows 0 … <paramref name="blocks"/> − 1 (a multiple of four) × one 3-register block of a panel, the inputs in
    /// chunks of <see cref="PanelChunkInputs"/>: each chunk of the block's half panel (96 inputs × 24 columns on AVX2,
    /// 12 KB of cache lines) serves every 4-row block from L1 before the next chunk is read, where the whole 784-input
    /// half panel (75 KB) streamed from L2 once per four rows. Between chunks the sums wait in the output rows; each
    /// continues from the stored value with the next input, so the bits are those of one pass. Stopwatch probe on Zen 3
    /// (AVX2; this method against the one-pass 4-row blocks, interleaved in one process, best of five per round, 15
    /// rounds): 784 → 528 faster in 14 of 15 rounds at 32 rows (median 1.065x) and 15 of 15 at 64 (1.057x), 512 → 264
    /// in 15 of 15 (1.079x), same bits. In a standalone copy, chunks of 96 beat 64 and 32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardPanelChunks(ref float x, ref float panel, ref float bias, ref float z, int zStride, int blocks, int inputs)
    {
        for (int k0 = 0; k0 < inputs; k0 += PanelChunkInputs)
        {
            int count = Math.Min(PanelChunkInputs, inputs - k0);
            ref float w = ref Unsafe.Add(ref panel, k0 * PackedPanels.PanelWidth);
            for (int r = 0; r < blocks; r += 4)
            {
                ref float output = ref Row(ref z, r, zStride);
                // The first chunk starts every row from the bias, later ones from the sums the last chunk stored.
                if (k0 == 0) Block4x3(ref Row(ref x, r, inputs), inputs, ref w, ref bias, 0, ref output, zStride, count, PackedPanels.PanelWidth);
                else Block4x3(ref Row(ref x, r, inputs, k0), inputs, ref w, ref output, zStride, ref output, zStride, count, PackedPanels.PanelWidth);
            }
        }
    }

    /// <summary>Inputs per chunk of <see cref="ForwardPanelChunks"/> and <see cref="ForwardRowChunks"/>.</summary>
    private const int PanelChunkInputs = 96;

    /// <summary>
    /// <see cref="ForwardPanelChunks"/> on the kernel's own rows (<paramref name="stride"/> floats apart), as
    /// training's forward product reads them: each chunk's 96 rows × 24 columns (two or three cache lines a row) serve
    /// every 4-row block from L1, where the 4×2 blocks before read each 2 KB row's line again for every four rows (with
    /// a software prefetch, since the hardware's does not follow that stride). Zen 3, in one process, against the 4×2
    /// blocks, best of five per round, 15 rounds: 784 → 512 at 32 rows faster in 14 (median 1.074x), at 16 rows (a
    /// two-core chunk) in 12 (1.025x), 512 → 256 in 15 (1.153x); a whole mnist-mlp training step 1.026x on one thread
    /// and 1.030x on two cores (medians; rounds ranged 0.66x–1.52x), same bits. Without a bias the sums start from
    /// +0 (a row of zeros), as <see cref="Column"/> and the panels do, where the 4×2 blocks scaled the unused bias
    /// memory by 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRowChunks(ref float x, ref float kernel, ref float bias, ref float z, int zStride, int blocks, int inputs, int stride)
    {
        for (int k0 = 0; k0 < inputs; k0 += PanelChunkInputs)
        {
            int count = Math.Min(PanelChunkInputs, inputs - k0);
            ref float w = ref Unsafe.Add(ref kernel, k0 * stride);
            for (int r = 0; r < blocks; r += 4)
            {
                ref float output = ref Row(ref z, r, zStride);
                // The first chunk starts every row from the bias, later ones from the sums the last chunk stored.
                if (k0 == 0) Block4x3(ref Row(ref x, r, inputs), inputs, ref w, ref bias, 0, ref output, zStride, count, stride);
                else Block4x3(ref Row(ref x, r, inputs, k0), inputs, ref w, ref output, zStride, ref output, zStride, count, stride);
            }
        }
    }

    /// <summary>From this many inputs, a multiple of the chunk, a block's four rows are copied, a chunk at a time, into
    /// a tile before the product: rows a multiple of 4 KB long (a 32×32×64 map flattened is 65,536 floats) alias in
    /// the caches. Measured here (Zen 3) on 65,536 → 10: 60 µs per sample unpacked, 41 packed, against 26–34 for
    /// rows 16 floats longer or shorter; other lengths keep the unpacked path, where the copy would cost more.</summary>
    private const int PackedInputs = 4096;

    /// <summary>Inputs per chunk, and the tile's row stride (not a power of two).</summary>
    private const int PackedChunk = 1024, PackedRowStride = PackedChunk + 16;

    /// <summary>The widest padded row whose four-row accumulator tile stays on the stack.</summary>
    private const int MaxPackedStride = 256;

    /// <summary>Floats of partial sums <see cref="ForwardPacked"/> keeps on the stack: the rows of one group.</summary>
    private const int PackedSumFloats = 8192;

    /// <summary>Forward for long rows: the inputs go in chunks, and each chunk of the kernel (1,024 inputs × the
    /// stride: 64 KB for 16 columns) serves every block of four rows of a group before the next chunk is read, so a
    /// batch streams the kernel from memory once per group rather than once per four rows (a 65,536 → 10 kernel is
    /// 4 MB). Each block's rows are copied into a tile of <see cref="PackedRowStride"/> first; the partial sums wait
    /// in a group × stride tile between chunks. Every output sums its inputs in the same order as the unpacked path
    /// would in chunks. Rows past the last whole block take the unpacked path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardPacked(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int rows, int inputs, int units, int stride, int zStride)
    {
        bool wide = TS.Count == 16;
        int width = TS.Count, panel = (wide ? 4 : 2) * width;
        float biasScale = hasBias ? 1f : 0f;
        Span<float> packed = stackalloc float[4 * PackedRowStride];
        Span<float> sums = stackalloc float[PackedSumFloats];
        ref float p = ref packed[0];
        int blocks = rows / 4 * 4, group = Math.Max(4, PackedSumFloats / stride / 4 * 4);
        for (int g = 0; g < blocks; g += group)
        {
            int end = Math.Min(blocks, g + group);
            for (int k0 = 0; k0 < inputs; k0 += PackedChunk)
            {
                int count = Math.Min(PackedChunk, inputs - k0);
                ref float w = ref Unsafe.Add(ref kernel, k0 * stride);
                // The first chunk starts from the bias (the same for every row), later ones from the partial sums.
                bool first = k0 == 0;
                for (int r = g; r < end; r += 4)
                {
                    for (int q = 0; q < 4; q++)
                        System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref x, (r + q) * inputs + k0), count)
                            .CopyTo(packed.Slice(q * PackedRowStride, count));
                    ref float acc = ref sums[(r - g) * stride];
                    int j = 0;
                    for (; j + panel <= stride; j += panel)
                    {
                        ref float init = ref first ? ref Unsafe.Add(ref bias, hasBias ? j : 0) : ref Unsafe.Add(ref acc, j);
                        int initStride = first ? 0 : stride;
                        float scale = first ? biasScale : 1f;
                        if (wide) Block4x4(ref p, ref Unsafe.Add(ref w, j), ref init, initStride, scale, ref Unsafe.Add(ref acc, j), stride, count, PackedRowStride, stride);
                        else Block4x2(ref p, ref Unsafe.Add(ref w, j), ref init, initStride, scale, ref Unsafe.Add(ref acc, j), stride, count, PackedRowStride, stride);
                    }
                    for (; j < stride; j += width)
                    {
                        ref float init = ref first ? ref Unsafe.Add(ref bias, hasBias ? j : 0) : ref Unsafe.Add(ref acc, j);
                        Block4x1(ref p, ref Unsafe.Add(ref w, j), ref init, first ? 0 : stride, first ? biasScale : 1f, ref Unsafe.Add(ref acc, j), stride, count, PackedRowStride, stride);
                    }
                }
            }
            CopyTile(ref sums[0], stride, ref Row(ref z, g, zStride), zStride, end - g, units);
        }
        if (blocks < rows)
            Forward(ref Row(ref x, blocks, inputs), ref kernel, ref bias, hasBias, ref Row(ref z, blocks, zStride), rows - blocks, inputs, units, stride, zStride);
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
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x4(ref float x, ref float kernel, ref float init, int initStride, float initScale, ref float output, int outputStride, int inputs, int xStride, int stride)
    {
        int width = TS.Count;
        TV scale = TS.Create(initScale);
        ref float i1 = ref Unsafe.Add(ref init, initStride);
        ref float i2 = ref Unsafe.Add(ref i1, initStride);
        ref float i3 = ref Unsafe.Add(ref i2, initStride);
        TV a00 = TS.Multiply(TS.Load(ref init, 0), scale), a01 = TS.Multiply(TS.Load(ref init, (nuint)width), scale);
        TV a02 = TS.Multiply(TS.Load(ref init, (nuint)(2 * width)), scale), a03 = TS.Multiply(TS.Load(ref init, (nuint)(3 * width)), scale);
        TV a10 = TS.Multiply(TS.Load(ref i1, 0), scale), a11 = TS.Multiply(TS.Load(ref i1, (nuint)width), scale);
        TV a12 = TS.Multiply(TS.Load(ref i1, (nuint)(2 * width)), scale), a13 = TS.Multiply(TS.Load(ref i1, (nuint)(3 * width)), scale);
        TV a20 = TS.Multiply(TS.Load(ref i2, 0), scale), a21 = TS.Multiply(TS.Load(ref i2, (nuint)width), scale);
        TV a22 = TS.Multiply(TS.Load(ref i2, (nuint)(2 * width)), scale), a23 = TS.Multiply(TS.Load(ref i2, (nuint)(3 * width)), scale);
        TV a30 = TS.Multiply(TS.Load(ref i3, 0), scale), a31 = TS.Multiply(TS.Load(ref i3, (nuint)width), scale);
        TV a32 = TS.Multiply(TS.Load(ref i3, (nuint)(2 * width)), scale), a33 = TS.Multiply(TS.Load(ref i3, (nuint)(3 * width)), scale);
        ref float x1 = ref Unsafe.Add(ref x, xStride);
        ref float x2 = ref Unsafe.Add(ref x1, xStride);
        ref float x3 = ref Unsafe.Add(ref x2, xStride);
        ref float w = ref kernel;
        for (nint i = 0; i < inputs; i++)
        {
            TV w0 = TS.Load(ref w, 0), w1 = TS.Load(ref w, (nuint)width), w2 = TS.Load(ref w, (nuint)(2 * width)), w3 = TS.Load(ref w, (nuint)(3 * width));
            w = ref Unsafe.Add(ref w, stride); // a pointer step, not a multiply per input
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

    /// <summary>Rows r..r+3 × two registers of columns: the block for 16-register machines.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2(ref float x, ref float kernel, ref float init, int initStride, float initScale, ref float output, int outputStride, int inputs, int xStride, int stride)
    {
        int width = TS.Count;
        TV scale = TS.Create(initScale);
        ref float i1 = ref Unsafe.Add(ref init, initStride);
        ref float i2 = ref Unsafe.Add(ref i1, initStride);
        ref float i3 = ref Unsafe.Add(ref i2, initStride);
        TV a00 = TS.Multiply(TS.Load(ref init, 0), scale), a01 = TS.Multiply(TS.Load(ref init, (nuint)width), scale);
        TV a10 = TS.Multiply(TS.Load(ref i1, 0), scale), a11 = TS.Multiply(TS.Load(ref i1, (nuint)width), scale);
        TV a20 = TS.Multiply(TS.Load(ref i2, 0), scale), a21 = TS.Multiply(TS.Load(ref i2, (nuint)width), scale);
        TV a30 = TS.Multiply(TS.Load(ref i3, 0), scale), a31 = TS.Multiply(TS.Load(ref i3, (nuint)width), scale);
        ref float x1 = ref Unsafe.Add(ref x, xStride);
        ref float x2 = ref Unsafe.Add(ref x1, xStride);
        ref float x3 = ref Unsafe.Add(ref x2, xStride);
        // Two inputs per iteration and a pointer step instead of a multiply per input: measured on Zen 3 (32 × 784 ×
        // 512 from packed panels) 73–77 GFLOP/s, against 66–71 one input at a time. Each accumulator still adds its
        // inputs in order.
        ref float w = ref kernel;
        nint i = 0;
        // Two registers of at most eight floats: one cache line a row (see PrefetchRows).
        bool prefetch = Sse.IsSupported && stride != PackedPanels.PanelWidth;
        nint ahead = PrefetchRows * stride;
        for (; i + 2 <= inputs; i += 2)
        {
            if (prefetch) PrefetchLinePair(ref w, ahead, stride);
            TV w0 = TS.Load(ref w, 0), w1 = TS.Load(ref w, (nuint)width);
            TV v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31);
            w0 = TS.Load(ref w, (nuint)stride);
            w1 = TS.Load(ref w, (nuint)(stride + width));
            w = ref Unsafe.Add(ref w, 2 * stride);
            v = TS.Create(Unsafe.Add(ref x, i + 1));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01);
            v = TS.Create(Unsafe.Add(ref x1, i + 1));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11);
            v = TS.Create(Unsafe.Add(ref x2, i + 1));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21);
            v = TS.Create(Unsafe.Add(ref x3, i + 1));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31);
        }
        if (i < inputs)
        {
            TV w0 = TS.Load(ref w, 0), w1 = TS.Load(ref w, (nuint)width);
            TV v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31);
        }
        ref float o = ref output;
        TS.Store(a00, ref o, 0); TS.Store(a01, ref o, (nuint)width);
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a10, ref o, 0); TS.Store(a11, ref o, (nuint)width);
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a20, ref o, 0); TS.Store(a21, ref o, (nuint)width);
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a30, ref o, 0); TS.Store(a31, ref o, (nuint)width);
    }

    /// <summary>Rows r..r+3 × three registers of columns, from one packed panel (rows of
    /// <see cref="PackedPanels.PanelWidth"/>) or from the kernel's rows (rows <paramref name="weightStride"/> apart),
    /// each accumulator starting from the bias and adding its inputs in order: the block for batch Predict on AVX2
    /// (24 columns, half a panel) and AVX-512 (a whole panel), and AVX-512 training's 4-row blocks. Twelve
    /// accumulators, three weights and a broadcast fill AVX2's 16 registers without a spill (checked with
    /// DOTNET_JitDisasm).</summary>
    private static void Block4x3(ref float x, ref float panel, ref float bias, ref float output, int outputStride, int inputs, int weightStride) =>
        Block4x3(ref x, inputs, ref panel, ref bias, 0, ref output, outputStride, inputs, weightStride);

    /// <summary><see cref="Block4x3(ref float, ref float, ref float, ref float, int, int, int)"/> over
    /// <paramref name="inputs"/> of rows <paramref name="xStride"/> apart, each row's accumulators starting from its
    /// row of <paramref name="init"/> (rows <paramref name="initStride"/> apart; 0: the bias for every row): one
    /// chunk of the inputs, continuing the sums an earlier chunk stored (<see cref="ForwardPanelChunks"/>,
    /// <see cref="ForwardRowChunks"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x3(ref float x, int xStride, ref float panel, ref float init, int initStride, ref float output, int outputStride, int inputs, int weightStride)
    {
        int width = TS.Count;
        ref float i1 = ref Unsafe.Add(ref init, initStride);
        ref float i2 = ref Unsafe.Add(ref i1, initStride);
        ref float i3 = ref Unsafe.Add(ref i2, initStride);
        TV a00 = TS.Load(ref init, 0), a01 = TS.Load(ref init, (nuint)width), a02 = TS.Load(ref init, (nuint)(2 * width));
        TV a10 = TS.Load(ref i1, 0), a11 = TS.Load(ref i1, (nuint)width), a12 = TS.Load(ref i1, (nuint)(2 * width));
        TV a20 = TS.Load(ref i2, 0), a21 = TS.Load(ref i2, (nuint)width), a22 = TS.Load(ref i2, (nuint)(2 * width));
        TV a30 = TS.Load(ref i3, 0), a31 = TS.Load(ref i3, (nuint)width), a32 = TS.Load(ref i3, (nuint)(2 * width));
        ref float x1 = ref Unsafe.Add(ref x, xStride);
        ref float x2 = ref Unsafe.Add(ref x1, xStride);
        ref float x3 = ref Unsafe.Add(ref x2, xStride);
        // Four inputs per iteration: on Zen 3 (4 × 784 from a panel in L2, stopwatch, calls interleaved) 90–96
        // GFLOP/s against 80–87 one input at a time, when the FMA loop alone gives 103. Each accumulator still adds
        // its inputs in order, so the bits do not change.
        ref float w = ref panel;
        TV w0, w1, w2, v;
        nint i = 0;
        for (; i + 4 <= inputs; i += 4)
        {
            w0 = TS.Load(ref w, 0); w1 = TS.Load(ref w, (nuint)width); w2 = TS.Load(ref w, (nuint)(2 * width));
            v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            w0 = TS.Load(ref w, (nuint)(1 * weightStride)); w1 = TS.Load(ref w, (nuint)(1 * weightStride + 1 * width)); w2 = TS.Load(ref w, (nuint)(1 * weightStride + 2 * width));
            v = TS.Create(Unsafe.Add(ref x, i + 1));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i + 1));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i + 1));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i + 1));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            w0 = TS.Load(ref w, (nuint)(2 * weightStride)); w1 = TS.Load(ref w, (nuint)(2 * weightStride + 1 * width)); w2 = TS.Load(ref w, (nuint)(2 * weightStride + 2 * width));
            v = TS.Create(Unsafe.Add(ref x, i + 2));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i + 2));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i + 2));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i + 2));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            w0 = TS.Load(ref w, (nuint)(3 * weightStride)); w1 = TS.Load(ref w, (nuint)(3 * weightStride + 1 * width)); w2 = TS.Load(ref w, (nuint)(3 * weightStride + 2 * width));
            v = TS.Create(Unsafe.Add(ref x, i + 3));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i + 3));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i + 3));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i + 3));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            w = ref Unsafe.Add(ref w, 4 * weightStride);
        }
        for (; i < inputs; i++)
        {
            w0 = TS.Load(ref w, 0); w1 = TS.Load(ref w, (nuint)width); w2 = TS.Load(ref w, (nuint)(2 * width));
            v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            w = ref Unsafe.Add(ref w, weightStride);
        }
        ref float o = ref output;
        TS.Store(a00, ref o, 0); TS.Store(a01, ref o, (nuint)width); TS.Store(a02, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a10, ref o, 0); TS.Store(a11, ref o, (nuint)width); TS.Store(a12, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a20, ref o, 0); TS.Store(a21, ref o, (nuint)width); TS.Store(a22, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a30, ref o, 0); TS.Store(a31, ref o, (nuint)width); TS.Store(a32, ref o, (nuint)(2 * width));
    }

    /// <summary>Prefetches into L1 the first cache line of the two kernel rows <paramref name="ahead"/> floats past <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchLinePair(ref float row, nint ahead, int weightStride)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref row) + sizeof(float) * ahead; // a pointer, never a ref past the kernel
        Sse.Prefetch0(p);
        Sse.Prefetch0(p + sizeof(float) * weightStride);
    }

    /// <summary>Prefetches into L1 the three registers of the two kernel rows <paramref name="ahead"/> floats past <paramref name="row"/> (a prefetch never faults, so reading past
    /// the kernel's end is harmless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRowPair(ref float row, nint ahead, int weightStride)
    {
        byte* p = (byte*)Unsafe.AsPointer(ref row) + sizeof(float) * ahead; // a pointer, never a ref past the kernel
        Sse.Prefetch0(p); Sse.Prefetch0(p + 64); Sse.Prefetch0(p + 128);
        p += sizeof(float) * weightStride;
        Sse.Prefetch0(p); Sse.Prefetch0(p + 64); Sse.Prefetch0(p + 128);
    }

    /// <summary>How many kernel rows ahead <see cref="Block8x3"/> and <see cref="Block4x2"/> prefetch a strided kernel (training's and the convolutions', in Keras'
    /// layout: one row's three registers every 2 KB for 512 units, a stride the hardware prefetchers do not follow).
    /// On two cores each core's forward reads the half of the weights the other core has just updated, from the
    /// other core's cache: mnist-mlp training at batch 32 on Emerald Rapids, in one process, 2 cores best 23.2–26.2
    /// µs per sample with 8–32 rows against 29.5 without (medians 29.0–29.7 against 35.8); one thread 42.9 against
    /// 50.1 median. AVX2's <see cref="Block4x2"/> the same way, one line a row: 2 cores median 44.3 against 49.7.</summary>
    private const int PrefetchRows = 16;

    /// <summary>Rows r..r+7 × three registers: AVX-512's block for batch Predict, a whole 48-column panel. 24
    /// accumulators, three weights and a broadcast in its 32 registers; each weight load serves eight rows, so a
    /// block of rows streams its panel from L2 half as often as the 4×3 block (at two 512-bit FMAs a cycle, 4×3 reads
    /// 32 bytes of weights a cycle). Each accumulator starts from the bias and adds its inputs in order: the same
    /// bits as every other block.</summary>

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block8x3(ref float x, ref float panel, ref float bias, ref float output, int outputStride, int inputs, int weightStride)
    {
        int width = TS.Count;
        TV b0 = TS.Load(ref bias, 0), b1 = TS.Load(ref bias, (nuint)width), b2 = TS.Load(ref bias, (nuint)(2 * width));
        TV a00 = b0, a01 = b1, a02 = b2;
        TV a10 = b0, a11 = b1, a12 = b2;
        TV a20 = b0, a21 = b1, a22 = b2;
        TV a30 = b0, a31 = b1, a32 = b2;
        TV a40 = b0, a41 = b1, a42 = b2;
        TV a50 = b0, a51 = b1, a52 = b2;
        TV a60 = b0, a61 = b1, a62 = b2;
        TV a70 = b0, a71 = b1, a72 = b2;
        ref float x1 = ref Unsafe.Add(ref x, inputs);
        ref float x2 = ref Unsafe.Add(ref x1, inputs);
        ref float x3 = ref Unsafe.Add(ref x2, inputs);
        ref float x4 = ref Unsafe.Add(ref x3, inputs);
        ref float x5 = ref Unsafe.Add(ref x4, inputs);
        ref float x6 = ref Unsafe.Add(ref x5, inputs);
        ref float x7 = ref Unsafe.Add(ref x6, inputs);
        ref float w = ref panel;
        TV w0, w1, w2, v;
        nint i = 0;
        // Packed panels are contiguous, which the hardware prefetchers follow on their own.
        bool prefetch = Sse.IsSupported && weightStride != PackedPanels.PanelWidth;
        nint ahead = PrefetchRows * weightStride;
        for (; i + 2 <= inputs; i += 2)
        {
            if (prefetch) PrefetchRowPair(ref w, ahead, weightStride);
            w0 = TS.Load(ref w, 0); w1 = TS.Load(ref w, (nuint)width); w2 = TS.Load(ref w, (nuint)(2 * width));
            v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            v = TS.Create(Unsafe.Add(ref x4, i));
            a40 = TS.MultiplyAdd(v, w0, a40); a41 = TS.MultiplyAdd(v, w1, a41); a42 = TS.MultiplyAdd(v, w2, a42);
            v = TS.Create(Unsafe.Add(ref x5, i));
            a50 = TS.MultiplyAdd(v, w0, a50); a51 = TS.MultiplyAdd(v, w1, a51); a52 = TS.MultiplyAdd(v, w2, a52);
            v = TS.Create(Unsafe.Add(ref x6, i));
            a60 = TS.MultiplyAdd(v, w0, a60); a61 = TS.MultiplyAdd(v, w1, a61); a62 = TS.MultiplyAdd(v, w2, a62);
            v = TS.Create(Unsafe.Add(ref x7, i));
            a70 = TS.MultiplyAdd(v, w0, a70); a71 = TS.MultiplyAdd(v, w1, a71); a72 = TS.MultiplyAdd(v, w2, a72);
            w0 = TS.Load(ref w, (nuint)(1 * weightStride)); w1 = TS.Load(ref w, (nuint)(1 * weightStride + width)); w2 = TS.Load(ref w, (nuint)(1 * weightStride + 2 * width));
            v = TS.Create(Unsafe.Add(ref x, i + 1));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i + 1));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i + 1));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i + 1));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            v = TS.Create(Unsafe.Add(ref x4, i + 1));
            a40 = TS.MultiplyAdd(v, w0, a40); a41 = TS.MultiplyAdd(v, w1, a41); a42 = TS.MultiplyAdd(v, w2, a42);
            v = TS.Create(Unsafe.Add(ref x5, i + 1));
            a50 = TS.MultiplyAdd(v, w0, a50); a51 = TS.MultiplyAdd(v, w1, a51); a52 = TS.MultiplyAdd(v, w2, a52);
            v = TS.Create(Unsafe.Add(ref x6, i + 1));
            a60 = TS.MultiplyAdd(v, w0, a60); a61 = TS.MultiplyAdd(v, w1, a61); a62 = TS.MultiplyAdd(v, w2, a62);
            v = TS.Create(Unsafe.Add(ref x7, i + 1));
            a70 = TS.MultiplyAdd(v, w0, a70); a71 = TS.MultiplyAdd(v, w1, a71); a72 = TS.MultiplyAdd(v, w2, a72);
            w = ref Unsafe.Add(ref w, 2 * weightStride);
        }
        if (i < inputs)
        {
            w0 = TS.Load(ref w, 0); w1 = TS.Load(ref w, (nuint)width); w2 = TS.Load(ref w, (nuint)(2 * width));
            v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01); a02 = TS.MultiplyAdd(v, w2, a02);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11); a12 = TS.MultiplyAdd(v, w2, a12);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21); a22 = TS.MultiplyAdd(v, w2, a22);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31); a32 = TS.MultiplyAdd(v, w2, a32);
            v = TS.Create(Unsafe.Add(ref x4, i));
            a40 = TS.MultiplyAdd(v, w0, a40); a41 = TS.MultiplyAdd(v, w1, a41); a42 = TS.MultiplyAdd(v, w2, a42);
            v = TS.Create(Unsafe.Add(ref x5, i));
            a50 = TS.MultiplyAdd(v, w0, a50); a51 = TS.MultiplyAdd(v, w1, a51); a52 = TS.MultiplyAdd(v, w2, a52);
            v = TS.Create(Unsafe.Add(ref x6, i));
            a60 = TS.MultiplyAdd(v, w0, a60); a61 = TS.MultiplyAdd(v, w1, a61); a62 = TS.MultiplyAdd(v, w2, a62);
            v = TS.Create(Unsafe.Add(ref x7, i));
            a70 = TS.MultiplyAdd(v, w0, a70); a71 = TS.MultiplyAdd(v, w1, a71); a72 = TS.MultiplyAdd(v, w2, a72);
        }
        ref float o = ref output;
        TS.Store(a00, ref o, 0); TS.Store(a01, ref o, (nuint)width); TS.Store(a02, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a10, ref o, 0); TS.Store(a11, ref o, (nuint)width); TS.Store(a12, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a20, ref o, 0); TS.Store(a21, ref o, (nuint)width); TS.Store(a22, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a30, ref o, 0); TS.Store(a31, ref o, (nuint)width); TS.Store(a32, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a40, ref o, 0); TS.Store(a41, ref o, (nuint)width); TS.Store(a42, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a50, ref o, 0); TS.Store(a51, ref o, (nuint)width); TS.Store(a52, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a60, ref o, 0); TS.Store(a61, ref o, (nuint)width); TS.Store(a62, ref o, (nuint)(2 * width));
        o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a70, ref o, 0); TS.Store(a71, ref o, (nuint)width); TS.Store(a72, ref o, (nuint)(2 * width));
    }

    /// <summary>Four rows × one register of columns, written to a tile of <paramref name="outputStride"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block4x1(ref float x, ref float kernel, ref float init, int initStride, float initScale, ref float output, int outputStride, int inputs, int xStride, int stride)
    {
        TV scale = TS.Create(initScale);
        TV a0 = TS.Multiply(TS.Load(ref init, 0), scale), a1 = TS.Multiply(TS.Load(ref init, (nuint)initStride), scale);
        TV a2 = TS.Multiply(TS.Load(ref init, (nuint)(2 * initStride)), scale), a3 = TS.Multiply(TS.Load(ref init, (nuint)(3 * initStride)), scale);
        ref float k = ref kernel;
        for (nint i = 0; i < inputs; i++)
        {
            TV w = TS.Load(ref k, 0);
            k = ref Unsafe.Add(ref k, stride);
            a0 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, i)), w, a0);
            a1 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, xStride + i)), w, a1);
            a2 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, 2 * xStride + i)), w, a2);
            a3 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, 3 * xStride + i)), w, a3);
        }
        TS.Store(a0, ref output, 0);
        TS.Store(a1, ref output, (nuint)outputStride);
        TS.Store(a2, ref output, (nuint)(2 * outputStride));
        TS.Store(a3, ref output, (nuint)(3 * outputStride));
    }

    /// <summary>Rows r..r+7 × two registers: AVX-512's block for a panel's last 17–32 columns (16 accumulators, where
    /// the 4×2 block's 8 only just cover the FMA latency). With <see cref="Block8x1"/>, mnist-mlp batch 64 on one
    /// thread, Emerald Rapids, in one process, two runs of 30–40 alternating rounds: median 9.37–10.09 µs per sample
    /// against 9.67–10.26 with the 4-row tails (the tails were 11% of the time in a profile). Each accumulator starts from the bias and adds its inputs in
    /// order: the same bits as every other block.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block8x2(ref float x, ref float panel, ref float bias, ref float output, int outputStride, int inputs, int weightStride)
    {
        int width = TS.Count;
        TV b0 = TS.Load(ref bias, 0), b1 = TS.Load(ref bias, (nuint)width);
        TV a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
        TV a40 = b0, a41 = b1, a50 = b0, a51 = b1, a60 = b0, a61 = b1, a70 = b0, a71 = b1;
        ref float x1 = ref Unsafe.Add(ref x, inputs);
        ref float x2 = ref Unsafe.Add(ref x1, inputs);
        ref float x3 = ref Unsafe.Add(ref x2, inputs);
        ref float x4 = ref Unsafe.Add(ref x3, inputs);
        ref float x5 = ref Unsafe.Add(ref x4, inputs);
        ref float x6 = ref Unsafe.Add(ref x5, inputs);
        ref float x7 = ref Unsafe.Add(ref x6, inputs);
        ref float w = ref panel;
        for (nint i = 0; i < inputs; i++)
        {
            TV w0 = TS.Load(ref w, 0), w1 = TS.Load(ref w, (nuint)width);
            TV v = TS.Create(Unsafe.Add(ref x, i));
            a00 = TS.MultiplyAdd(v, w0, a00); a01 = TS.MultiplyAdd(v, w1, a01);
            v = TS.Create(Unsafe.Add(ref x1, i));
            a10 = TS.MultiplyAdd(v, w0, a10); a11 = TS.MultiplyAdd(v, w1, a11);
            v = TS.Create(Unsafe.Add(ref x2, i));
            a20 = TS.MultiplyAdd(v, w0, a20); a21 = TS.MultiplyAdd(v, w1, a21);
            v = TS.Create(Unsafe.Add(ref x3, i));
            a30 = TS.MultiplyAdd(v, w0, a30); a31 = TS.MultiplyAdd(v, w1, a31);
            v = TS.Create(Unsafe.Add(ref x4, i));
            a40 = TS.MultiplyAdd(v, w0, a40); a41 = TS.MultiplyAdd(v, w1, a41);
            v = TS.Create(Unsafe.Add(ref x5, i));
            a50 = TS.MultiplyAdd(v, w0, a50); a51 = TS.MultiplyAdd(v, w1, a51);
            v = TS.Create(Unsafe.Add(ref x6, i));
            a60 = TS.MultiplyAdd(v, w0, a60); a61 = TS.MultiplyAdd(v, w1, a61);
            v = TS.Create(Unsafe.Add(ref x7, i));
            a70 = TS.MultiplyAdd(v, w0, a70); a71 = TS.MultiplyAdd(v, w1, a71);
            w = ref Unsafe.Add(ref w, weightStride);
        }
        ref float o = ref output;
        TS.Store(a00, ref o, 0); TS.Store(a01, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a10, ref o, 0); TS.Store(a11, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a20, ref o, 0); TS.Store(a21, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a30, ref o, 0); TS.Store(a31, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a40, ref o, 0); TS.Store(a41, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a50, ref o, 0); TS.Store(a51, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a60, ref o, 0); TS.Store(a61, ref o, (nuint)width); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a70, ref o, 0); TS.Store(a71, ref o, (nuint)width);
    }

    /// <summary>Rows r..r+7 × one register: AVX-512's block for a panel's last 1–16 columns (8 independent chains,
    /// where the 4×1 block's 4 wait on the FMA latency). Each accumulator starts from the bias and adds its inputs in
    /// order: the same bits as every other block.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block8x1(ref float x, ref float panel, ref float bias, ref float output, int outputStride, int inputs, int weightStride)
    {
        TV b = TS.Load(ref bias, 0);
        TV a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b;
        ref float x1 = ref Unsafe.Add(ref x, inputs);
        ref float x2 = ref Unsafe.Add(ref x1, inputs);
        ref float x3 = ref Unsafe.Add(ref x2, inputs);
        ref float x4 = ref Unsafe.Add(ref x3, inputs);
        ref float x5 = ref Unsafe.Add(ref x4, inputs);
        ref float x6 = ref Unsafe.Add(ref x5, inputs);
        ref float x7 = ref Unsafe.Add(ref x6, inputs);
        ref float w = ref panel;
        for (nint i = 0; i < inputs; i++)
        {
            TV w0 = TS.Load(ref w, 0);
            a0 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, i)), w0, a0);
            a1 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x1, i)), w0, a1);
            a2 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x2, i)), w0, a2);
            a3 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x3, i)), w0, a3);
            a4 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x4, i)), w0, a4);
            a5 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x5, i)), w0, a5);
            a6 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x6, i)), w0, a6);
            a7 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x7, i)), w0, a7);
            w = ref Unsafe.Add(ref w, weightStride);
        }
        ref float o = ref output;
        TS.Store(a0, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a1, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a2, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a3, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a4, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a5, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a6, ref o, 0); o = ref Unsafe.Add(ref o, outputStride);
        TS.Store(a7, ref o, 0);
    }

    /// <summary>One row × one register of columns from j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Column(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z, int r, int j, int inputs, int units, int stride, int zStride, Span<float> spill)
    {
        TV a = hasBias ? TS.Load(ref bias, (nuint)j) : TS.Create(0f);
        ref float xr = ref Unsafe.Add(ref x, r * inputs);
        ref float w = ref Unsafe.Add(ref kernel, j);
        for (int i = 0; i < inputs; i++)
        {
            a = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, i)), TS.Load(ref w, 0), a);
            w = ref Unsafe.Add(ref w, stride);
        }
        Store(a, ref Unsafe.Add(ref z, r * zStride + j), Math.Min(TS.Count, units - j), spill);
    }

    /// <summary>
    /// dW[i, :] += Σ_r x[r, i]·dz[r, :] and db += Σ_r dz[r, :], over whole padded rows. Blocks of four kernel rows ×
    /// four registers of columns (three on 16-register machines) stay in registers while the batch rows stream past
    /// (16 FMAs per 4 gradient loads and 4 broadcasts; 12 per 3 and 4); a row's last registers go four kernel rows ×
    /// one register, the last kernel rows one at a time.
    /// </summary>
    public static void AccumulateGradients(ref float x, ref float dz, ref float dKernel, ref float dBias, bool hasBias, int rows, int inputs, int stride) =>
        AccumulateGradients(ref x, ref dz, ref dKernel, ref dBias, hasBias, rows, inputs, stride, 0, inputs);

    /// <summary>
    /// The same for kernel rows <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1
    /// only (dKernel and x still point at row 0 and column 0): one core's share when the weight gradient of a batch is
    /// split by kernel rows. Each element still sums the batch rows in order, so the split does not change a bit.
    /// </summary>
    public static void AccumulateGradients(ref float x, ref float dz, ref float dKernel, ref float dBias, bool hasBias, int rows, int inputs, int stride, int first, int count) =>
        AccumulateGradients(ref x, ref dz, ref dKernel, ref dBias, hasBias, rows, inputs, stride, first, count, overwrite: false);

    /// <summary>
    /// The same, writing the sums over the gradient's old values when <paramref name="overwrite"/> (every element of
    /// the rows, padding included, as a sum that starts from zero: the bits of clearing first, without a pass of its
    /// own over the buffer): a row split's first sub-batch, which spared two cores a 4% memset of the mnist-mlp
    /// gradient.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateGradients(ref float x, ref float dz, ref float dKernel, ref float dBias, bool hasBias, int rows, int inputs, int stride, int first, int count, bool overwrite)
    {
        // AVX-512's 32 registers hold 8×3 blocks (then 4×4 for the last kernel rows); with 16 registers (AVX2 and
        // narrower) the block is 4×3: 4×4 needs 21 and spilled five accumulators to the stack every step. Stopwatch,
        // 32 × 784 × 512 on Emerald Rapids, three alternating process pairs: 8×3 96–137 GFLOP/s against 86–132 for 4×4.
        bool wide = TS.Count == 16;
        int width = TS.Count, panel = (wide ? 4 : 3) * width, i = first, end = first + count;
        // A block's sums start from its own rows, or from a row of zeros read again for every row (stride 0).
        Span<float> zeroRow = stackalloc float[4 * TS.Count]; // one row of the widest block, 4×4
        zeroRow.Clear();
        ref float zeros = ref zeroRow[0];
        int startStride = overwrite ? 0 : stride;
        // AVX-512: eight kernel rows at a time first, over three-register panels.
        for (; wide && i + 8 <= end; i += 8)
        {
            int j = 0;
            for (; j + 3 * width <= stride; j += 3 * width)
            {
                ref float k = ref Unsafe.Add(ref dKernel, i * stride + j);
                Gradient8x3(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, startStride, rows, inputs, stride);
            }
            for (; j < stride; j += width)
            {
                ref float k = ref Unsafe.Add(ref dKernel, i * stride + j);
                ref float k4 = ref Unsafe.Add(ref dKernel, (i + 4) * stride + j);
                Gradient4x1(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, startStride, rows, inputs, stride);
                Gradient4x1(ref Unsafe.Add(ref x, i + 4), ref Unsafe.Add(ref dz, j), ref k4, ref overwrite ? ref zeros : ref k4, startStride, rows, inputs, stride);
            }
        }
        for (; i + 4 <= end; i += 4)
        {
            int j = 0;
            for (; j + panel <= stride; j += panel)
            {
                ref float k = ref Unsafe.Add(ref dKernel, i * stride + j);
                if (wide) Gradient4x4(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, startStride, rows, inputs, stride);
                else Gradient4x3(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, startStride, rows, inputs, stride);
            }
            for (; j < stride; j += width)
            {
                ref float k = ref Unsafe.Add(ref dKernel, i * stride + j);
                Gradient4x1(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, startStride, rows, inputs, stride);
            }
        }
        for (; i < end; i++)
            for (int j = 0; j < stride; j += width)
            {
                ref float k = ref Unsafe.Add(ref dKernel, i * stride + j);
                GradientColumn(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref dz, j), ref k, ref overwrite ? ref zeros : ref k, rows, inputs, stride);
            }
        if (!hasBias) return;
        for (int j = 0; j < stride; j += width)
        {
            TV a = overwrite ? TS.Create(0f) : TS.Load(ref dBias, (nuint)j);
            for (int r = 0; r < rows; r++) a = TS.Add(a, TS.Load(ref dz, (nuint)(r * stride + j)));
            TS.Store(a, ref dBias, (nuint)j);
        }
    }

    /// <summary>Kernel rows i..i+3 (x columns from <paramref name="x"/>) × four registers of gradient columns, each
    /// element adding the batch rows in order. Branch-free so the JIT keeps the 16 accumulators in registers (AVX-512's
    /// block).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x4(ref float x, ref float dz, ref float dKernel, ref float start, int startStride, int rows, int inputs, int stride)
    {
        int width = TS.Count;
        ref float k1 = ref Unsafe.Add(ref dKernel, stride);
        ref float k2 = ref Unsafe.Add(ref k1, stride);
        ref float k3 = ref Unsafe.Add(ref k2, stride);
        ref float s1 = ref Unsafe.Add(ref start, startStride);
        ref float s2 = ref Unsafe.Add(ref s1, startStride);
        ref float s3 = ref Unsafe.Add(ref s2, startStride);
        TV a00 = TS.Load(ref start, 0), a01 = TS.Load(ref start, (nuint)width), a02 = TS.Load(ref start, (nuint)(2 * width)), a03 = TS.Load(ref start, (nuint)(3 * width));
        TV a10 = TS.Load(ref s1, 0), a11 = TS.Load(ref s1, (nuint)width), a12 = TS.Load(ref s1, (nuint)(2 * width)), a13 = TS.Load(ref s1, (nuint)(3 * width));
        TV a20 = TS.Load(ref s2, 0), a21 = TS.Load(ref s2, (nuint)width), a22 = TS.Load(ref s2, (nuint)(2 * width)), a23 = TS.Load(ref s2, (nuint)(3 * width));
        TV a30 = TS.Load(ref s3, 0), a31 = TS.Load(ref s3, (nuint)width), a32 = TS.Load(ref s3, (nuint)(2 * width)), a33 = TS.Load(ref s3, (nuint)(3 * width));
        ref float d = ref dz;
        ref float xr = ref x;
        for (nint r = 0; r < rows; r++)
        {
            TV d0 = TS.Load(ref d, 0), d1 = TS.Load(ref d, (nuint)width), d2 = TS.Load(ref d, (nuint)(2 * width)), d3 = TS.Load(ref d, (nuint)(3 * width));
            TV v = TS.Create(xr);
            a00 = TS.MultiplyAdd(v, d0, a00); a01 = TS.MultiplyAdd(v, d1, a01); a02 = TS.MultiplyAdd(v, d2, a02); a03 = TS.MultiplyAdd(v, d3, a03);
            v = TS.Create(Unsafe.Add(ref xr, 1));
            a10 = TS.MultiplyAdd(v, d0, a10); a11 = TS.MultiplyAdd(v, d1, a11); a12 = TS.MultiplyAdd(v, d2, a12); a13 = TS.MultiplyAdd(v, d3, a13);
            v = TS.Create(Unsafe.Add(ref xr, 2));
            a20 = TS.MultiplyAdd(v, d0, a20); a21 = TS.MultiplyAdd(v, d1, a21); a22 = TS.MultiplyAdd(v, d2, a22); a23 = TS.MultiplyAdd(v, d3, a23);
            v = TS.Create(Unsafe.Add(ref xr, 3));
            a30 = TS.MultiplyAdd(v, d0, a30); a31 = TS.MultiplyAdd(v, d1, a31); a32 = TS.MultiplyAdd(v, d2, a32); a33 = TS.MultiplyAdd(v, d3, a33);
            d = ref Unsafe.Add(ref d, stride); // pointer steps, not two multiplies per row
            xr = ref Unsafe.Add(ref xr, inputs);
        }
        TS.Store(a00, ref dKernel, 0); TS.Store(a01, ref dKernel, (nuint)width); TS.Store(a02, ref dKernel, (nuint)(2 * width)); TS.Store(a03, ref dKernel, (nuint)(3 * width));
        TS.Store(a10, ref k1, 0); TS.Store(a11, ref k1, (nuint)width); TS.Store(a12, ref k1, (nuint)(2 * width)); TS.Store(a13, ref k1, (nuint)(3 * width));
        TS.Store(a20, ref k2, 0); TS.Store(a21, ref k2, (nuint)width); TS.Store(a22, ref k2, (nuint)(2 * width)); TS.Store(a23, ref k2, (nuint)(3 * width));
        TS.Store(a30, ref k3, 0); TS.Store(a31, ref k3, (nuint)width); TS.Store(a32, ref k3, (nuint)(2 * width)); TS.Store(a33, ref k3, (nuint)(3 * width));
    }

    /// <summary>Kernel rows i..i+7 × three registers of gradient columns: AVX-512's block (24 accumulators, three
    /// gradient loads and a broadcast in its 32 registers), so each batch row's gradient loads serve eight kernel rows
    /// and a batch's output gradient is read half as often as with 4×4. Each element adds the batch rows in order.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient8x3(ref float x, ref float dz, ref float dKernel, ref float start, int startStride, int rows, int inputs, int stride)
    {
        int width = TS.Count;
        ref float k1 = ref Unsafe.Add(ref dKernel, stride);
        ref float k2 = ref Unsafe.Add(ref k1, stride);
        ref float k3 = ref Unsafe.Add(ref k2, stride);
        ref float k4 = ref Unsafe.Add(ref k3, stride);
        ref float k5 = ref Unsafe.Add(ref k4, stride);
        ref float k6 = ref Unsafe.Add(ref k5, stride);
        ref float k7 = ref Unsafe.Add(ref k6, stride);
        ref float s1 = ref Unsafe.Add(ref start, startStride);
        ref float s2 = ref Unsafe.Add(ref s1, startStride);
        ref float s3 = ref Unsafe.Add(ref s2, startStride);
        ref float s4 = ref Unsafe.Add(ref s3, startStride);
        ref float s5 = ref Unsafe.Add(ref s4, startStride);
        ref float s6 = ref Unsafe.Add(ref s5, startStride);
        ref float s7 = ref Unsafe.Add(ref s6, startStride);
        TV a00 = TS.Load(ref start, 0), a01 = TS.Load(ref start, (nuint)width), a02 = TS.Load(ref start, (nuint)(2 * width));
        TV a10 = TS.Load(ref s1, 0), a11 = TS.Load(ref s1, (nuint)width), a12 = TS.Load(ref s1, (nuint)(2 * width));
        TV a20 = TS.Load(ref s2, 0), a21 = TS.Load(ref s2, (nuint)width), a22 = TS.Load(ref s2, (nuint)(2 * width));
        TV a30 = TS.Load(ref s3, 0), a31 = TS.Load(ref s3, (nuint)width), a32 = TS.Load(ref s3, (nuint)(2 * width));
        TV a40 = TS.Load(ref s4, 0), a41 = TS.Load(ref s4, (nuint)width), a42 = TS.Load(ref s4, (nuint)(2 * width));
        TV a50 = TS.Load(ref s5, 0), a51 = TS.Load(ref s5, (nuint)width), a52 = TS.Load(ref s5, (nuint)(2 * width));
        TV a60 = TS.Load(ref s6, 0), a61 = TS.Load(ref s6, (nuint)width), a62 = TS.Load(ref s6, (nuint)(2 * width));
        TV a70 = TS.Load(ref s7, 0), a71 = TS.Load(ref s7, (nuint)width), a72 = TS.Load(ref s7, (nuint)(2 * width));
        ref float d = ref dz;
        ref float xr = ref x;
        for (nint r = 0; r < rows; r++)
        {
            TV d0 = TS.Load(ref d, 0), d1 = TS.Load(ref d, (nuint)width), d2 = TS.Load(ref d, (nuint)(2 * width));
            TV v;
            v = TS.Create(xr);
            a00 = TS.MultiplyAdd(v, d0, a00); a01 = TS.MultiplyAdd(v, d1, a01); a02 = TS.MultiplyAdd(v, d2, a02);
            v = TS.Create(Unsafe.Add(ref xr, 1));
            a10 = TS.MultiplyAdd(v, d0, a10); a11 = TS.MultiplyAdd(v, d1, a11); a12 = TS.MultiplyAdd(v, d2, a12);
            v = TS.Create(Unsafe.Add(ref xr, 2));
            a20 = TS.MultiplyAdd(v, d0, a20); a21 = TS.MultiplyAdd(v, d1, a21); a22 = TS.MultiplyAdd(v, d2, a22);
            v = TS.Create(Unsafe.Add(ref xr, 3));
            a30 = TS.MultiplyAdd(v, d0, a30); a31 = TS.MultiplyAdd(v, d1, a31); a32 = TS.MultiplyAdd(v, d2, a32);
            v = TS.Create(Unsafe.Add(ref xr, 4));
            a40 = TS.MultiplyAdd(v, d0, a40); a41 = TS.MultiplyAdd(v, d1, a41); a42 = TS.MultiplyAdd(v, d2, a42);
            v = TS.Create(Unsafe.Add(ref xr, 5));
            a50 = TS.MultiplyAdd(v, d0, a50); a51 = TS.MultiplyAdd(v, d1, a51); a52 = TS.MultiplyAdd(v, d2, a52);
            v = TS.Create(Unsafe.Add(ref xr, 6));
            a60 = TS.MultiplyAdd(v, d0, a60); a61 = TS.MultiplyAdd(v, d1, a61); a62 = TS.MultiplyAdd(v, d2, a62);
            v = TS.Create(Unsafe.Add(ref xr, 7));
            a70 = TS.MultiplyAdd(v, d0, a70); a71 = TS.MultiplyAdd(v, d1, a71); a72 = TS.MultiplyAdd(v, d2, a72);
            d = ref Unsafe.Add(ref d, stride);
            xr = ref Unsafe.Add(ref xr, inputs);
        }
        TS.Store(a00, ref dKernel, 0); TS.Store(a01, ref dKernel, (nuint)width); TS.Store(a02, ref dKernel, (nuint)(2 * width));
        TS.Store(a10, ref k1, 0); TS.Store(a11, ref k1, (nuint)width); TS.Store(a12, ref k1, (nuint)(2 * width));
        TS.Store(a20, ref k2, 0); TS.Store(a21, ref k2, (nuint)width); TS.Store(a22, ref k2, (nuint)(2 * width));
        TS.Store(a30, ref k3, 0); TS.Store(a31, ref k3, (nuint)width); TS.Store(a32, ref k3, (nuint)(2 * width));
        TS.Store(a40, ref k4, 0); TS.Store(a41, ref k4, (nuint)width); TS.Store(a42, ref k4, (nuint)(2 * width));
        TS.Store(a50, ref k5, 0); TS.Store(a51, ref k5, (nuint)width); TS.Store(a52, ref k5, (nuint)(2 * width));
        TS.Store(a60, ref k6, 0); TS.Store(a61, ref k6, (nuint)width); TS.Store(a62, ref k6, (nuint)(2 * width));
        TS.Store(a70, ref k7, 0); TS.Store(a71, ref k7, (nuint)width); TS.Store(a72, ref k7, (nuint)(2 * width));
    }

    /// <summary>Kernel rows i..i+3 × three registers of gradient columns: the block for 16-register machines (12
    /// accumulators, three gradient loads and a broadcast, no spill; checked with DOTNET_JitDisasm).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x3(ref float x, ref float dz, ref float dKernel, ref float start, int startStride, int rows, int inputs, int stride)
    {
        int width = TS.Count;
        ref float k1 = ref Unsafe.Add(ref dKernel, stride);
        ref float k2 = ref Unsafe.Add(ref k1, stride);
        ref float k3 = ref Unsafe.Add(ref k2, stride);
        ref float s1 = ref Unsafe.Add(ref start, startStride);
        ref float s2 = ref Unsafe.Add(ref s1, startStride);
        ref float s3 = ref Unsafe.Add(ref s2, startStride);
        TV a00 = TS.Load(ref start, 0), a01 = TS.Load(ref start, (nuint)width), a02 = TS.Load(ref start, (nuint)(2 * width));
        TV a10 = TS.Load(ref s1, 0), a11 = TS.Load(ref s1, (nuint)width), a12 = TS.Load(ref s1, (nuint)(2 * width));
        TV a20 = TS.Load(ref s2, 0), a21 = TS.Load(ref s2, (nuint)width), a22 = TS.Load(ref s2, (nuint)(2 * width));
        TV a30 = TS.Load(ref s3, 0), a31 = TS.Load(ref s3, (nuint)width), a32 = TS.Load(ref s3, (nuint)(2 * width));
        ref float d = ref dz;
        ref float xr = ref x;
        for (nint r = 0; r < rows; r++)
        {
            TV d0 = TS.Load(ref d, 0), d1 = TS.Load(ref d, (nuint)width), d2 = TS.Load(ref d, (nuint)(2 * width));
            TV v = TS.Create(xr);
            a00 = TS.MultiplyAdd(v, d0, a00); a01 = TS.MultiplyAdd(v, d1, a01); a02 = TS.MultiplyAdd(v, d2, a02);
            v = TS.Create(Unsafe.Add(ref xr, 1));
            a10 = TS.MultiplyAdd(v, d0, a10); a11 = TS.MultiplyAdd(v, d1, a11); a12 = TS.MultiplyAdd(v, d2, a12);
            v = TS.Create(Unsafe.Add(ref xr, 2));
            a20 = TS.MultiplyAdd(v, d0, a20); a21 = TS.MultiplyAdd(v, d1, a21); a22 = TS.MultiplyAdd(v, d2, a22);
            v = TS.Create(Unsafe.Add(ref xr, 3));
            a30 = TS.MultiplyAdd(v, d0, a30); a31 = TS.MultiplyAdd(v, d1, a31); a32 = TS.MultiplyAdd(v, d2, a32);
            d = ref Unsafe.Add(ref d, stride);
            xr = ref Unsafe.Add(ref xr, inputs);
        }
        TS.Store(a00, ref dKernel, 0); TS.Store(a01, ref dKernel, (nuint)width); TS.Store(a02, ref dKernel, (nuint)(2 * width));
        TS.Store(a10, ref k1, 0); TS.Store(a11, ref k1, (nuint)width); TS.Store(a12, ref k1, (nuint)(2 * width));
        TS.Store(a20, ref k2, 0); TS.Store(a21, ref k2, (nuint)width); TS.Store(a22, ref k2, (nuint)(2 * width));
        TS.Store(a30, ref k3, 0); TS.Store(a31, ref k3, (nuint)width); TS.Store(a32, ref k3, (nuint)(2 * width));
    }

    /// <summary>Kernel rows i..i+3 × one register: a row's last columns past the wide blocks (four independent
    /// chains, where one row at a time waits on each FMA's latency).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x1(ref float x, ref float dz, ref float dKernel, ref float start, int startStride, int rows, int inputs, int stride)
    {
        ref float k1 = ref Unsafe.Add(ref dKernel, stride);
        ref float k2 = ref Unsafe.Add(ref k1, stride);
        ref float k3 = ref Unsafe.Add(ref k2, stride);
        ref float s1 = ref Unsafe.Add(ref start, startStride);
        ref float s2 = ref Unsafe.Add(ref s1, startStride);
        ref float s3 = ref Unsafe.Add(ref s2, startStride);
        TV a0 = TS.Load(ref start, 0), a1 = TS.Load(ref s1, 0), a2 = TS.Load(ref s2, 0), a3 = TS.Load(ref s3, 0);
        ref float d = ref dz;
        ref float xr = ref x;
        for (nint r = 0; r < rows; r++)
        {
            TV d0 = TS.Load(ref d, 0);
            a0 = TS.MultiplyAdd(TS.Create(xr), d0, a0);
            a1 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, 1)), d0, a1);
            a2 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, 2)), d0, a2);
            a3 = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref xr, 3)), d0, a3);
            d = ref Unsafe.Add(ref d, stride);
            xr = ref Unsafe.Add(ref xr, inputs);
        }
        TS.Store(a0, ref dKernel, 0); TS.Store(a1, ref k1, 0); TS.Store(a2, ref k2, 0); TS.Store(a3, ref k3, 0);
    }

    /// <summary>One kernel row × one register of gradient columns.</summary>
    private static void GradientColumn(ref float x, ref float dz, ref float dKernel, ref float start, int rows, int inputs, int stride)
    {
        TV a = TS.Load(ref start, 0);
        for (int r = 0; r < rows; r++)
            a = TS.MultiplyAdd(TS.Create(Unsafe.Add(ref x, r * inputs)), TS.Load(ref dz, (nuint)(r * stride)), a);
        TS.Store(a, ref dKernel, 0);
    }

    /// <summary>
    /// dx[r, i] = Σ_j dz[r, j]·W[i, j]: blocks of four batch rows × four kernel rows on AVX-512, × three on 16-register
    /// machines (4×4 needs 21 registers there and spilled), each register pair loaded once per step, reduced
    /// horizontally at the end; the edges one row or one kernel row at a time. Every dot product adds its terms in
    /// the same order whatever the block (the lanes in <see cref="Simd512.PairwiseSum"/>'s or
    /// <see cref="Simd256.PairwiseSum"/>'s order on 512 and 256 bits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(ref float dz, ref float kernel, ref float dx, int rows, int inputs, int stride)
    {
        bool wide = TS.Count == 16;
        int block = wide ? 4 : 3;
        Span<float> sums = stackalloc float[12];
        int blocks = rows / 4 * 4, i = 0;
        // Kernel rows outside, batch rows inside: a block's kernel rows (4 KB for 256 units) stay in L1 while every
        // block of batch rows reads them, where batch rows outside streamed the whole kernel from L2 once per four
        // batch rows.
        for (; i + block <= inputs; i += block)
            for (int r = 0; r < blocks; r += 4)
            {
                if (wide)
                {
                    Dot4x4(ref Unsafe.Add(ref dz, r * stride), ref Unsafe.Add(ref kernel, i * stride), stride, ref Unsafe.Add(ref dx, r * inputs + i), inputs);
                    continue;
                }
                Dot4x3(ref Unsafe.Add(ref dz, r * stride), ref Unsafe.Add(ref kernel, i * stride), stride, ref sums[0]);
                for (int a = 0; a < 4; a++)
                    for (int b = 0; b < 3; b++) Unsafe.Add(ref dx, (r + a) * inputs + i + b) = sums[a * 3 + b];
            }
        for (; i < inputs; i++)
            for (int r = 0; r < blocks; r++) Unsafe.Add(ref dx, r * inputs + i) = Dot(ref Unsafe.Add(ref dz, r * stride), ref Unsafe.Add(ref kernel, i * stride), stride);
        for (int r = blocks; r < rows; r++)
            for (i = 0; i < inputs; i++) Unsafe.Add(ref dx, r * inputs + i) = Dot(ref Unsafe.Add(ref dz, r * stride), ref Unsafe.Add(ref kernel, i * stride), stride);
    }

    /// <summary>Dot products of gradient rows 0..3 with kernel rows 0..3 into dx[a, b] (rows <paramref name="dxStride"/>
    /// apart): AVX-512's block. Branch-free in the loop, so the 16 accumulators stay in registers; reduced all at once
    /// by <see cref="Simd512.TransposedSums"/>, which stores each row's four sums as one 128-bit write. Stopwatch, Zen 4,
    /// against sixteen <see cref="Vector512.Sum{T}(Vector512{T})"/>s and a copy through a 16-float tile: the whole
    /// InputGradient 32 × 512 ← 256 117 → 76 µs, 32 × 256 ← 16 (mnist-mlp's last layer) 24.7 → 6.2 µs (a standalone
    /// copy of the two, interleaved in one process: 1.54x and 3.4x).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x4(ref float dz, ref float kernel, int stride, ref float dx, int dxStride)
    {
        ref float d1 = ref Unsafe.Add(ref dz, stride);
        ref float d2 = ref Unsafe.Add(ref d1, stride);
        ref float d3 = ref Unsafe.Add(ref d2, stride);
        ref float w1 = ref Unsafe.Add(ref kernel, stride);
        ref float w2 = ref Unsafe.Add(ref w1, stride);
        ref float w3 = ref Unsafe.Add(ref w2, stride);
        TV a00 = TS.Create(0f), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        TV a20 = a00, a21 = a00, a22 = a00, a23 = a00, a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (nint j = 0; j < stride; j += TS.Count)
        {
            TV k0 = TS.Load(ref kernel, (nuint)j), k1 = TS.Load(ref w1, (nuint)j), k2 = TS.Load(ref w2, (nuint)j), k3 = TS.Load(ref w3, (nuint)j);
            TV g = TS.Load(ref dz, (nuint)j);
            a00 = TS.MultiplyAdd(g, k0, a00); a01 = TS.MultiplyAdd(g, k1, a01); a02 = TS.MultiplyAdd(g, k2, a02); a03 = TS.MultiplyAdd(g, k3, a03);
            g = TS.Load(ref d1, (nuint)j);
            a10 = TS.MultiplyAdd(g, k0, a10); a11 = TS.MultiplyAdd(g, k1, a11); a12 = TS.MultiplyAdd(g, k2, a12); a13 = TS.MultiplyAdd(g, k3, a13);
            g = TS.Load(ref d2, (nuint)j);
            a20 = TS.MultiplyAdd(g, k0, a20); a21 = TS.MultiplyAdd(g, k1, a21); a22 = TS.MultiplyAdd(g, k2, a22); a23 = TS.MultiplyAdd(g, k3, a23);
            g = TS.Load(ref d3, (nuint)j);
            a30 = TS.MultiplyAdd(g, k0, a30); a31 = TS.MultiplyAdd(g, k1, a31); a32 = TS.MultiplyAdd(g, k2, a32); a33 = TS.MultiplyAdd(g, k3, a33);
        }
        ref float x1 = ref Unsafe.Add(ref dx, dxStride);
        ref float x2 = ref Unsafe.Add(ref x1, dxStride);
        ref float x3 = ref Unsafe.Add(ref x2, dxStride);
        if (Avx512F.IsSupported)
        {
            // Groups by kernel row, members by batch row: lane 4a + b is row a's sum with kernel row b.
            var t = Simd512.TransposedSums(AsVector512(a00), AsVector512(a10), AsVector512(a20), AsVector512(a30), AsVector512(a01), AsVector512(a11), AsVector512(a21), AsVector512(a31), AsVector512(a02), AsVector512(a12), AsVector512(a22), AsVector512(a32), AsVector512(a03), AsVector512(a13), AsVector512(a23), AsVector512(a33));
            t.GetLower().GetLower().StoreUnsafe(ref dx);
            t.GetLower().GetUpper().StoreUnsafe(ref x1);
            t.GetUpper().GetLower().StoreUnsafe(ref x2);
            t.GetUpper().GetUpper().StoreUnsafe(ref x3);
            return;
        }
        dx = Reduce(a00); Unsafe.Add(ref dx, 1) = Reduce(a01); Unsafe.Add(ref dx, 2) = Reduce(a02); Unsafe.Add(ref dx, 3) = Reduce(a03);
        x1 = Reduce(a10); Unsafe.Add(ref x1, 1) = Reduce(a11); Unsafe.Add(ref x1, 2) = Reduce(a12); Unsafe.Add(ref x1, 3) = Reduce(a13);
        x2 = Reduce(a20); Unsafe.Add(ref x2, 1) = Reduce(a21); Unsafe.Add(ref x2, 2) = Reduce(a22); Unsafe.Add(ref x2, 3) = Reduce(a23);
        x3 = Reduce(a30); Unsafe.Add(ref x3, 1) = Reduce(a31); Unsafe.Add(ref x3, 2) = Reduce(a32); Unsafe.Add(ref x3, 3) = Reduce(a33);
    }

    /// <summary>An AVX-512 accumulator as the <see cref="Vector512{T}"/> it is (<see cref="Dot4x4"/> runs only there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> AsVector512(TV a) => Unsafe.BitCast<TV, Vector512<float>>(a);

    /// <summary>A 256-bit accumulator as the <see cref="Vector256{T}"/> it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AsVector256(TV a) => Unsafe.BitCast<TV, Vector256<float>>(a);

    /// <summary>A dot product's lanes summed in the order of the blocks' reductions: <see cref="Simd512.PairwiseSum"/>
    /// on AVX-512 (<see cref="Dot4x4"/>), <see cref="Simd256.PairwiseSum"/> on 256 bits (<see cref="Dot4x3"/>),
    /// elsewhere <see cref="ISimd{TV}.Sum"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Reduce(TV a) => TS.Count == 16 ? Simd512.PairwiseSum(AsVector512(a)) : TS.Count == 8 ? Simd256.PairwiseSum(AsVector256(a)) : TS.Sum(a);

    /// <summary>Dot products of gradient rows 0..3 with kernel rows 0..2 into sums[3a + b]: 12 accumulators, three
    /// kernel loads and one gradient load fill 16 registers. On AVX the twelve are reduced by two
    /// <see cref="Simd256.TransposedSums"/>, where twelve separate sums cost about as much as the dot products for
    /// short rows (a Dense of 10 units after a Flatten: rows of 16).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x3(ref float dz, ref float kernel, int stride, ref float sums)
    {
        ref float d1 = ref Unsafe.Add(ref dz, stride);
        ref float d2 = ref Unsafe.Add(ref d1, stride);
        ref float d3 = ref Unsafe.Add(ref d2, stride);
        ref float w1 = ref Unsafe.Add(ref kernel, stride);
        ref float w2 = ref Unsafe.Add(ref w1, stride);
        TV a00 = TS.Create(0f), a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00;
        TV a20 = a00, a21 = a00, a22 = a00, a30 = a00, a31 = a00, a32 = a00;
        for (nint j = 0; j < stride; j += TS.Count)
        {
            TV k0 = TS.Load(ref kernel, (nuint)j), k1 = TS.Load(ref w1, (nuint)j), k2 = TS.Load(ref w2, (nuint)j);
            TV g = TS.Load(ref dz, (nuint)j);
            a00 = TS.MultiplyAdd(g, k0, a00); a01 = TS.MultiplyAdd(g, k1, a01); a02 = TS.MultiplyAdd(g, k2, a02);
            g = TS.Load(ref d1, (nuint)j);
            a10 = TS.MultiplyAdd(g, k0, a10); a11 = TS.MultiplyAdd(g, k1, a11); a12 = TS.MultiplyAdd(g, k2, a12);
            g = TS.Load(ref d2, (nuint)j);
            a20 = TS.MultiplyAdd(g, k0, a20); a21 = TS.MultiplyAdd(g, k1, a21); a22 = TS.MultiplyAdd(g, k2, a22);
            g = TS.Load(ref d3, (nuint)j);
            a30 = TS.MultiplyAdd(g, k0, a30); a31 = TS.MultiplyAdd(g, k1, a31); a32 = TS.MultiplyAdd(g, k2, a32);
        }
        if (TS.Count == 8 && Avx.IsSupported)
        {
            // Two 8-way reductions (the second's last four lanes unused), in sums' order.
            var zero = Vector256<float>.Zero;
            Simd256.TransposedSums(AsVector256(a00), AsVector256(a01), AsVector256(a02), AsVector256(a10), AsVector256(a11), AsVector256(a12), AsVector256(a20), AsVector256(a21)).StoreUnsafe(ref sums);
            Simd256.TransposedSums(AsVector256(a22), AsVector256(a30), AsVector256(a31), AsVector256(a32), zero, zero, zero, zero).GetLower().StoreUnsafe(ref sums, 8);
            return;
        }
        Unsafe.Add(ref sums, 0) = Reduce(a00); Unsafe.Add(ref sums, 1) = Reduce(a01); Unsafe.Add(ref sums, 2) = Reduce(a02);
        Unsafe.Add(ref sums, 3) = Reduce(a10); Unsafe.Add(ref sums, 4) = Reduce(a11); Unsafe.Add(ref sums, 5) = Reduce(a12);
        Unsafe.Add(ref sums, 6) = Reduce(a20); Unsafe.Add(ref sums, 7) = Reduce(a21); Unsafe.Add(ref sums, 8) = Reduce(a22);
        Unsafe.Add(ref sums, 9) = Reduce(a30); Unsafe.Add(ref sums, 10) = Reduce(a31); Unsafe.Add(ref sums, 11) = Reduce(a32);
    }

    private static float Dot(ref float a, ref float b, int length)
    {
        TV sum = TS.Create(0f);
        for (int j = 0; j < length; j += TS.Count) sum = TS.MultiplyAdd(TS.Load(ref a, (nuint)j), TS.Load(ref b, (nuint)j), sum);
        return Reduce(sum);
    }

    /// <summary>Copies compact rows of <paramref name="width"/> into rows of <paramref name="stride"/> with zeroed padding.</summary>
    public static void Pad(ref float compact, ref float padded, int rows, int width, int stride) =>
        Pad(ref compact, ref padded, rows, width, stride, width);

    /// <summary>The same from rows of <paramref name="compactStride"/> floats (one group's columns of a wider
    /// gradient).</summary>
    public static void Pad(ref float compact, ref float padded, int rows, int width, int stride, int compactStride)
    {
        for (int r = 0; r < rows; r++)
        {
            var target = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Unsafe.Add(ref padded, r * stride), stride);
            System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref compact, r * compactStride), width).CopyTo(target);
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
