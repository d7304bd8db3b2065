using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasGen.Kernels;

/// <summary>
/// A Dense kernel packed for Predict's batch path: panels of <see cref="PanelWidth"/> columns, each panel its inputs
/// one after another (panel p, input i at (p·inputs + i)·48), so the block kernels read the weights as one sequential
/// stream instead of one 64-byte piece per row, rows 2 KB apart. Measured on Zen 3 (32 × 784 × 512, the AVX2 4×2
/// block, one stopwatch run): 72–75 GFLOP/s from panels against 44–47 from the rows. The model keeps the packed copy
/// beside its weights and repacks after they change (the generated <c>PackedWeights</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PackedPanels
{
    /// <summary>Columns per panel: three AVX-512 registers, the width of its 4×3 block, and two of AVX2's 4×3 blocks
    /// of three registers (12 accumulators, so the FMA latency is hidden with slack on 16-register machines; 4×2 had
    /// 8, just enough). Measured on Zen 3 (32 × 784 × 512, stopwatch, one process, five rounds): AVX2's 4×3 block
    /// 75–94 GFLOP/s against 70–83 for the 4×2 block on 16-column panels. The generator repeats it
    /// (InferencePanels.PanelWidth).</summary>
    public const int PanelWidth = 48;

    /// <summary>Floats of a kernel of <paramref name="inputs"/> × <paramref name="units"/> in panels.</summary>
    public static int PackedFloats(int inputs, int units) => inputs * ((units + PanelWidth - 1) / PanelWidth * PanelWidth);

    /// <summary>Packs a kernel whose rows are <paramref name="stride"/> floats apart (at least the units; the columns
    /// past the units are the kernel's zero padding). The last panel's columns past the stride are zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(ref float kernel, int inputs, int units, int stride, ref float packed)
    {
        int columns = PackedFloats(1, units);
        for (int j = 0; j < columns; j += PanelWidth)
        {
            ref float panel = ref Unsafe.Add(ref packed, j * inputs);
            int copied = Math.Min(PanelWidth, stride - j);
            for (int i = 0; i < inputs; i++)
            {
                var target = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref panel, i * PanelWidth), PanelWidth);
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref kernel, i * stride + j), copied).CopyTo(target);
                target.Slice(copied).Clear();
            }
        }
    }
}
