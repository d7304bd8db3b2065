using System;
using System.Linq;
using KerasGen.Tests.Support;
using KerasGen.Training;
using KerasGen.Training.Optimizers;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>Optimizers and losses against the values Keras 3 itself produced (KERAS_SPEC §5.5, §4.3).</summary>
public class OptimizerAndLossTests
{
    private static readonly float[][] Gradients = { new[] { 0.5f, -1.0f }, new[] { 0.1f, 0.2f }, new[] { -0.3f, 0.4f } };

    [Theory]
    [InlineData("SGD()", new[] { 0.995, 2.01, 0.994, 2.008, 0.997, 2.004 })]
    [InlineData("SGD(0.1, momentum=0.9)", new[] { 0.95, 2.1, 0.895, 2.17, 0.8755, 2.193 })]
    [InlineData("SGD(0.1, momentum=0.9, nesterov=True)", new[] { 0.905, 2.19, 0.8455, 2.233, 0.85795, 2.2137 })]
    [InlineData("Adam()", new[] { 0.99900001, 2.00099993, 0.99819696, 2.00151086, 0.99798626, 2.00164509 })]
    [InlineData("Adam(0.1, amsgrad=True)", new[] { 0.90000129, 2.09999895, 0.81969851, 2.15110087, 0.79862744, 2.16452479 })]
    [InlineData("AdamW()", new[] { 0.99899602, 2.00099206, 0.99818897, 2.00149488, 0.99797428, 2.00162101 })]
    [InlineData("AdamW(0.1, weight_decay=0.1)", new[] { 0.8900013, 2.07999897, 0.80079854, 2.11030102, 0.77171946, 2.10262203 })]
    [InlineData("RMSprop()", new[] { 0.99683774, 2.00316238, 0.99618542, 2.00251007, 0.99791318, 2.00124884 })]
    [InlineData("RMSprop(0.1, momentum=0.9, centered)", new[] { 0.6666674, 2.33333325, 0.29678258, 2.56633067, 0.13775958, 2.64958215 })]
    [InlineData("Adagrad()", new[] { 0.99915487, 2.00095344, 0.99898821, 2.00076604, 0.99943542, 2.00041533 })]
    [InlineData("Adadelta()", new[] { 0.99999857, 2.00000143, 0.99999815, 2.00000095, 0.99999923, 2.00000024 })]
    [InlineData("Adadelta(1.0)", new[] { 0.99858582, 2.0014143, 0.99818379, 2.00101233, 0.99924409, 2.0002439 })]
    [InlineData("Adamax()", new[] { 0.99900001, 2.00099993, 0.99842048, 2.00136876, 0.99827629, 2.00145388 })]
    [InlineData("Nadam()", new[] { 0.99893719, 2.00106287, 0.99866599, 2.00093317, 0.99912846, 2.00059748 })]
    [InlineData("SGD(0.1, weight_decay=0.5)", new[] { 0.9, 2.0, 0.845, 1.88, 0.83275, 1.746 })]
    [InlineData("SGD(0.1, clipnorm=0.5)", new[] { 0.97763932, 2.04472136, 0.96763933, 2.02472138, 0.9976393, 1.98472142 })]
    [InlineData("SGD(0.1, clipvalue=0.25)", new[] { 0.975, 2.025, 0.965, 2.005, 0.99, 1.98 })]
    public void Three_steps_match_keras(string keras, double[] expected)
    {
        var optimizer = Optimizer.Create(Settings(keras));
        var w = new[] { 1f, 2f };
        for (int step = 0; step < 3; step++)
        {
            optimizer.Step(w, Gradients[step]);
            Tolerance.AssertClose(expected.Skip(2 * step).Take(2).Select(v => (float)v).ToArray(), w, 2e-6, 2e-6, $"{keras} step {step + 1}");
        }
        Assert.Equal(3, optimizer.Iterations);
        Assert.Equal(new[] { 0.5f, -1.0f }, Gradients[0]); // clipping works on a copy: the caller's gradients stay
    }

