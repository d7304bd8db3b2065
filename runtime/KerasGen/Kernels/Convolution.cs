using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasGen.Kernels;

/// <summary>
/// The data movement around a convolution, whose arithmetic is the Dense GEMM kernels' (DenseTraining): im2col lays
/// every output position's window out as one row (in Keras' kernel order: window row, window column, channel), so
/// the convolution is <c>columns · kernel</c>; col2im adds the columns' gradient back onto the input's; the
/// transposes move channels_first data to channels_last and back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Convolution
{
    /// <summary>cols[s, oh, ow, :] = the window of output (oh, ow) of sample s, with zeros for padding cells; of a
    /// grouped convolution, the window over <paramref name="group"/>'s channels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void Im2Col(ref float x, ref float cols, int samples, in WindowGeometry g, int group = 0)
    {
        int patch = g.PatchSize;
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * g.InSize);
            ref float row = ref Unsafe.Add(ref cols, s * g.OutPositions * patch);
            for (int oh = 0; oh < g.OutHeight; oh++)
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    Window(ref input, ref row, g, oh, ow, group);
                    row = ref Unsafe.Add(ref row, patch);
                }
        }
    }

    /// <summary>One im2col row: the window of output (oh, ow) over one sample's <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    internal static void Window(ref float input, ref float row, in WindowGeometry g, int oh, int ow, int group = 0)
    {
        int channels = g.Channels, read = g.GroupChannels;
        ref float first = ref Unsafe.Add(ref input, group * read);
        int cell = 0, left = ow * g.StrideWidth - g.PadLeft, run = g.WindowWidth * channels;
        // With no dilation and one group, a window row inside the input is one contiguous run of the input row.
        bool contiguous = g.Groups == 1 && g.DilationWidth == 1 && left >= 0 && left + g.WindowWidth <= g.InWidth;
        for (int i = 0; i < g.WindowHeight; i++)
        {
            int ih = oh * g.StrideHeight + i * g.DilationHeight - g.PadTop;
            if (contiguous)
            {
                if ((uint)ih < (uint)g.InHeight) Copy(ref Unsafe.Add(ref first, (ih * g.InWidth + left) * channels), ref Unsafe.Add(ref row, cell), run);
                else Zero(ref Unsafe.Add(ref row, cell), run);
                cell += run;
                continue;
            }
            for (int j = 0; j < g.WindowWidth; j++, cell += read)
            {
                int iw = left + j * g.DilationWidth;
                if ((uint)ih < (uint)g.InHeight && (uint)iw < (uint)g.InWidth) Copy(ref Unsafe.Add(ref first, (ih * g.InWidth + iw) * channels), ref Unsafe.Add(ref row, cell), read);
                else Zero(ref Unsafe.Add(ref row, cell), read);
            }
        }
    }

    /// <summary>A short copy (a window row is often a few floats: memmove's call costs more than the copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ref float from, ref float to, int count)
    {
        if (count > 32)
        {
            MemoryMarshal.CreateReadOnlySpan(ref from, count).CopyTo(MemoryMarshal.CreateSpan(ref to, count));
            return;
        }
        for (int i = 0; i < count; i++) Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Zero(ref float to, int count)
    {
        for (int i = 0; i < count; i++) Unsafe.Add(ref to, i) = 0f;
    }

    /// <summary>dx = the sum, over every window that read an input cell, of that window's column gradient
    /// (padding cells drop out). Overwrites dx's channels of <paramref name="group"/> (all of them with one group),
    /// so the groups of a grouped convolution fill dx one after another.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void Col2Im(ref float dcols, ref float dx, int samples, in WindowGeometry g, int group = 0)
    {
        int channels = g.Channels, read = g.GroupChannels, patch = g.PatchSize;
        if (g.Groups == 1) MemoryMarshal.CreateSpan(ref dx, samples * g.InSize).Clear();
        else
            for (int cell = 0; cell < samples * g.InHeight * g.InWidth; cell++) Zero(ref Unsafe.Add(ref dx, cell * channels + group * read), read);
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref dx, s * g.InSize + group * read);
            ref float row = ref Unsafe.Add(ref dcols, s * g.OutPositions * patch);
            for (int oh = 0; oh < g.OutHeight; oh++)
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    int cell = 0;
                    for (int i = 0; i < g.WindowHeight; i++)
                    {
                        int ih = oh * g.StrideHeight + i * g.DilationHeight - g.PadTop;
                        for (int j = 0; j < g.WindowWidth; j++, cell += read)
                        {
                            int iw = ow * g.StrideWidth + j * g.DilationWidth - g.PadLeft;
                            if ((uint)ih >= (uint)g.InHeight || (uint)iw >= (uint)g.InWidth) continue;
                            ref float target = ref Unsafe.Add(ref input, (ih * g.InWidth + iw) * channels);
                            for (int c = 0; c < read; c++) Unsafe.Add(ref target, c) += Unsafe.Add(ref row, cell + c);
                        }
                    }
                    row = ref Unsafe.Add(ref row, patch);
                }
        }
    }

    /// <summary>y[s, p, c] = x[s, c, p]: channels_first (C, spatial…) to channels_last (spatial…, C).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void ToChannelsLast(ref float x, ref float y, int samples, int channels, int positions)
    {
        for (int s = 0; s < samples; s++)
        {
            ref float from = ref Unsafe.Add(ref x, s * channels * positions);
            ref float to = ref Unsafe.Add(ref y, s * channels * positions);
            for (int c = 0; c < channels; c++)
                for (int p = 0; p < positions; p++)
                    Unsafe.Add(ref to, p * channels + c) = Unsafe.Add(ref from, c * positions + p);
        }
    }

    /// <summary>y[s, c, p] = x[s, p, c]: channels_last back to channels_first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void ToChannelsFirst(ref float x, ref float y, int samples, int channels, int positions)
    {
        for (int s = 0; s < samples; s++)
        {
            ref float from = ref Unsafe.Add(ref x, s * channels * positions);
            ref float to = ref Unsafe.Add(ref y, s * channels * positions);
            for (int p = 0; p < positions; p++)
                for (int c = 0; c < channels; c++)
                    Unsafe.Add(ref to, c * positions + p) = Unsafe.Add(ref from, p * channels + c);
        }
    }
}
