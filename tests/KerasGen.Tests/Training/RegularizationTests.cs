using System;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Training.Regularization;
using KerasGen.Weights;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>Regularizers and constraints (KERAS_SPEC §6): the captured Keras 3 penalties and projections, both
/// dialects' identifiers, and what a training step reports and costs.</summary>
public class RegularizationTests
{
    /// <summary>KERAS_SPEC §6's test weight <c>[[1, −2], [3, 0.5]]</c>.</summary>
    private static readonly float[] W = { 1, -2, 3, 0.5f };

    private static string Canonical(string text, bool keras1 = false) =>
        RegularizerCatalog.Resolve(text, keras1, out var error, out var unknown) ?? throw new ArgumentException(error ?? "unknown " + unknown);

    [Theory]
    [InlineData("L1(0.01)", 0.065)]
    [InlineData("l1", 0.065)]
    [InlineData("L2(l2=0.01)", 0.1425)]
    [InlineData("l2", 0.1425)]
    [InlineData("L1L2(l1=0.01, l2=0.02)", 0.35)]
    [InlineData("l1_l2(l1=0.01, l2=0.02)", 0.35)]
    [InlineData("l1l2", 0.0)] // Keras 3: L1L2() is zero
    [InlineData("l1_l2(l1=0.01)", 0.065)] // Keras 3's l1_l2 is L1L2: l2 defaults to 0
    public void Keras3_penalties_match_the_captured_values(string text, double expected) =>
        Assert.Equal(expected, Regularizer.Parse(Canonical(text)).Penalty(W), 6);

    [Theory]
    [InlineData("l1l2", 0.2075)]          // Keras 1 l1l2(l1=0.01, l2=0.01), as TF.js' l1l2()
    [InlineData("l2(0.01)", 0.1425)]      // Keras 1 l2(l=0.01)
    [InlineData("activity_l1(l=0.01)", 0.065)]
    [InlineData("WeightRegularizer(l1=0.01, l2=0.02)", 0.35)]
    public void Keras1_identifiers_have_keras1_defaults(string text, double expected) =>
        Assert.Equal(expected, Regularizer.Parse(Canonical(text, keras1: true)).Penalty(W), 6);

    [Fact]
    public void Gradient_is_l1_sign_plus_twice_l2_w()
    {
        var g = new float[4];
        Regularizer.Parse(Canonical("L1L2(l1=0.01, l2=0.02)")).AddGradient(W, g, 1);
        Tolerance.AssertClose(new[] { 0.01f + 0.04f, -0.01f - 0.08f, 0.01f + 0.12f, 0.01f + 0.02f }, g, 1e-7, 1e-7, "gradient");
    }

    [Theory]
    [InlineData("l1_l2", "Could not interpret regularizer identifier: l1_l2")]
    [InlineData("l2(-1)", "Invalid value for argument l2: expected a non-negative float.Received: l2=-1")]
    [InlineData("OrthogonalRegularizer", "KerasGen does not compile OrthogonalRegularizer yet")]
    public void Keras_rejects_what_keras_rejects(string text, string message)
    {
        string? canonical = RegularizerCatalog.Resolve(text, keras1: false, out var error, out var unknown);
        Assert.Null(canonical);
        Assert.Contains(message.Replace("Could not interpret regularizer identifier: ", ""), error ?? unknown);
    }

    /// <summary>KERAS_SPEC §6.2's projections of <c>[[1, −2], [3, 0.5]]</c>, axis 0 (column norms 3.1623, 2.0616),
    /// on a weight whose rows are padded to 4 floats, as inside a model.</summary>
    [Theory]
    [InlineData("max_norm(2)", new[] { 0.63245553f, -1.94028509f, 1.89736652f, 0.48507127f })]
    [InlineData("unit_norm", new[] { 0.31622776f, -0.97014254f, 0.94868326f, 0.24253564f })]
    [InlineData("MinMaxNorm(0.5, 1.0)", new[] { 0.31622776f, -0.97014254f, 0.94868326f, 0.24253564f })]
    [InlineData("non_neg", new[] { 1f, 0f, 3f, 0.5f })]
    [InlineData("maxnorm(m=2)", new[] { 0.63245553f, -1.94028509f, 1.89736652f, 0.48507127f })] // Keras 1's name
    public void Constraints_match_the_captured_projections(string text, float[] expected)
    {
        string canonical = ConstraintCatalog.Resolve(text, rank: 2, out var error, out _) ?? throw new ArgumentException(error);
        var slot = new WeightSlot("dense", "kernel", new[] { 2, 2 }, 4, 2, 2, 4, "zeros", Constraint: canonical);
        var buffer = new float[12];
        WeightTable.Set("m", new[] { slot }, new[] { W }, buffer);
        WeightConstraint.Create(slot).Apply(buffer);
        Tolerance.AssertClose(expected, WeightTable.Get(new[] { slot }, buffer)[0], 1e-6, 1e-6, text);
        Assert.Equal(new float[4], buffer.Take(4).ToArray());            // other weights untouched
        Assert.Equal(0f, buffer[6] + buffer[7] + buffer[10] + buffer[11]); // padding stays zero
    }

