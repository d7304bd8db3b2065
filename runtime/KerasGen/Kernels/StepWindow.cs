using System;
using System.ComponentModel;

namespace KerasGen.Kernels;

/// <summary>
/// A 1-D sliding window (Conv1D, pooling) over a sequence whose length is known only when Predict is called (a
/// model whose input steps are None): Keras' output length and padding for the run-time length, the same rule the
/// generator applies to known lengths (KERAS_SPEC §1.1: same puts the odd cell at the end, causal pads before, full
/// pads dk − 1 on both sides).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StepWindow
{
    public const int Valid = 0, Same = 1, Causal = 2, Full = 3;

    /// <summary>Output steps of a window of <paramref name="window"/> (dilated by <paramref name="dilation"/>) over
    /// <paramref name="steps"/>; 0 or less when the input is too short for a valid window.</summary>
    public static int Output(int steps, int window, int stride, int dilation, int padding, out int padBefore)
    {
        int dk = (window - 1) * dilation + 1;
        padBefore = 0;
        switch (padding)
        {
            case Same:
                int output = (steps + stride - 1) / stride;
                padBefore = Math.Max((output - 1) * stride + dk - steps, 0) / 2;
                return output;
            case Causal:
                padBefore = dk - 1;
                return (steps + stride - 1) / stride;
            case Full:
                padBefore = dk - 1;
                return (steps + dk - 2) / stride + 1;
            default:
                return steps - dk < 0 ? 0 : (steps - dk) / stride + 1;
        }
    }

    /// <summary>Output steps, after checking that the layer has at least one (Keras: "Computed output size would be
    /// zero or negative").</summary>
    public static int Checked(string layer, int steps, int window, int stride, int dilation, int padding)
    {
        int output = Output(steps, window, stride, dilation, padding, out _);
        if (output <= 0)
            throw new ArgumentOutOfRangeException(nameof(steps), steps,
                $"Layer '{layer}' (window {window}, dilation {dilation}, valid padding) needs at least {(window - 1) * dilation + 1} steps; the input has {steps}: Keras' computed output size would be zero or negative.");
        return output;
    }

    /// <summary>The window's geometry for one sample of <paramref name="steps"/> steps of <paramref name="channels"/>
    /// (channels_last, height 1).</summary>
    public static WindowGeometry Geometry(int steps, int channels, int window, int stride, int dilation, int padding, int groups = 1)
    {
        int output = Output(steps, window, stride, dilation, padding, out int padBefore);
        return new WindowGeometry(1, steps, channels, 1, output, 1, window, 1, stride, 1, dilation, 0, padBefore, groups);
    }
}
