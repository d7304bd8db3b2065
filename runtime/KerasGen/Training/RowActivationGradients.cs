using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Training;

/// <summary>The backward pass of <see cref="Kernels.RowActivations"/>: rows of the input z, output y and output
/// gradient dy (compact) to the input gradient dz.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowActivationGradients
{
    /// <summary>dz = y ⊙ (dy − Σ dy·y).</summary>
    public static void Softmax(ref float z, ref float y, ref float dy, ref float dz, int rows, int length)
    {
        for (int r = 0; r < rows; r++)
        {
            int o = r * length;
            float dot = 0;
            for (int i = 0; i < length; i++) dot += At(ref dy, o + i) * At(ref y, o + i);
            for (int i = 0; i < length; i++) At(ref dz, o + i) = At(ref y, o + i) * (At(ref dy, o + i) - dot);
        }
    }

    /// <summary>dz = dy − softmax(z)·Σ dy, with softmax(z) = e^y.</summary>
    public static void LogSoftmax(ref float z, ref float y, ref float dy, ref float dz, int rows, int length)
    {
        for (int r = 0; r < rows; r++)
        {
            int o = r * length;
            float sum = 0;
            for (int i = 0; i < length; i++) sum += At(ref dy, o + i);
            for (int i = 0; i < length; i++) At(ref dz, o + i) = At(ref dy, o + i) - MathF.Exp(At(ref y, o + i)) * sum;
        }
    }

    /// <summary>On the support (y &gt; 0): dz = dy − mean of dy over the support; 0 elsewhere.</summary>
    public static void Sparsemax(ref float z, ref float y, ref float dy, ref float dz, int rows, int length)
    {
        for (int r = 0; r < rows; r++)
        {
            int o = r * length, support = 0;
            float sum = 0;
            for (int i = 0; i < length; i++)
                if (At(ref y, o + i) > 0) { sum += At(ref dy, o + i); support++; }
            float mean = support == 0 ? 0 : sum / support;
            for (int i = 0; i < length; i++) At(ref dz, o + i) = At(ref y, o + i) > 0 ? At(ref dy, o + i) - mean : 0f;
        }
    }

    /// <summary>glu: rows of z have <paramref name="length"/> values (halves a, b), rows of dy half of that:
    /// da = dy·σ(b), db = dy·a·σ(b)(1 − σ(b)).</summary>
    public static void Glu(ref float z, ref float y, ref float dy, ref float dz, int rows, int length)
    {
        int half = length / 2;
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < half; i++)
            {
                float a = At(ref z, r * length + i), s = 1f / (1f + MathF.Exp(-At(ref z, r * length + half + i))), g = At(ref dy, r * half + i);
                At(ref dz, r * length + i) = g * s;
                At(ref dz, r * length + half + i) = g * a * s * (1 - s);
            }
        }
    }

    private static ref float At(ref float data, int index) => ref Unsafe.Add(ref data, index);
}