    /// <summary>clipnorm takes each variable's norm, global_clipnorm all of them together (hand-computed: variable 1's
    /// gradient (3, 4) has norm 5, variable 2's (0, 0.5) norm 0.5, both together √25.25).</summary>
    [Theory]
    [InlineData("clipnorm", new[] { 0.6f, 0.8f, 0f, 0.5f })]
    [InlineData("global_clipnorm", new[] { 3 / 5.02493781f, 4 / 5.02493781f, 0f, 0.5f / 5.02493781f })]
    public void Clipnorm_is_per_variable_and_global_clipnorm_over_all(string kind, float[] step)
    {
        var optimizer = Optimizer.Create(kind == "clipnorm" ? new OptimizerSettings("sgd", 1f, ClipNorm: 1f) : new OptimizerSettings("sgd", 1f, GlobalClipNorm: 1f));
        optimizer.SetVariables(new[] { (0, 2), (2, 2) });
        var w = new float[4];
        optimizer.Step(w, new[] { 3f, 4f, 0f, 0.5f });
        Tolerance.AssertClose(step.Select(v => -v).ToArray(), w, 1e-7, 1e-6, kind);
    }

    [Fact]
    public void Two_kinds_of_clipping_at_once_are_refused_as_in_Keras()
    {
        var error = Assert.Throws<ArgumentException>(() => Optimizer.Create(new OptimizerSettings("sgd", ClipNorm: 1f, ClipValue: 0.5f)));
        Assert.StartsWith("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set.", error.Message);
    }

    /// <summary>Long buffers exercise the vector body and the scalar tail alike.</summary>
    [Fact]
    public void Vector_body_and_tail_agree()
    {
        var optimizer = Optimizer.Create(new OptimizerSettings("adam"));
        var w = Enumerable.Repeat(1f, 37).ToArray();
        optimizer.Step(w, Enumerable.Repeat(0.5f, 37).ToArray());
        Assert.All(w, v => Assert.Equal(w[0], v));
    }

    /// <summary>Issue 9's promise: a step of any optimizer (weight decay, clipping and a schedule included) allocates
    /// nothing once its state exists. AdamW's decay once allocated a closure per step.</summary>
    [Fact]
    public void Every_optimizer_step_allocates_nothing()
    {
        var optimizers = new[] { "sgd", "adam", "adamw", "rmsprop", "adagrad", "adadelta", "adamax", "nadam" }
            .Select(name => Optimizer.Create(new OptimizerSettings(name, 0.01f, Momentum: name == "sgd" ? 0.9f : float.NaN, WeightDecay: 0.01f, ClipNorm: 1f)))
            .ToList();
        var scheduled = Optimizer.Create(new OptimizerSettings("adamw"));
        scheduled.LearningRateSchedule = new KerasGen.Training.Optimizers.Schedules.CosineDecay(0.01f, 1000);
        optimizers.Add(scheduled);
        var w = new float[37];
        var g = Enumerable.Range(0, 37).Select(i => (float)Math.Sin(i)).ToArray();
        Allocations.AssertNone(
            () => { foreach (var o in optimizers) for (int i = 0; i < 50; i++) o.Step(w, g); },
            () => { foreach (var o in optimizers) for (int i = 0; i < 100; i++) o.Step(w, g); });
    }

    private static OptimizerSettings Settings(string keras) => keras switch
    {
        "SGD()" => new("sgd"),
        "SGD(0.1, momentum=0.9)" => new("sgd", 0.1f, Momentum: 0.9f),
        "SGD(0.1, momentum=0.9, nesterov=True)" => new("sgd", 0.1f, Momentum: 0.9f, Nesterov: true),
        "Adam()" => new("adam"),
        "Adam(0.1, amsgrad=True)" => new("adam", 0.1f, Amsgrad: true),
        "AdamW()" => new("adamw"),
        "AdamW(0.1, weight_decay=0.1)" => new("adamw", 0.1f, WeightDecay: 0.1f),
        "RMSprop()" => new("rmsprop"),
        "RMSprop(0.1, momentum=0.9, centered)" => new("rmsprop", 0.1f, Momentum: 0.9f, Centered: true),
        "Adagrad()" => new("adagrad"),
        "Adadelta()" => new("adadelta"),
        "Adadelta(1.0)" => new("adadelta", 1f),
        "Adamax()" => new("adamax"),
        "Nadam()" => new("nadam"),
        "SGD(0.1, weight_decay=0.5)" => new("sgd", 0.1f, WeightDecay: 0.5f),
        "SGD(0.1, clipnorm=0.5)" => new("sgd", 0.1f, ClipNorm: 0.5f),
        "SGD(0.1, clipvalue=0.25)" => new("sgd", 0.1f, ClipValue: 0.25f),
        _ => throw new ArgumentException(keras),
    };

    private static readonly float[] YTrue = { 0, 1, 1, 0, 1, 1 };
    private static readonly float[] YPred = { 0.2f, 0.7f, 0.6f, 0.4f, 0.9f, 0.0f };

