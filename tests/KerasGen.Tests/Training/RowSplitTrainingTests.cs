using System;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Training;
using KerasGen.Training.Optimizers;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>
/// Data-parallel training that cuts a Dense model's weight gradient by kernel rows (IRowSplitGradients, issue 11):
/// every element of the gradient sums the batch's samples in order, whichever core sums which rows, so a batch whose
/// chunks each fit the training memory gives one thread's bits on any number of cores; each core then updates its
/// rows, which gives the whole step's bits too.
/// </summary>
public class RowSplitTrainingTests
{
    private static float[] Data(int length, int seed) => TestData.Uniform(length, seed);

    private static float[] OneHot(int samples, int classes, int seed) => TestData.OneHot(samples, classes, seed);

    private static (float[][] Weights, float[] Losses) Train<TModel>(Func<TModel> create, int degree, int inputs, int classes, int batch, int steps)
        where TModel : ITrainableModel
    {
        var model = create();
        model.MaxDegreeOfParallelism = degree;
        var losses = new float[steps];
        for (int s = 0; s < steps; s++)
            losses[s] = model.TrainOnBatch(Data(batch * inputs, 10 + s), OneHot(batch, classes, 20 + s));
        return (model.GetWeights(), losses);
    }

    private static void SameBits((float[][] Weights, float[] Losses) a, (float[][] Weights, float[] Losses) b, string what)
    {
        // The loss sums each chunk's rows, then the chunks: rounding may differ in the last bit; the gradient does not.
        for (int s = 0; s < a.Losses.Length; s++) Assert.Equal(a.Losses[s], b.Losses[s], 1e-6f * Math.Max(1, Math.Abs(a.Losses[s])));
        for (int w = 0; w < a.Weights.Length; w++)
            for (int i = 0; i < a.Weights[w].Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(a.Weights[w][i]) == BitConverter.SingleToInt32Bits(b.Weights[w][i]),
                    $"{what}: weight {w}[{i}] is {b.Weights[w][i]:R}, one thread gave {a.Weights[w][i]:R}");
    }

