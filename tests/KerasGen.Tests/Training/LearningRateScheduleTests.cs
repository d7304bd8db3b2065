using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Training;
using KerasGen.Training.Optimizers;
using KerasGen.Training.Optimizers.Schedules;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>Keras 3's learning-rate schedules at several steps (values worked out by hand from Keras' formulas), their
/// use by the optimizer, and the LearningRateScheduler and ReduceLROnPlateau callbacks.</summary>
public class LearningRateScheduleTests
{
    public static TheoryData<string, long, double> Values() => new()
    {
        { "exponential", 0, 0.1 }, { "exponential", 5, 0.1 * Math.Sqrt(0.5) }, { "exponential", 10, 0.05 }, { "exponential staircase", 25, 0.025 },
        { "inverse time", 10, 0.05 }, { "inverse time", 15, 0.04 }, { "inverse time staircase", 15, 0.05 },
        { "piecewise", 0, 1 }, { "piecewise", 5, 1 }, { "piecewise", 6, 0.5 }, { "piecewise", 10, 0.5 }, { "piecewise", 11, 0.1 },
        { "polynomial", 0, 0.1 }, { "polynomial", 5, 0.055 }, { "polynomial", 10, 0.01 }, { "polynomial", 20, 0.01 }, { "polynomial cycle", 15, 0.0325 }, { "polynomial cycle", 0, 0.1 },
        { "cosine", 0, 0.1 }, { "cosine", 5, 0.05 }, { "cosine", 10, 0 }, { "cosine", 30, 0 }, { "cosine alpha", 10, 0.01 },
        { "cosine warmup", 2, 0.04 }, { "cosine warmup", 5, 0.1 }, { "cosine warmup", 10, 0.05 }, { "cosine warmup", 15, 0 },
    };

    private static LearningRateSchedule Schedule(string name) => name switch
    {
        "exponential" => new ExponentialDecay(0.1f, 10, 0.5f),
        "exponential staircase" => new ExponentialDecay(0.1f, 10, 0.5f, staircase: true),
        "inverse time" => new InverseTimeDecay(0.1f, 10, 1f),
        "inverse time staircase" => new InverseTimeDecay(0.1f, 10, 1f, staircase: true),
        "piecewise" => new PiecewiseConstantDecay(new long[] { 5, 10 }, new[] { 1f, 0.5f, 0.1f }),
        "polynomial" => new PolynomialDecay(0.1f, 10, 0.01f),
        "polynomial cycle" => new PolynomialDecay(0.1f, 10, 0.01f, cycle: true),
        "cosine" => new CosineDecay(0.1f, 10),
        "cosine alpha" => new CosineDecay(0.1f, 10, alpha: 0.1f),
        "cosine warmup" => new CosineDecay(0f, 10, warmupTarget: 0.1f, warmupSteps: 5),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Schedules_follow_Keras_formulas(string schedule, long step, double expected) =>
        Assert.Equal(expected, Schedule(schedule).At(step), 6);

    [Fact]
    public void The_optimizer_takes_each_step_s_rate_from_its_schedule_and_refuses_a_fixed_one()
    {
        var optimizer = Optimizer.Create(new OptimizerSettings("sgd"));
        optimizer.LearningRateSchedule = new ExponentialDecay(0.1f, 1, 0.5f);
        var w = new[] { 0f };
        for (int step = 0; step < 3; step++) optimizer.Step(w, new[] { 1f });
        Assert.Equal(-(0.1 + 0.05 + 0.025), w[0], 6);
        Assert.Equal(0.0125f, optimizer.LearningRate); // the rate of the next step
        Assert.Throws<InvalidOperationException>(() => optimizer.LearningRate = 0.1f);
        Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay(new long[] { 1 }, new[] { 1f }));
    }

    [Fact]
    public void LearningRateScheduler_sets_each_epoch_s_rate()
    {
        var model = new IrisLike(1);
        var rates = new List<float>();
        var printed = new List<string>();
        var recorder = new EpochRates(rates);
        var x = Enumerable.Range(0, 60 * 4).Select(i => MathF.Sin(i)).ToArray();
        var y = Enumerable.Range(0, 60).Select(i => (float)(i % 3)).ToArray();
        model.Fit(x, y, epochs: 3, batchSize: 50, verbose: 0,
            callbacks: new ICallback[] { new LearningRateScheduler((epoch, rate) => 0.1f / (epoch + 1), verbose: 1, print: printed.Add), recorder });
        Assert.Equal(new[] { 0.1f, 0.05f, 0.1f / 3 }, rates);
        Assert.Equal("\nEpoch 2: LearningRateScheduler setting learning rate to 0.05.", printed[1]);
    }

