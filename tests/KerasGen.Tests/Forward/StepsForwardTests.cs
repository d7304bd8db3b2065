using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>Models whose input steps are None against TF.js models built with inputShape [null, channels]
/// (Fixtures/steps.json), on several lengths and every kernel path; and what such a model promises beside: the output
/// size per length, clear errors for short or ragged inputs, no allocation once a thread's buffers have grown.</summary>
public class StepsForwardTests
{
    private static readonly System.Text.Json.JsonElement Cases = Fixture.Load("steps.json");

    private static readonly Dictionary<string, Func<IModel>> Models = new()
    {
        ["steps_conv_pool_dense"] = () => new StepsConvPoolDense(1),
        ["steps_dilated_global_dense"] = () => new StepsDilatedGlobalDense(1),
        ["steps_keras1_seed"] = () => new StepsKeras1Seed(1),
    };

    private static readonly Dictionary<string, Func<int, int>> OutputSizes = new()
    {
        ["steps_conv_pool_dense"] = StepsConvPoolDense.OutputSizeFor,
        ["steps_dilated_global_dense"] = StepsDilatedGlobalDense.OutputSizeFor,
        ["steps_keras1_seed"] = StepsKeras1Seed.OutputSizeFor,
    };

    private static readonly KernelPath[] Paths = { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar };

    public static IEnumerable<object[]> CaseNames() => from name in Models.Keys from path in Paths select new object[] { name, path };

    [Fact]
    public void Every_fixture_has_a_model() =>
        Assert.Equal(Cases.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).OrderBy(n => n), Models.Keys.OrderBy(n => n));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_tfjs_on_every_length(string name, KernelPath path)
    {
        var c = Fixture.Case(Cases, "cases", name);
        var model = Models[name]();
        model.SetWeights(c.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("values").Floats()).ToList());
        int channels = c.GetProperty("channels").GetInt32();
        foreach (var run in c.GetProperty("runs").EnumerateArray())
        {
            int steps = run.GetProperty("steps").GetInt32();
            float[] x = run.GetProperty("x").Floats(), expected = run.GetProperty("y").Floats();
            int outputs = run.GetProperty("output_shape").Ints().Aggregate(1, (p, d) => p * d);
            Assert.Equal(outputs, OutputSizes[name](steps));
            if (path == KernelPath.Auto)
            {
                // Both samples in one call.
                var y = new float[expected.Length];
                PredictSteps(model, x, y, steps);
                Tolerance.AssertClose(expected, y, 1e-5, 1e-4, $"{name}, {steps} steps, both samples");
            }
            for (int s = 0; s < 2; s++)
            {
                var y = new float[outputs];
                model.Predict(x.AsSpan(s * steps * channels, steps * channels), y, path);
                Tolerance.AssertClose(expected.AsSpan(s * outputs, outputs), y, 1e-5, 1e-4, $"{name} on {path}, {steps} steps, sample {s}");
            }
        }
    }

    private static void PredictSteps(IModel model, float[] x, float[] y, int steps)
    {
        switch (model)
        {
            case StepsConvPoolDense m: m.Predict(x, y, steps); break;
            case StepsDilatedGlobalDense m: m.Predict(x, y, steps); break;
            case StepsKeras1Seed m: m.Predict(x, y, steps); break;
            default: throw new ArgumentException(model.GetType().Name);
        }
    }

    [Fact]
    public void Unknown_steps_give_what_the_fixed_length_model_gives()
    {
        var model = new StepsCausalGroupsGlu(2);
        var weights = model.GetWeights();
        var random = new Random(9);
        foreach (var (steps, twin) in new (int, IModel)[] { (6, new StepsCausalGroupsGlu6(1)), (13, new StepsCausalGroupsGlu13(1)) })
        {
            twin.SetWeights(weights);
            var x = Enumerable.Range(0, 3 * steps * 6).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var expected = new float[3 * StepsCausalGroupsGlu.OutputSizeFor(steps)];
            twin.Predict(x, expected);
            var y = new float[expected.Length];
            model.Predict(x, y, steps);
            Tolerance.AssertClose(expected, y, 1e-6, 1e-5, $"{steps} steps");
        }
    }

    [Fact]
    public void Shapes_and_summary_show_none_for_the_steps()
    {
        Assert.Equal("(None, None, 5)", StepsConvPoolDense.InputShape.ToString());
        Assert.Equal("(None, None, 3)", StepsConvPoolDense.OutputShape.ToString());
        Assert.Equal("(None, 1)", StepsKeras1Seed.OutputShape.ToString());
        Assert.Matches(@"│ conv1d \(Conv1D\) +│ \(None, None, 8\) +│ +128 │", new StepsConvPoolDense(1).Summary());
        var error = Assert.Throws<InvalidOperationException>(() => StepsConvPoolDense.InputSize);
        Assert.Contains("OutputSizeFor", error.Message);
        Assert.Equal(7 / 2 * 3, StepsConvPoolDense.OutputSizeFor(8)); // same 8, valid k2 7, pool 3
        Assert.Equal(1, StepsKeras1Seed.OutputSizeFor(1000));
    }

    [Fact]
    public void Inputs_too_short_ragged_or_mismatched_get_clear_errors()
    {
        var model = new StepsConvPoolDense(1);
        // steps 1: the valid Conv1D(4, 2) would have no output.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(new float[5], new float[3], 1));
        Assert.Contains("conv1d_1", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => StepsConvPoolDense.OutputSizeFor(0));
        var ragged = Assert.Throws<ArgumentException>(() => model.Predict(new float[12], new float[3]));
        Assert.Contains("whole steps of 5", ragged.Message);
        Assert.Throws<ArgumentException>(() => model.Predict(new float[40], new float[5], 8)); // y needs 3 × ... = 9
        Assert.Throws<ArgumentException>(() => model.Predict(new float[41], new float[9], 8));
    }

    [Fact]
    public void Predict_allocates_nothing_once_the_threads_buffers_have_grown_and_threads_agree()
    {
        var model = new StepsConvPoolDense(7);
        var random = new Random(3);
        float[] Input(int steps) => Enumerable.Range(0, steps * 5).Select(_ => (float)random.NextDouble()).ToArray();
        float[] longest = Input(200), shorter = Input(33);
        var (yLong, yShort) = (new float[StepsConvPoolDense.OutputSizeFor(200)], new float[StepsConvPoolDense.OutputSizeFor(33)]);
        Allocations.AssertNone(
            () => { for (int i = 0; i < 300; i++) { model.Predict(longest, yLong, 200); model.Predict(shorter, yShort, 33); } },
            () => { for (int i = 0; i < 500; i++) { model.Predict(shorter, yShort, 33); model.Predict(longest, yLong, 200); } });

        var inputs = Enumerable.Range(0, 8).Select(t => Input(3 + 17 * t)).ToArray();
        var expected = inputs.Select(x => { var y = new float[StepsConvPoolDense.OutputSizeFor(x.Length / 5)]; model.Predict(x, y); return y; }).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var y = new float[expected[t].Length];
            for (int round = 0; round < 20; round++)
            {
                model.Predict(inputs[(t + round) % 8], new float[expected[(t + round) % 8].Length]);
                model.Predict(inputs[t], y);
                if (!y.SequenceEqual(expected[t])) throw new InvalidOperationException($"thread {t}, round {round}: results differ");
            }
        });
    }
}
