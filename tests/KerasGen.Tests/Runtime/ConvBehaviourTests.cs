using KerasGen.Tests.Support;
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasGen.Tests.Models;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>What PredictBehaviourTests checks of Dense models, for convolution models: no allocation per call on the
/// single-sample and batch paths (including the im2col scratch), and one instance shared by eight threads.</summary>
public class ConvBehaviourTests
{
    private static float[] RandomInput(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void Conv_predict_allocates_nothing_after_warm_up()
    {
        var conv1d = new Conv1DStackFlattenDense(3);
        var conv2d = new Conv2DChannelsFirstPoolFlattenDense(3);
        var (x1, y1) = (RandomInput(320, 1), new float[3]);
        var (x2, y2) = (RandomInput(64 * 6, 2), new float[60]);
        Allocations.AssertNone(
            () =>
            {
                for (int i = 0; i < 2_000; i++) conv1d.Predict(x1, y1);
                for (int i = 0; i < 300; i++) conv2d.Predict(x2, y2);
            },
            () =>
            {
                for (int i = 0; i < 5_000; i++) conv1d.Predict(x1, y1);
                for (int i = 0; i < 200; i++) conv2d.Predict(x2, y2);
            });
    }

    [Fact]
    public void Eight_threads_on_one_conv_instance_get_the_single_thread_results()
    {
        var model = new Conv2DChannelsFirstPoolFlattenDense(11);
        var inputs = Enumerable.Range(0, 8).Select(t => RandomInput(64 * (t % 2 == 0 ? 1 : 5), 100 + t)).ToArray();
        var expected = inputs.Select(x => { var y = new float[x.Length / 64 * 10]; model.Predict(x, y); return y; }).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var y = new float[expected[t].Length];
            for (int round = 0; round < 50; round++)
            {
                model.Predict(inputs[t], y);
                if (!y.SequenceEqual(expected[t])) throw new InvalidOperationException($"thread {t}, round {round}: results differ");
            }
        });
    }

    [Fact]
    public void The_seeds_convolution_models_have_keras_shapes_and_summaries()
    {
        Assert.Equal("(None, 64, 32, 32)", SeedConv2DChannelsFirst.OutputShape.ToString());
        Assert.Equal(1792, new SeedConv2DChannelsFirst(1).CountParams()); // 3·3·3·64 + 64
        Assert.Equal("(None, 65536)", SeedConv2DFlatten.OutputShape.ToString());
        Assert.Equal("(None, 10, 64)", SeedConv1DLength.OutputShape.ToString());
        string summary = new Conv2DChannelsFirstPoolFlattenDense(1).Summary();
        Assert.Matches(@"│ conv2d \(Conv2D\) +│ \(None, 4, 6, 6\) +│ +40 │", summary);
        Assert.Matches(@"│ max_pooling2d \(MaxPooling2D\) +│ \(None, 4, 3, 3\) +│ +0 │", summary);
        Assert.Matches(@"│ flatten \(Flatten\) +│ \(None, 36\) +│ +0 │", summary);
        Assert.Contains(" Total params: 410 (1.60 KB)", summary);
    }

    [Fact]
    public void A_grouped_convolution_keeps_keras_kernel_layout_and_param_count()
    {
        var model = new Conv2DGroupsStrides(1);
        // Keras: kernel (3, 2, C/groups = 2, 6) + bias (6,).
        Assert.Equal(3 * 2 * 2 * 6 + 6, model.CountParams());
        var weights = model.GetWeights();
        Assert.Equal(new[] { 72, 6 }, weights.Select(w => w.Length));
        var set = weights.Select((w, i) => Enumerable.Range(0, w.Length).Select(v => v + 1000f * i).ToArray()).ToArray();
        model.SetWeights(set);
        Assert.Equal(set, model.GetWeights());
    }
}
