using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasGen.Kernels;

/// <summary>
/// Max and average pooling over channels_last feature maps (KERAS_SPEC §1.7, §1.8), forward and backward. Padding
/// cells never take part: max pooling pads with −∞, and average pooling divides by the window's real cells, as TF
/// and Keras do with <c>same</c>. Global pooling reads a map through strides, so it serves both data formats.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Pooling
{
    /// <summary>y[s, oh, ow, c] = the max (or mean) of the window's real cells of channel c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void Forward(ref float x, ref float y, int samples, in WindowGeometry g, bool max)
    {
        int channels = g.Channels;
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * g.InSize);
            ref float output = ref Unsafe.Add(ref y, s * g.OutPositions * channels);
            for (int oh = 0; oh < g.OutHeight; oh++)
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    var cell = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref output, (oh * g.OutWidth + ow) * channels), channels);
                    cell.Fill(max ? float.NegativeInfinity : 0f);
                    int count = 0;
                    foreach (int offset in new WindowCells(g, oh, ow))
                    {
                        var from = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref input, offset), channels);
                        if (max) for (int c = 0; c < channels; c++) cell[c] = MathF.Max(cell[c], from[c]);
                        else for (int c = 0; c < channels; c++) cell[c] += from[c];
                        count++;
                    }
                    if (!max) for (int c = 0; c < channels; c++) cell[c] /= count;
                }
        }
    }

    /// <summary>dx from dy: max pooling routes each output's gradient to its window's (first) largest cell; average
    /// pooling spreads it evenly over the window's real cells. Overwrites dx.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void Backward(ref float x, ref float dy, ref float dx, int samples, in WindowGeometry g, bool max)
    {
        int channels = g.Channels;
        MemoryMarshal.CreateSpan(ref dx, samples * g.InSize).Clear();
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * g.InSize);
            ref float gradient = ref Unsafe.Add(ref dx, s * g.InSize);
            ref float outputGradient = ref Unsafe.Add(ref dy, s * g.OutPositions * channels);
            for (int oh = 0; oh < g.OutHeight; oh++)
                for (int ow = 0; ow < g.OutWidth; ow++)
                {
                    ref float d = ref Unsafe.Add(ref outputGradient, (oh * g.OutWidth + ow) * channels);
                    var cells = new WindowCells(g, oh, ow);
                    if (max)
                        for (int c = 0; c < channels; c++)
                        {
                            int best = -1;
                            float largest = float.NegativeInfinity;
                            foreach (int offset in cells)
                                if (best < 0 || Unsafe.Add(ref input, offset + c) > largest)
                                    (best, largest) = (offset + c, Unsafe.Add(ref input, offset + c));
                            Unsafe.Add(ref gradient, best) += Unsafe.Add(ref d, c);
                        }
                    else
                    {
                        int count = 0;
                        foreach (int _ in cells) count++;
                        foreach (int offset in cells)
                            for (int c = 0; c < channels; c++) Unsafe.Add(ref gradient, offset + c) += Unsafe.Add(ref d, c) / count;
                    }
                }
        }
    }

    /// <summary>y[s, c] = the max (or mean) over the positions of channel c; element (p, c) of a sample is at
    /// p·positionStride + c·channelStride (channels_last: C and 1; channels_first: 1 and P).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void GlobalForward(ref float x, ref float y, int samples, int positions, int channels, int positionStride, int channelStride, bool max)
    {
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * positions * channels);
            for (int c = 0; c < channels; c++)
            {
                float value = max ? float.NegativeInfinity : 0f;
                for (int p = 0; p < positions; p++)
                {
                    float v = Unsafe.Add(ref input, p * positionStride + c * channelStride);
                    value = max ? MathF.Max(value, v) : value + v;
                }
                Unsafe.Add(ref y, s * channels + c) = max ? value : value / positions;
            }
        }
    }

    /// <summary>dx from dy for global pooling (layout as <see cref="GlobalForward"/>). Overwrites dx.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop kernel: never tier-0, never an on-stack replacement mid-call (issue 11)
    public static void GlobalBackward(ref float x, ref float dy, ref float dx, int samples, int positions, int channels, int positionStride, int channelStride, bool max)
    {
        MemoryMarshal.CreateSpan(ref dx, samples * positions * channels).Clear();
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * positions * channels);
            ref float gradient = ref Unsafe.Add(ref dx, s * positions * channels);
            for (int c = 0; c < channels; c++)
            {
                float d = Unsafe.Add(ref dy, s * channels + c);
                if (max)
                {
                    int best = 0;
                    for (int p = 1; p < positions; p++)
                        if (Unsafe.Add(ref input, p * positionStride + c * channelStride) > Unsafe.Add(ref input, best * positionStride + c * channelStride)) best = p;
                    Unsafe.Add(ref gradient, best * positionStride + c * channelStride) += d;
                }
                else
                    for (int p = 0; p < positions; p++) Unsafe.Add(ref gradient, p * positionStride + c * channelStride) += d / positions;
            }
        }
    }

    /// <summary>The offsets (in floats, from the sample's start) of the real cells in output (oh, ow)'s window.</summary>
    private readonly struct WindowCells
    {
        private readonly WindowGeometry _g;
        private readonly int _oh, _ow;

        public WindowCells(in WindowGeometry g, int oh, int ow) => (_g, _oh, _ow) = (g, oh, ow);

        public Enumerator GetEnumerator() => new(_g, _oh, _ow);

        public struct Enumerator
        {
            private readonly WindowGeometry _g;
            private readonly int _top, _left;
            private int _i, _j;

            public Enumerator(in WindowGeometry g, int oh, int ow)
            {
                _g = g;
                _top = oh * g.StrideHeight - g.PadTop;
                _left = ow * g.StrideWidth - g.PadLeft;
                _i = 0;
                _j = -1;
            }

            public int Current => ((_top + _i * _g.DilationHeight) * _g.InWidth + _left + _j * _g.DilationWidth) * _g.Channels;

            public bool MoveNext()
            {
                while (true)
                {
                    if (++_j == _g.WindowWidth) { _j = 0; _i++; }
                    if (_i >= _g.WindowHeight) return false;
                    int ih = _top + _i * _g.DilationHeight, iw = _left + _j * _g.DilationWidth;
                    if ((uint)ih < (uint)_g.InHeight && (uint)iw < (uint)_g.InWidth) return true;
                }
            }
        }
    }
}
