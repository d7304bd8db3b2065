using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasGen.Kernels;

/// <summary>
/// ZeroPadding, Cropping and (nearest) UpSampling over one sample's 1-D or 2-D feature map (a 1-D map has height 1):
/// output cell (oh, ow) copies input cell (⌊(oh + ShiftHeight) / FactorHeight⌋, ⌊(ow + ShiftWidth) / FactorWidth⌋)
/// with all its channels, or is zero where that lies outside the input. Padding shifts by −before, cropping by +start,
/// upsampling divides by the size.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Resampling(
    int InHeight, int InWidth, int OutHeight, int OutWidth, int Channels,
    int ShiftHeight, int ShiftWidth, int FactorHeight, int FactorWidth, bool ChannelsFirst)
{
    private int InSize => InHeight * InWidth * Channels;
    private int OutSize => OutHeight * OutWidth * Channels;

    /// <summary>The input row or column an output one reads, or −1 for a padding cell.</summary>
    private static int Source(int output, int shift, int factor, int length)
    {
        int shifted = output + shift;
        int source = shifted < 0 ? -1 : shifted / factor;
        return source < length ? source : -1;
    }

    /// <summary>Offsets of cell (h, w) of channel 0, and the channel stride, in either data format.</summary>
    private (int Cell, int Channel) Offset(int h, int w, int height, int width) =>
        ChannelsFirst ? (h * width + w, height * width) : ((h * width + w) * Channels, 1);

    public void Forward(ref float x, ref float y, int samples)
    {
        for (int s = 0; s < samples; s++)
        {
            ref float input = ref Unsafe.Add(ref x, s * InSize);
            ref float output = ref Unsafe.Add(ref y, s * OutSize);
            for (int oh = 0; oh < OutHeight; oh++)
            {
                int ih = Source(oh, ShiftHeight, FactorHeight, InHeight);
                for (int ow = 0; ow < OutWidth; ow++)
                {
                    int iw = Source(ow, ShiftWidth, FactorWidth, InWidth);
                    var (to, toStride) = Offset(oh, ow, OutHeight, OutWidth);
                    if (ih < 0 || iw < 0)
                    {
                        for (int c = 0; c < Channels; c++) Unsafe.Add(ref output, to + c * toStride) = 0f;
                        continue;
                    }
                    var (from, fromStride) = Offset(ih, iw, InHeight, InWidth);
                    for (int c = 0; c < Channels; c++) Unsafe.Add(ref output, to + c * toStride) = Unsafe.Add(ref input, from + c * fromStride);
                }
            }
        }
    }

    /// <summary>dx[cell] = the sum of dy over the output cells that copied it (UpSampling's repeats add up).
    /// Overwrites dx.</summary>
    public void Backward(ref float dy, ref float dx, int samples)
    {
        MemoryMarshal.CreateSpan(ref dx, samples * InSize).Clear();
        for (int s = 0; s < samples; s++)
        {
            ref float gradient = ref Unsafe.Add(ref dx, s * InSize);
            ref float outputGradient = ref Unsafe.Add(ref dy, s * OutSize);
            for (int oh = 0; oh < OutHeight; oh++)
            {
                int ih = Source(oh, ShiftHeight, FactorHeight, InHeight);
                if (ih < 0) continue;
                for (int ow = 0; ow < OutWidth; ow++)
                {
                    int iw = Source(ow, ShiftWidth, FactorWidth, InWidth);
                    if (iw < 0) continue;
                    var (to, toStride) = Offset(oh, ow, OutHeight, OutWidth);
                    var (from, fromStride) = Offset(ih, iw, InHeight, InWidth);
                    for (int c = 0; c < Channels; c++) Unsafe.Add(ref gradient, from + c * fromStride) += Unsafe.Add(ref outputGradient, to + c * toStride);
                }
            }
        }
    }
}
