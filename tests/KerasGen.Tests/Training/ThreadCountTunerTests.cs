using System;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Threading;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>
/// Training steps whose bits do not depend on the thread count run on whichever of one thread and every core the
/// clock finds faster (ThreadCountTuner, issue 11): a trial runs blocks of consecutive steps of each, times all but
/// each block's first, keeps the one that took less time and trials again later; and whatever it picks, such a model
/// trains to one thread's bits, its reported loss included.
/// </summary>
public class ThreadCountTunerTests
{
    private const int Trial = ThreadCountTuner.TrialSteps, Block = ThreadCountTuner.BlockSteps;

    /// <summary>Runs <paramref name="steps"/> steps of <paramref name="samples"/> in <paramref name="chunks"/>, step
    /// s timed as <paramref name="oneThread"/>(s) or <paramref name="allCores"/>(s) ticks; returns the choices.</summary>
    private static bool[] Steps(ThreadCountTuner tuner, int samples, int chunks, int steps, Func<int, long> oneThread, Func<int, long> allCores)
    {
        var choices = new bool[steps];
        for (int s = 0; s < steps; s++)
        {
            choices[s] = tuner.OnOneThread(samples, chunks);
            tuner.Record(choices[s] ? oneThread(s) : allCores(s));
        }
        return choices;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trial_runs_blocks_of_each_then_keeps_the_faster_until_the_next_trial(bool oneThreadFaster)
    {
        var tuner = new ThreadCountTuner();
        var choices = Steps(tuner, 32, 2, 2 * (Trial + ThreadCountTuner.SettledSteps), _ => oneThreadFaster ? 100 : 300, _ => 200);
        for (int cycle = 0; cycle < 2; cycle++)
        {
            int first = cycle * (Trial + ThreadCountTuner.SettledSteps);
            for (int s = 0; s < Trial; s++) Assert.True(choices[first + s] == (s / Block % 2 == 1), $"trial step {s} of cycle {cycle}");
            for (int s = Trial; s < Trial + ThreadCountTuner.SettledSteps; s++)
                Assert.True(choices[first + s] == oneThreadFaster, $"settled step {s} of cycle {cycle}");
        }
    }

    [Fact]
    public void A_block_s_first_step_is_not_timed_and_the_total_of_the_timed_ones_decides()
    {
        // One thread's blocks start at steps Block and 3 Block; those first steps pay for the switch and are not timed.
        // Every core is faster on all its timed steps but one, which is slow enough to lose in total (50 ticks more
        // than one thread's): the occasional slow step is what sharing cores costs.
        int timed = 2 * (Block - 1), slow = 90 + timed * 10 + 50;
        long OneThread(int s) => s == Block || s == 3 * Block ? 1_000_000 : 100;
        var choices = Steps(new ThreadCountTuner(), 32, 2, Trial + 1, OneThread, s => s == 2 * Block + 2 ? slow : 90);
        Assert.True(choices[Trial], $"one thread took {timed * 100} ticks in total, every core {timed * 100 + 50}");
        var faster = Steps(new ThreadCountTuner(), 32, 2, Trial + 1, OneThread, _ => 90);
        Assert.False(faster[Trial], $"every core took {timed * 90} ticks in total, one thread {timed * 100}");
    }

    [Fact]
    public void Each_batch_size_and_chunk_count_has_its_own_trial_up_to_a_limit_and_others_keep_every_core()
    {
        var tuner = new ThreadCountTuner();
        // Six main sizes, the last batch's 7 and one size at another chunk count fill the table.
        for (int size = 0; size < ThreadCountTuner.MaxTrials - 2; size++)
        {
            // A Fit's smaller last batch between two steps of the main one does not restart the main one's trial.
            Steps(tuner, 100 + size, 2, Trial - 1, _ => 100, _ => 200);
            Steps(tuner, 7, 2, 1, _ => 100, _ => 200);
            Assert.True(Steps(tuner, 100 + size, 2, 2, _ => 100, _ => 200)[1], $"batch size {100 + size} settled on one thread");
        }
        // The same batch at another chunk count (MaxDegreeOfParallelism changed) starts a trial of its own.
        Assert.True(Steps(tuner, 100, 3, Trial, _ => 100, _ => 200)[0] == false, "a new trial starts on every core");
        Assert.All(Steps(tuner, 999, 2, Trial + 5, _ => 100, _ => 200), oneThread => Assert.False(oneThread));
    }

    [Fact]
    public void Only_steps_that_cut_free_are_tuned()
    {
        static Trainer For(object model) => new((IDifferentiableModel)model, ((IDifferentiableModel)model).TrainingSpec);
        var free = For(new RowSplitFusedNet(1));
        Assert.True(free.CutFree(32, 2), "a Dense model without dropout, 16 samples a chunk");
        Assert.False(free.CutFree(80, 2), "40 samples a chunk run in two rounds of the 32-sample memory");
        Assert.True(((IDifferentiableModel)new RowSplitFusedNet(1)).TrainingSpec.ChunkIndependent);

        Assert.IsAssignableFrom<IRowSplitGradients>(new RowSplitDropoutNet(1));
        Assert.False(((IDifferentiableModel)new RowSplitDropoutNet(1)).TrainingSpec.ChunkIndependent, "Dropout draws a stream per chunk");
        Assert.False(For(new RowSplitDropoutNet(1)).CutFree(32, 2));
        Assert.IsAssignableFrom<IRowSplitGradients>(new GradActivityDense(1));
        Assert.False(((IDifferentiableModel)new GradActivityDense(1)).TrainingSpec.ChunkIndependent, "activity penalties are summed per chunk");
        Assert.False(For(new GradActivityDense(1)).CutFree(32, 2));
        Assert.IsAssignableFrom<IRowSplitGradients>(new LossHinge(1));
        Assert.True(For(new LossHinge(1)).CutFree(32, 2), "hinge judges its {0, 1} labels over the whole batch");
        Assert.False(For(new ParallelConvNet(1)).CutFree(16, 2), "a convolution's gradient is cut by samples");
    }

    [Fact]
    public void Training_steps_consult_the_tuner_only_when_they_cut_free()
    {
        // Both batches are cut into two chunks of at most 32, the training memory's size.
        static Trainer Trained(IDifferentiableModel model, int batch)
        {
            model.MaxDegreeOfParallelism = 2;
            var spec = model.TrainingSpec;
            Assert.Equal(2, Parallelism.Chunks(batch, 2, 3 * spec.MultiplyAddsPerSample));
            var trainer = new Trainer(model, spec);
            trainer.TrainOnBatch(TestData.Uniform(batch * spec.InputSize, 1), TestData.OneHot(batch, spec.OutputSize, 2));
            return trainer;
        }
        Assert.True(Trained(new RowSplitFusedNet(1), 32).ThreadCount.Tunes(32, 2), "a cut-free step starts a trial");
        Assert.False(Trained(new RowSplitDropoutNet(1), 64).ThreadCount.Tunes(64, 2), "a dropout step keeps every core");
    }

    [Theory]
    [InlineData("fused Adam", 32)]
    [InlineData("fused Adam, two sub-batches on one thread", 64)]
    [InlineData("AdamW with an L2 kernel penalty", 32)]
    [InlineData("clipped Nesterov SGD", 48)]
    public void A_model_that_cuts_free_trains_to_one_thread_s_bits_loss_included_through_trials(string model, int batch)
    {
        // The first trial's blocks of one thread and two cores, then steps that follow the clock.
        (float[][] Weights, float[] Losses) Train(int degree)
        {
            ITrainableModel m = model.StartsWith("fused", StringComparison.Ordinal) ? new RowSplitFusedNet(3)
                : model.StartsWith("AdamW", StringComparison.Ordinal) ? new RowSplitNet(3) : new RowSplitClippedNet(3);
            m.MaxDegreeOfParallelism = degree;
            var spec = ((IDifferentiableModel)m).TrainingSpec;
            if (degree > 1) Assert.Equal(2, Parallelism.Chunks(batch, degree, 3 * spec.MultiplyAddsPerSample));
            int classes = spec.OutputSize;
            var losses = new float[Trial + 8];
            for (int s = 0; s < losses.Length; s++)
                losses[s] = m.TrainOnBatch(TestData.Uniform(batch * spec.InputSize, 10 + s), TestData.OneHot(batch, classes, 20 + s));
            return (m.GetWeights(), losses);
        }
        var one = Train(1);
        var two = Train(2);
        for (int s = 0; s < one.Losses.Length; s++)
            Assert.True(BitConverter.SingleToInt32Bits(one.Losses[s]) == BitConverter.SingleToInt32Bits(two.Losses[s]),
                $"{model}, step {s}: loss {two.Losses[s]:R} on two cores, {one.Losses[s]:R} on one thread");
        for (int w = 0; w < one.Weights.Length; w++)
            for (int i = 0; i < one.Weights[w].Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(one.Weights[w][i]) == BitConverter.SingleToInt32Bits(two.Weights[w][i]),
                    $"{model}: weight {w}[{i}] is {two.Weights[w][i]:R} on two cores, {one.Weights[w][i]:R} on one thread");
    }
}
