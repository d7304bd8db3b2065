using System;

namespace KerasGen.Benchmarks;

internal static class Check
{
    /// <summary>Peers must compute the same function before they are timed: fail loudly above 1e-4.</summary>
    public static void Same(string peer, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(expected[i]))))
                throw new InvalidOperationException($"{peer} disagrees with KerasGen at output {i}: {actual[i]} vs {expected[i]}.");
    }

    public static float[] Random(int length, int seed, float scale = 1)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        return values;
    }
}
