using System;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>
/// Training steps whose bits do not depend on the thread count run on whichever of one thread and every core the
/// clock finds faster (ThreadCountTuner, issue 11): the trial alternates the two, keeps the one that took less time and trials
/// again later; and whatever it picks, such a model trains to one thread's bits, its reported loss included.
/// </summary>
public class ThreadCountTunerTests
{
    private const int Trial = 2 + 2 * ThreadCountTuner.TimedSteps;

    /// <summary>Runs <paramref name="steps"/> steps of <paramref name="samples"/>, each timed as
    /// <paramref name="oneThread"/> or <paramref name="allCores"/> ticks; returns the choices made.</summary>
    private static bool[] Steps(ThreadCountTuner tuner, int samples, int steps, Func<int, long> oneThread, Func<int, long> allCores)
    {
        var choices = new bool[steps];
        for (int s = 0; s < steps; s++)
        {
            choices[s] = tuner.OnOneThread(samples);
            tuner.Record(choices[s] ? oneThread(s) : allCores(s));
        }
        return choices;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trial_alternates_the_two_then_keeps_the_faster_until_the_next_trial(bool oneThreadFaster)
    {
        var tuner = new ThreadCountTuner();
        var choices = Steps(tuner, 32, 2 * (Trial + ThreadCountTuner.SettledSteps), _ => oneThreadFaster ? 100 : 300, _ => 200);
        for (int cycle = 0; cycle < 2; cycle++)
        {
            int first = cycle * (Trial + ThreadCountTuner.SettledSteps);
            for (int s = 0; s < Trial; s++) Assert.True(choices[first + s] == (s % 2 == 1), $"trial step {s} of cycle {cycle}");
            for (int s = Trial; s < Trial + ThreadCountTuner.SettledSteps; s++)
                Assert.True(choices[first + s] == oneThreadFaster, $"settled step {s} of cycle {cycle}");
        }
    }

    [Fact]
    public void The_warm_up_steps_are_not_timed_and_the_total_of_the_timed_ones_decides()
    {
        // Every core's timed steps (2, 4, …, 10) are faster but one, which is slow enough to lose in total (560 against
        // 500 ticks): the occasional slow step is what sharing cores costs. One thread's warm-up step (1) is not timed.
        var choices = Steps(new ThreadCountTuner(), 32, Trial + 1, s => s == 1 ? 1_000_000 : 100, s => s == 10 ? 200 : 90);
        Assert.True(choices[Trial], "one thread took 500 ticks in total, every core 560");
        var faster = Steps(new ThreadCountTuner(), 32, Trial + 1, s => s == 1 ? 1_000_000 : 100, _ => 90);
        Assert.False(faster[Trial], "every core took 450 ticks in total, one thread 500");
    }

    [Fact]
    public void Each_batch_size_has_its_own_trial_up_to_a_limit_and_others_keep_every_core()
    {
        var tuner = new ThreadCountTuner();
        // Seven main sizes and the last batch's 7 fill the table.
        for (int size = 0; size < ThreadCountTuner.MaxBatchSizes - 1; size++)
        {
            // A Fit's smaller last batch between two steps of the main one does not restart the main one's trial.
            Steps(tuner, 100 + size, Trial - 1, _ => 100, _ => 200);
            Steps(tuner, 7, 1, _ => 100, _ => 200);
            Assert.True(Steps(tuner, 100 + size, 2, _ => 100, _ => 200)[1], $"batch size {100 + size} settled on one thread");
        }
        Assert.All(Steps(tuner, 999, Trial + 5, _ => 100, _ => 200), oneThread => Assert.False(oneThread));
    }

    [Fact]
    public void Only_steps_that_cut_free_are_tuned()
    {
        var free = (IDifferentiableModel)new RowSplitFusedNet(1);
        var trainer = new Trainer(free, free.TrainingSpec);
        Assert.True(trainer.CutFree(32, 2), "a Dense model without dropout, 16 samples a chunk");
        Assert.False(trainer.CutFree(80, 2), "40 samples a chunk run in two rounds of the 32-sample memory");
        var dropout = (IDifferentiableModel)new ParallelDropoutNet(1);
        Assert.True(dropout.TrainingSpec.Stochastic);
        Assert.True(dropout.TrainingSpec.ActivityRegularized);
        Assert.False(new Trainer(dropout, dropout.TrainingSpec).CutFree(16, 2), "dropout draws a stream per chunk");
        var conv = (IDifferentiableModel)new ParallelConvNet(1);
        Assert.False(new Trainer(conv, conv.TrainingSpec).CutFree(16, 2), "a convolution's gradient is cut by samples");
        Assert.False(free.TrainingSpec.Stochastic);
        Assert.False(free.TrainingSpec.ActivityRegularized);
    }

    [Fact]
    public void A_model_that_cuts_free_trains_to_one_thread_s_bits_loss_included_through_trials()
    {
        // 40 steps: the first trial's twelve alternate one thread and two cores, the rest follow the clock.
        static (float[][] Weights, float[] Losses) Train(int degree)
        {
            var model = new RowSplitFusedNet(3) { MaxDegreeOfParallelism = degree };
            var losses = new float[40];
            for (int s = 0; s < losses.Length; s++)
                losses[s] = model.TrainOnBatch(TestData.Uniform(32 * 300, 10 + s), TestData.OneHot(32, 11, 20 + s));
            return (model.GetWeights(), losses);
        }
        var one = Train(1);
        var two = Train(2);
        for (int s = 0; s < one.Losses.Length; s++)
            Assert.True(BitConverter.SingleToInt32Bits(one.Losses[s]) == BitConverter.SingleToInt32Bits(two.Losses[s]),
                $"step {s}: loss {two.Losses[s]:R} on two cores, {one.Losses[s]:R} on one thread");
        for (int w = 0; w < one.Weights.Length; w++)
            for (int i = 0; i < one.Weights[w].Length; i++)
                Assert.True(BitConverter.SingleToInt32Bits(one.Weights[w][i]) == BitConverter.SingleToInt32Bits(two.Weights[w][i]),
                    $"weight {w}[{i}]: {two.Weights[w][i]:R} on two cores, {one.Weights[w][i]:R} on one thread");
    }
}