    [Fact]
    public void Dense_models_split_their_weight_gradient_by_rows_and_others_by_samples()
    {
        Assert.IsAssignableFrom<IRowSplitGradients>(new RowSplitNet(1));
        Assert.IsAssignableFrom<IRowSplitGradients>(new ParallelMlp(1));
        Assert.False(new ParallelConvNet(1) is IRowSplitGradients, "a convolution's gradient is split by samples");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_batch_trains_to_one_thread_s_bits_on_any_number_of_cores(int degree)
    {
        // 32 samples in 2 or 3 chunks of at most 16, each within the 32-sample training memory: one round.
        var one = Train(() => new RowSplitNet(5), 1, 300, 11, 32, 4);
        SameBits(one, Train(() => new RowSplitNet(5), degree, 300, 11, 32, 4), $"{degree} cores, AdamW");
        var clippedOne = Train(() => new RowSplitClippedNet(5), 1, 400, 3, 48, 4);
        SameBits(clippedOne, Train(() => new RowSplitClippedNet(5), degree, 400, 3, 48, 4), $"{degree} cores, clipped SGD");
        var fusedOne = Train(() => new RowSplitFusedNet(5), 1, 300, 11, 32, 4);
        SameBits(fusedOne, Train(() => new RowSplitFusedNet(5), degree, 300, 11, 32, 4), $"{degree} cores, Adam stepped part by part with the gradient");
    }

    [Fact]
    public void A_dense_on_steps_trains_to_one_thread_s_bits_on_two_cores()
    {
        Assert.IsAssignableFrom<IRowSplitGradients>(new RowSplitStepsNet(1));
        SameBits(Train(() => new RowSplitStepsNet(3), 1, 800, 5, 32, 3), Train(() => new RowSplitStepsNet(3), 2, 800, 5, 32, 3), "Dense on (8, 100)");
    }

    /// <summary>100 samples on two cores: chunks of 50, each run in rounds of 32 and 18 through the training memory.
    /// The rows then add the samples in another order than one thread does: the same to rounding, and the same bits
    /// every time.</summary>
    /// <remarks>RowSplitFusedNet steps each part after the last round only.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_batch_larger_than_the_training_memory_runs_in_rounds(bool fused)
    {
        Func<ITrainableModel> create = fused ? () => new RowSplitFusedNet(5) : () => new RowSplitNet(5);
        var one = Train(create, 1, 300, 11, 100, 3);
        var two = Train(create, 2, 300, 11, 100, 3);
        SameBits(two, Train(create, 2, 300, 11, 100, 3), "2 cores, twice");
        for (int s = 0; s < one.Losses.Length; s++) Assert.Equal(one.Losses[s], two.Losses[s], 1e-5f);
        for (int w = 0; w < one.Weights.Length; w++)
            for (int i = 0; i < one.Weights[w].Length; i++)
                Assert.True(Math.Abs(one.Weights[w][i] - two.Weights[w][i]) <= 1e-5f, $"weight {w}[{i}]: {two.Weights[w][i]} against one thread's {one.Weights[w][i]}");
    }

    /// <summary>A part written over (a row split's first sub-batch) holds the bits of a part cleared and added to: every
    /// float is written, kernel rows, bias rows and padding alike, so a gradient full of NaN leaves none behind.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Overwriting_a_part_gives_the_bits_of_adding_to_a_cleared_one(int parts)
    {
        var model = new RowSplitNet(3);
        IDifferentiableModel differentiable = model;
        IRowSplitGradients rows = model;
        const int samples = 13; // an 8-row block, a 4-row block and a leftover row of the batch
        var memory = new float[differentiable.TrainingMemorySize];
        differentiable.ForwardBatch(memory, Data(samples * 300, 4), samples, null);
        rows.BackwardInputs(memory, Data(samples * 11, 5), samples, false, samples);
        int size = differentiable.WeightBuffer.Length;
        var added = new float[size];
        var overwritten = Enumerable.Repeat(float.NaN, size).ToArray();
        for (int p = 0; p < parts; p++)
        {
            rows.AccumulateWeightGradients(memory, added, samples, p, parts, overwrite: false);
            rows.AccumulateWeightGradients(memory, overwritten, samples, p, parts, overwrite: true);
        }
        Assert.Contains(added, g => g != 0);
        for (int i = 0; i < size; i++)
            Assert.True(BitConverter.SingleToInt32Bits(added[i]) == BitConverter.SingleToInt32Bits(overwritten[i]),
                $"{parts} parts: gradient [{i}] written over is {overwritten[i]:R}, cleared and added {added[i]:R}");
        // And a second sub-batch adds to what the first wrote: about twice it (sums with cancellation round
        // differently when started from the first sum), far from the first sum alone.
        var twice = (float[])added.Clone();
        for (int p = 0; p < parts; p++) rows.AccumulateWeightGradients(memory, twice, samples, p, parts, overwrite: false);
        for (int i = 0; i < size; i++)
            Assert.True(Math.Abs(twice[i] - 2 * added[i]) <= 0.01f * Math.Abs(added[i]), $"gradient [{i}] after two sub-batches is {twice[i]:R}, not about twice {added[i]:R}");
    }

    [Fact]
    public void The_parts_cover_every_weight_once_on_row_boundaries()
    {
        IRowSplitGradients model = new RowSplitNet(1);
        int size = ((IDifferentiableModel)model).WeightBuffer.Length;
        // The blocks: 300 kernel rows + bias of 272 floats, 257 rows of 48 (no bias), 35 rows + bias of 16.
        int[] boundaries = { 0, 301 * 272, 301 * 272 + 257 * 48, size };
        int[] strides = { 272, 48, 16 };
        for (int parts = 1; parts <= 7; parts++)
        {
            int next = 0;
            for (int p = 0; p < parts; p++)
            {
                var (start, end) = model.WeightPart(p, parts);
                Assert.Equal(next, start);
                Assert.True(end >= start, $"part {p} of {parts} runs backwards");
                foreach (int cut in new[] { start, end })
                {
                    int block = Array.FindLastIndex(boundaries, b => b <= cut);
                    Assert.True(cut == size || (cut - boundaries[block]) % strides[block] == 0, $"cut {cut} of {parts} parts is inside a row");
                }
                next = end;
            }
            Assert.Equal(size, next);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WeightPart(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WeightPart(0, 0));
    }

    [Fact]
    public void The_rows_of_a_block_inside_a_range_are_clamped_to_the_block()
    {
        Assert.Equal((0, 0), WeightRows.Rows(0, 100, 200, 10, 16)); // the range ends before the block
        Assert.Equal((0, 10), WeightRows.Rows(0, 1000, 200, 10, 16)); // covers it
        Assert.Equal((2, 5), WeightRows.Rows(232, 280, 200, 10, 16));
        Assert.Equal((10, 10), WeightRows.Rows(400, 500, 200, 10, 16)); // starts after it
    }

    /// <summary>Every rule, cut into uneven ranges (Optimizer.StepRange), gives the whole step's bits, state and all,
    /// over several steps (Nadam's momentum product moves once per step, not once per range).</summary>
    [Theory]
    [InlineData("sgd")]
    [InlineData("sgd-momentum")]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("amsgrad")]
    [InlineData("rmsprop")]
    [InlineData("rmsprop-centered")]
    [InlineData("adagrad")]
    [InlineData("adadelta")]
    [InlineData("adamax")]
    [InlineData("nadam")]
    public void A_step_in_ranges_is_the_whole_step(string rule)
    {
        OptimizerSettings Settings() => rule switch
        {
            "sgd-momentum" => new OptimizerSettings("sgd", Momentum: 0.9f, Nesterov: true, WeightDecay: 0.01f),
            "amsgrad" => new OptimizerSettings("adam", Amsgrad: true),
            "rmsprop-centered" => new OptimizerSettings("rmsprop", Momentum: 0.5f, Centered: true),
            _ => new OptimizerSettings(rule),
        };
        var whole = Optimizer.Create(Settings());
        var cut = Optimizer.Create(Settings());
        Assert.True(cut.StepsInRanges);
        var variables = new[] { (0, 40), (48, 70) }; // the floats between are padding: no decay there, as Step
        whole.SetVariables(variables);
        cut.SetVariables(variables);
        var a = Data(118, 1);
        var b = a.ToArray();
        int[] cuts = { 0, 16, 19, 64, 118 };
        for (int step = 0; step < 4; step++)
        {
            var g = Data(118, 2 + step);
            whole.Step(a, g);
            cut.BeginStep(b.Length);
            for (int r = cuts.Length - 2; r >= 0; r--) cut.StepRange(b, g, cuts[r], cuts[r + 1] - cuts[r]); // any order
            cut.EndStep();
            Assert.Equal(whole.Iterations, cut.Iterations);
            for (int i = 0; i < a.Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(a[i]) == BitConverter.SingleToInt32Bits(b[i]), $"{rule}, step {step + 1}, weight {i}: {b[i]:R} against {a[i]:R}");
        }
    }

    [Fact]
    public void A_clipping_optimizer_refuses_a_step_in_ranges()
    {
        var optimizer = Optimizer.Create(new OptimizerSettings("sgd", ClipNorm: 1f));
        Assert.False(optimizer.StepsInRanges);
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.BeginStep(10));
        Assert.Contains("clipping", error.Message);
    }
}