    [Fact]
    public void ReduceLROnPlateau_waits_patience_epochs_reduces_then_cools_down()
    {
        var model = new IrisLike(1);
        var optimizer = ((IDifferentiableModel)model).Optimizer;
        optimizer.LearningRate = 0.1f;
        var printed = new List<string>();
        var callback = new ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 2, verbose: 1, cooldown: 1, print: printed.Add);
        var context = new TrainingContext(model, 10, 1);
        callback.OnTrainBegin(context);
        // 1.0 improves; 0.99995 is within min_delta (no improvement); then plateau.
        double[] losses = { 1.0, 0.99995, 0.99999, 1.0, 1.0, 1.0, 1.0 };
        var rates = new List<float>();
        for (int epoch = 0; epoch < losses.Length; epoch++)
        {
            callback.OnEpochEnd(context, epoch, new[] { new KeyValuePair<string, double>("loss", losses[epoch]) });
            rates.Add(optimizer.LearningRate);
        }
        // Reduced at epoch 3 (two epochs without improvement); as in Keras, the one cooldown epoch (4) ends before its
        // own wait is counted, so epoch 5 reduces again, and so does epoch 7.
        Assert.Equal(new[] { 0.1f, 0.1f, 0.05f, 0.05f, 0.025f, 0.025f, 0.0125f }, rates);
        Assert.Equal($"\nEpoch 3: ReduceLROnPlateau reducing learning rate to {(double)0.1f * 0.5}.", printed[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(factor: 1.0));
    }

    private sealed class EpochRates(List<float> rates) : ICallback
    {
        public void OnEpochBegin(TrainingContext context, int epoch) => rates.Add(((IDifferentiableModel)context.Model).Optimizer.LearningRate);
    }

    /// <summary><c>[Compile(LearningRateSchedule = "…")]</c> builds the same schedule as setting it in code.</summary>
    [Fact]
    public void A_schedule_in_Compile_trains_as_the_same_schedule_set_in_code()
    {
        var x = Enumerable.Range(0, 8 * 4).Select(i => (float)Math.Sin(i)).ToArray();
        var y = Enumerable.Range(0, 8 * 2).Select(i => (float)Math.Cos(i)).ToArray();
        var compiled = new ScheduledInCompile(4);
        var coded = new ScheduledInCode(4);
        coded.Optimizer.LearningRateSchedule = new KerasGen.Training.Optimizers.Schedules.ExponentialDecay(0.1f, 2, 0.5f);
        Assert.Equal(0.1f, compiled.Optimizer.LearningRate);
        for (int step = 0; step < 4; step++)
        {
            compiled.TrainOnBatch(x, y);
            coded.TrainOnBatch(x, y);
        }
        Assert.Equal(0.025f, compiled.Optimizer.LearningRate, 6);
        Assert.Equal(coded.GetWeights(), compiled.GetWeights());
        Assert.Throws<InvalidOperationException>(() => compiled.Optimizer.LearningRate = 0.5f);
    }

    [Fact]
    public void Piecewise_constant_values_from_Compile()
    {
        var model = new PiecewiseInCompile(1);
        var rates = new List<float>();
        var x = new float[4 * 4];
        var y = new float[4 * 2];
        for (int step = 0; step < 6; step++)
        {
            rates.Add(model.Optimizer.LearningRate);
            model.TrainOnBatch(x, y);
        }
        Assert.Equal(new[] { 0.1f, 0.1f, 0.1f, 0.01f, 0.01f, 0.001f }, rates); // step ≤ 2, ≤ 4, then the last value
    }
}

[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2),
 Compile(Loss = "mse", Optimizer = "sgd", LearningRateSchedule = "ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)")]
public partial class ScheduledInCompile;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "mse", Optimizer = "sgd")]
public partial class ScheduledInCode;
[Sequential, Dense(5, InputDim = 4), Dense(2), Compile(Loss = "mse", Optimizer = "sgd", LearningRateSchedule = "PiecewiseConstantDecay([2, 4], [0.1, 0.01, 0.001])")]
public partial class PiecewiseInCompile;
