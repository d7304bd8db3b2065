using System;
using System.Linq;

namespace KerasGen.Tests.Support;

/// <summary>Seeded inputs and targets for training tests.</summary>
internal static class TestData
{
    /// <summary><paramref name="length"/> values uniform in [−1, 1).</summary>
    public static float[] Uniform(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    /// <summary>One-hot targets: a random class of <paramref name="classes"/> per sample.</summary>
    public static float[] OneHot(int samples, int classes, int seed)
    {
        var y = new float[samples * classes];
        var random = new Random(seed);
        for (int i = 0; i < samples; i++) y[i * classes + random.Next(classes)] = 1;
        return y;
    }
}
