using System.ComponentModel;

namespace KerasGen.Kernels;

/// <summary>
/// A sliding window over a channels_last feature map of one sample (a 1-D layer has height 1): input and output
/// sizes, the window, its strides and dilation, and the zero padding before the first row and column. Output cell
/// (oh, ow) reads input rows <c>oh·StrideHeight + i·DilationHeight − PadTop</c> for window row i, and likewise for
/// columns; cells outside the input are padding. A grouped convolution's windows read <see cref="GroupChannels"/>
/// of the channels, one group at a time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct WindowGeometry(
    int InHeight, int InWidth, int Channels,
    int OutHeight, int OutWidth,
    int WindowHeight, int WindowWidth,
    int StrideHeight, int StrideWidth,
    int DilationHeight, int DilationWidth,
    int PadTop, int PadLeft,
    int Groups = 1)
{
    public int InSize => InHeight * InWidth * Channels;
    public int OutPositions => OutHeight * OutWidth;

    /// <summary>Channels one group's window reads.</summary>
    public int GroupChannels => Channels / Groups;

    /// <summary>Floats in one im2col row: the window's cells times one group's channels.</summary>
    public int PatchSize => WindowHeight * WindowWidth * GroupChannels;
}
