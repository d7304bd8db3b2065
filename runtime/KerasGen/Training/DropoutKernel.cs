using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using KerasGen.Initialization;

namespace KerasGen.Training;

/// <summary>Keras' inverted dropout while training: each value is kept with probability keep = 1 − rate
/// (uniform() &lt; keep) and scaled by 1/keep; the mask (0 or 1/keep) is kept for the backward pass.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DropoutKernel
{
    public static void Forward(ref float x, ref float y, ref float mask, int count, float rate, DeterministicRandom random)
    {
        float keep = 1 - rate, scale = 1 / keep;
        for (int i = 0; i < count; i++)
        {
            float m = random.NextDouble() < keep ? scale : 0f;
            Unsafe.Add(ref mask, i) = m;
            Unsafe.Add(ref y, i) = Unsafe.Add(ref x, i) * m;
        }
    }
}
