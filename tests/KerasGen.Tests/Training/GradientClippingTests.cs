using KerasGen.Tests.Support;
using System;
using System.Linq;
using KerasGen.Tests.Models;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>[Compile(ClipNorm | ClipValue | GlobalClipNorm)] reaches the optimizer with the model's variables: with
/// SGD at learning rate 1 and large targets, one step moves each weight by minus its clipped gradient.</summary>
public class GradientClippingTests
{
    private static readonly float[] X = Enumerable.Range(0, 8 * 4).Select(i => MathF.Sin(i)).ToArray();
    private static readonly float[] Y = Enumerable.Range(0, 8 * 3).Select(i => 50f + i).ToArray(); // far off: gradients well above the thresholds

    private static float[][] Steps(ITrainableModel model)
    {
        var before = model.GetWeights();
        model.TrainOnBatch(X, Y);
        return model.GetWeights().Select((w, s) => w.Select((v, i) => v - before[s][i]).ToArray()).ToArray();
    }

    private static double Norm(float[] values) => Math.Sqrt(values.Sum(v => (double)v * v));

    [Fact]
    public void ClipNorm_bounds_every_weight_s_step_by_its_own_norm()
    {
        var steps = Steps(new ClipNormNet(1));
        Assert.Equal(4, steps.Length);
        Assert.All(steps, s => Assert.InRange(Norm(s), 0.999e-3, 1.001e-3)); // each variable is clipped to exactly 1e-3
    }

    [Fact]
    public void GlobalClipNorm_bounds_all_steps_together()
    {
        var steps = Steps(new GlobalClipNormNet(1));
        Assert.InRange(Math.Sqrt(steps.Sum(s => Norm(s) * Norm(s))), 0.999e-3, 1.001e-3);
        Assert.All(steps, s => Assert.True(Norm(s) < 1e-3));
    }

    [Fact]
    public void ClipValue_bounds_every_element()
    {
        var steps = Steps(new ClipValueNet(1)).SelectMany(s => s).ToArray();
        Assert.All(steps, v => Assert.True(Math.Abs(v) <= 1.001e-4, $"step {v}"));
        Assert.Contains(steps, v => Math.Abs(v) > 0.999e-4); // float32 steps of weights near 1 are exact to ~1e-7; the big gradients were clipped, not scaled away
    }

    [Fact]
    public void Clipping_allocates_nothing_per_step()
    {
        ITrainableModel[] models = { new ClipNormNet(2), new ClipValueNet(2), new GlobalClipNormNet(2) };
        Allocations.AssertNone(
            () => { foreach (var m in models) for (int i = 0; i < 40; i++) m.TrainOnBatch(X, Y); },
            () => { foreach (var m in models) for (int i = 0; i < 100; i++) m.TrainOnBatch(X, Y); });
    }
}
