using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace KerasGen;

/// <summary>Argument checks shared by every generated <c>Predict</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PredictArguments
{
    /// <summary>The number of samples N in <paramref name="xLength"/>, after checking that x holds a positive whole
    /// number of samples and that y holds exactly N outputs. Inlined, so the sizes are constants and the division a
    /// multiplication; the messages are built only on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SampleCount(int xLength, int yLength, int inputSize, int outputSize)
    {
        int samples = xLength / inputSize;
        if (samples == 0 || samples * inputSize != xLength || yLength != samples * outputSize)
            Throw(xLength, yLength, inputSize, outputSize);
        return samples;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int xLength, int yLength, int inputSize, int outputSize)
    {
        if (xLength == 0 || xLength % inputSize != 0)
            throw new ArgumentException(
                $"x must hold a positive whole number of samples of {inputSize} values (InputSize); its length is {xLength}.", "x");
        int samples = xLength / inputSize;
        throw new ArgumentException(
            $"y must hold {samples} × {outputSize} = {samples * outputSize} values (OutputSize per sample) for the {samples} samples in x; its length is {yLength}.", "y");
    }
}
