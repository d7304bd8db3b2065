using System;
using Xunit.Sdk;

namespace KerasGen.Tests.Support;

internal static class Tolerance
{
    /// <summary>Asserts |actual − expected| ≤ absolute + relative·|expected| element-wise, naming the first index that
    /// is off.</summary>
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double absolute, double relative, string what = "")
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: expected {expected.Length} values, got {actual.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs((double)actual[i] - expected[i]);
            if (!(error <= absolute + relative * Math.Abs(expected[i])))
                throw new XunitException($"{what}: value {i} is {actual[i]:R}, expected {expected[i]:R} (error {error:G3}).");
        }
    }

    /// <summary>Keras-vs-KerasGen: float32 results of different (but equally valid) summation orders and libm.</summary>
    public static void AssertKeras(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what = "") =>
        AssertClose(expected, actual, 2e-6, 2e-5, what);
}