    /// <summary>Keras 1 laid conv kernels out as Convolution1D (k, 1, in, out) and, for "th", Convolution2D
    /// (out, in, rows, cols): its constraint axes are mapped onto Keras 3's (k…, in, out).</summary>
    [Theory]
    [InlineData("maxnorm(2, axis=[0, 1, 2])", 3, new[] { 0, -1, 1, 2 }, "max_norm(max_value=2, axis=[0, 1])")]
    [InlineData("maxnorm(2)", 4, new[] { 3, 2, 0, 1 }, "max_norm(max_value=2, axis=[3])")]
    [InlineData("unitnorm(axis=[1, 2, 3])", 4, new[] { 3, 2, 0, 1 }, "unit_norm(axis=[0, 1, 2])")]
    public void Keras1_conv_axes_are_read_in_keras1_layout(string text, int rank, int[] map, string expected) =>
        Assert.Equal(expected, ConstraintCatalog.Resolve(text, rank, out _, out _, map));

    [Fact]
    public void Axis_lists_take_one_norm_per_filter()
    {
        // A Conv1D kernel (k=2, in=2, filters=1) with axis=[0, 1]: one norm over all four values.
        string canonical = ConstraintCatalog.Resolve("UnitNorm(axis=[0, -2])", rank: 3, out _, out _)!;
        Assert.Equal("unit_norm(axis=[0, 1])", canonical);
        var slot = new WeightSlot("conv1d", "kernel", new[] { 2, 2, 1 }, 0, 4, 1, 4, "zeros", Constraint: canonical);
        var buffer = new float[16];
        WeightTable.Set("m", new[] { slot }, new[] { new float[] { 1, 2, 2, 4 } }, buffer);
        WeightConstraint.Create(slot).Apply(buffer);
        Tolerance.AssertClose(new[] { 0.2f, 0.4f, 0.4f, 0.8f }, WeightTable.Get(new[] { slot }, buffer)[0], 1e-6, 1e-6, "unit norm over [0, 1]");
    }

    /// <summary>Keras reports the penalties in the loss of evaluate as well as of train_on_batch: at the same weights
    /// the two agree (no dropout), Keras 3's activity penalty divided by the batch and Keras 1's not.</summary>
    [Fact]
    public void Evaluate_reports_the_same_regularized_loss_as_train_on_batch()
    {
        var x = Enumerable.Range(0, 6 * 4).Select(i => (float)Math.Sin(i)).ToArray();
        (ITrainableModel Model, int Outputs)[] models = { (new RegDenseWeights(2), 2), (new RegDenseActivityKeras3(2), 1), (new RegDenseActivityKeras1(2), 2), (new RegDenseMinMaxNorm(2), 3) };
        foreach (var (model, outputs) in models)
        {
            var y = Enumerable.Range(0, 6 * outputs).Select(i => model is RegDenseMinMaxNorm ? (i % outputs == i / outputs % outputs ? 1f : 0f) : i % 2).ToArray();
            float evaluated = model.Evaluate(x, y, batchSize: 6)[0];
            float trained = model.TrainOnBatch(x, y);
            Assert.Equal(trained, evaluated, 5);
        }
    }

    [Fact]
    public void Keras1_activity_penalty_is_summed_over_the_batch_and_keras3_is_averaged()
    {
        // The same network twice, with the activity penalty under each dialect: the difference in the reported loss
        // is (Σ − Σ/batch) of the same penalty.
        var x = Enumerable.Range(0, 6 * 4).Select(i => (float)Math.Cos(i)).ToArray();
        var y = new float[6 * 2];
        var keras3 = new ActivityKeras3(4);
        var keras1 = new ActivityKeras1(4);
        keras1.SetWeights(keras3.GetWeights());
        var none = new ActivityNone(4);
        none.SetWeights(keras3.GetWeights());
        float plain = none.Evaluate(x, y, 6)[0];
        float averaged = keras3.Evaluate(x, y, 6)[0] - plain, summed = keras1.Evaluate(x, y, 6)[0] - plain;
        Assert.True(averaged > 0);
        Assert.Equal(6 * averaged, summed, 4);
    }

    [Fact]
    public void Regularized_and_constrained_steps_allocate_nothing()
    {
        var x = Enumerable.Range(0, 6 * 4).Select(i => (float)Math.Sin(i)).ToArray();
        var y = new float[6 * 2];
        ITrainableModel[] models = { new RegDenseWeights(2), new RegDenseConstraints(2), new RegDenseActivityKeras1(2) };
        Allocations.AssertNone(
            () => { foreach (var m in models) for (int i = 0; i < 40; i++) m.TrainOnBatch(x, y); },
            () => { foreach (var m in models) for (int i = 0; i < 100; i++) m.TrainOnBatch(x, y); });
    }
}

[Sequential, Dense(5, InputDim = 4, Activation = "tanh", ActivityRegularizer = "l2(0.1)"), Dense(2), Compile(Loss = "mse")]
public partial class ActivityKeras3;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh", ActivityRegularizer = "activity_l2(0.1)", WRegularizer = "l2(0)"), Dense(2), Compile(Loss = "mse")]
public partial class ActivityKeras1;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "mse")]
public partial class ActivityNone;