    [Theory]
    [InlineData("mean_squared_error", new[] { 0.065, 0.16, 0.505 })]
    [InlineData("mean_absolute_error", new[] { 0.25, 0.4, 0.55 })]
    [InlineData("mean_squared_logarithmic_error", new[] { 0.0298268, 0.0815033, 0.2415419 })]
    [InlineData("binary_crossentropy", new[] { 0.2899092, 0.5108256, 8.1117277 })]
    [InlineData("categorical_crossentropy", new[] { 0.2513144, 0.5108256, 16.1180954 })]
    [InlineData("hinge", new[] { 0.75, 0.9, 0.55 })]
    [InlineData("squared_hinge", new[] { 0.765, 1.06, 0.505 })]
    [InlineData("categorical_hinge", new[] { 0.5, 0.8, 0.1 })]
    [InlineData("huber", new[] { 0.0325, 0.08, 0.2525 })]
    [InlineData("kl_divergence", new[] { 0.3566735, 0.5108241, 16.2234554 })]
    [InlineData("poisson", new[] { 0.6283374, 0.7554127, 8.5617275 })]
    [InlineData("cosine_similarity", new[] { -0.9615240, -0.8320502, -0.7071068 })]
    [InlineData("log_cosh", new[] { 0.0321044, 0.0779535, 0.2193863 })]
    public void Per_sample_losses_match_keras(string name, double[] expected)
    {
        var loss = LossFunction.Create(name);
        for (int r = 0; r < 3; r++)
        {
            double value = loss.Accumulate(YPred.AsSpan(r * 2, 2), YTrue.AsSpan(r * 2, 2), Span<float>.Empty, 1, 2, 0);
            Assert.True(Math.Abs(value - expected[r]) <= 2e-6 + 2e-5 * Math.Abs(expected[r]), $"{name} row {r}: {value}, Keras {expected[r]}");
        }
        double mean = loss.Accumulate(YPred, YTrue, Span<float>.Empty, 3, 2, 0) / 3;
        Assert.True(Math.Abs(mean - expected.Average()) <= 2e-5 * Math.Max(1, Math.Abs(mean)), $"{name}: reduced {mean}, Keras {expected.Average()}");
    }

    [Fact]
    public void Mape_divides_by_epsilon_where_targets_are_zero()
    {
        double value = LossFunction.Create("mape").Accumulate(YPred, YTrue, Span<float>.Empty, 3, 2, 0) / 3;
        Assert.InRange(value, 100000040 * 0.9999, 100000040 * 1.0001);
    }

    [Fact]
    public void Logit_and_sparse_crossentropies_match_keras()
    {
        float[] logits = { 2, -1, 0.5f, 0.5f, -3, 4 };
        var bce = LossFunction.Create("binary_crossentropy", fromLogits: true);
        var expected = new[] { 1.7200947, 0.7240770, 1.5333686 };
        for (int r = 0; r < 3; r++)
            Assert.Equal(expected[r], bce.Accumulate(logits.AsSpan(r * 2, 2), YTrue.AsSpan(r * 2, 2), Span<float>.Empty, 1, 2, 0), 5);
        var cce = LossFunction.Create("categorical_crossentropy", fromLogits: true);
        float[] oneHot = { 0, 1, 1, 0, 0, 1 };
        expected = new[] { 3.0485873, 0.6931472, 0.0009114 };
        for (int r = 0; r < 3; r++)
            Assert.Equal(expected[r], cce.Accumulate(logits.AsSpan(r * 2, 2), oneHot.AsSpan(r * 2, 2), Span<float>.Empty, 1, 2, 0), 5);
        var sparse = LossFunction.Create("sparse_categorical_crossentropy");
        float[] p = { 0.3f, 0.7f, 0.6f, 0.4f, 0.1f, 0.9f }, ids = { 1, 0, 1 };
        expected = new[] { 0.3566749, 0.5108256, 0.1053605 };
        for (int r = 0; r < 3; r++)
            Assert.Equal(expected[r], sparse.Accumulate(p.AsSpan(r * 2, 2), ids.AsSpan(r, 1), Span<float>.Empty, 1, 2, 0), 5);
        Assert.Equal(16.1180954, LossFunction.Create("binary_crossentropy").Accumulate(new[] { 0f }, new[] { 1f }, Span<float>.Empty, 1, 1, 0), 4);
    }
}
