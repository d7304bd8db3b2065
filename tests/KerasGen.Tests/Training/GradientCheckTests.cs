using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Training;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>
/// The generated backward pass of every layer, activation and loss against central finite differences of the loss,
/// on shapes that are not multiples of any vector width, on the path the machine uses (CI runs all four). The
/// numeric gradient is taken in float32 with step 1e-3 (truncation O(h²), rounding ~1e-4), small enough that a
/// step rarely crosses a kink (relu at 0, the shrink thresholds, sparsemax's support): analytic and numeric
/// gradient vectors must agree within 2% of the gradient's norm, element by element.
/// </summary>
public class GradientCheckTests
{
    public static IEnumerable<object[]> ActivationCases() => GradientModels.Activations.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> LossCases() => GradientModels.Losses.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ActivationCases))]
    public void Layer_and_activation_gradients_match_finite_differences(string name) => Check(GradientModels.Activations[name](), name);

    [Theory]
    [MemberData(nameof(LossCases))]
    public void Loss_gradients_match_finite_differences(string name) => Check(GradientModels.Losses[name](), name);

    public static IEnumerable<object[]> RegularizedCases() => GradientModels.Regularized.Keys.Select(k => new object[] { k });

    /// <summary>Activity regularizers (Keras 3: penalty / batch; Keras 1: summed), including on the output layer,
    /// whose loss is then not fused with its activation.</summary>
    [Theory]
    [MemberData(nameof(RegularizedCases))]
    public void Activity_regularizer_gradients_match_finite_differences(string name) => Check(GradientModels.Regularized[name](), name);

    public static IEnumerable<object[]> NormalizationCases() => GradientModels.Normalized.Keys.Select(k => new object[] { k });

    /// <summary>BatchNormalization in training mode (batch statistics; the moving statistics it moves on every forward
    /// pass do not enter the training-mode loss).</summary>
    [Theory]
    [MemberData(nameof(NormalizationCases))]
    public void Normalization_gradients_in_training_mode_match_finite_differences(string name) =>
        Check(GradientModels.Normalized[name](), name, trainingMode: true);

    /// <param name="trainingMode">Run the forward passes as training does (BatchNormalization on the batch's
    /// statistics); the models checked this way have no dropout, so its random source changes nothing else.</param>
    private static void Check(IDifferentiableModel model, string name, bool trainingMode = false)
    {
        var training = trainingMode ? new KerasGen.Initialization.DeterministicRandom(5) : null;
        var spec = model.TrainingSpec;
        var loss = LossFunction.Create(spec.Loss, spec.FromLogits);
        int samples = Math.Min(4, spec.MaxBatchSize), rows = samples * (spec.OutputSize / spec.OutputWidth);
        var random = new Random(name.Length * 7919 + 17);
        var x = Enumerable.Range(0, samples * spec.InputSize).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = Targets(spec, loss, samples, random);

        // Analytic: one forward and backward pass, as a training step does (fused where the trainer fuses).
        model.GradientBuffer.Clear();
        var output = model.ForwardBatch(x, samples, training).ToArray();
        var outputGradient = new float[output.Length];
        bool fused = !spec.OutputRegularized && loss.CanFuse(spec.LastActivation);
        if (fused) loss.FusedGradient(output, y, outputGradient, rows, spec.OutputWidth, 1f / rows);
        else loss.Accumulate(output, y, outputGradient, rows, spec.OutputWidth, 1f / rows);
        model.BackwardBatch(outputGradient, samples, fused);
        var analytic = model.GradientBuffer.ToArray();

        // The activity regularizers' penalty belongs to the loss the backward pass differentiates (0 for most models).
        double Loss() => loss.Accumulate(model.ForwardBatch(x, samples, training), y, Span<float>.Empty, rows, spec.OutputWidth, 0) / rows
            + model.ActivityPenalty(samples);

        // sparsemax is piecewise linear with kinks wherever the support changes, which are dense enough that a
        // smaller step is needed to stay on one piece.
        float h = name.Contains("sparsemax") ? 1e-4f : 1e-3f;
        var pairs = new List<(int Index, double Analytic, double Numeric)>();
        foreach (var slot in model.WeightSlots.Where(s => s.Trainable))
            for (int r = 0; r < slot.Rows; r++)
                for (int c = 0; c < slot.Columns; c++)
                {
                    int i = slot.RowStart(c / slot.GroupColumns, r) + c % slot.GroupColumns;
                    float original = model.WeightBuffer[i];
                    model.WeightBuffer[i] = original + h;
                    double plus = Loss();
                    model.WeightBuffer[i] = original - h;
                    double minus = Loss();
                    model.WeightBuffer[i] = original;
                    pairs.Add((i, analytic[i], (plus - minus) / (2 * h)));
                }
        double norm = Math.Sqrt(pairs.Sum(p => p.Numeric * p.Numeric));
        Assert.True(norm > 1e-6, $"{name}: the loss does not depend on the weights (gradient norm {norm})");
        foreach (var (index, a, n) in pairs)
            Assert.True(Math.Abs(a - n) <= 0.02 * norm + 1e-4,
                $"{name}: weight {index}: analytic {a:G6}, finite difference {n:G6} (gradient norm {norm:G4})");
        // Padding lanes of the internal layout never receive a gradient.
        var real = pairs.Select(p => p.Index).ToHashSet();
        for (int i = 0; i < analytic.Length; i++)
            if (!real.Contains(i)) Assert.Equal(0f, analytic[i]);
    }

    private static float[] Targets(TrainingSpec spec, LossFunction loss, int samples, Random random)
    {
        int rows = samples * (spec.OutputSize / spec.OutputWidth), k = spec.OutputWidth;
        if (loss.SparseTargets) return Enumerable.Range(0, rows).Select(_ => (float)random.Next(k)).ToArray();
        var y = new float[rows * k];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < k; i++)
                y[r * k + i] = loss.Name switch
                {
                    "binary_crossentropy" or "hinge" or "squared_hinge" => random.Next(2),
                    "categorical_crossentropy" or "categorical_hinge" => i == r % k ? 1 : 0,
                    "kl_divergence" => (float)(0.1 + random.NextDouble()),
                    "poisson" or "mean_squared_logarithmic_error" => (float)(random.NextDouble() * 3),
                    "mean_absolute_percentage_error" => (float)(1 + random.NextDouble()), // away from the |y| → 0 pole
                    _ => (float)(random.NextDouble() * 2 - 1),
                };
        if (loss.Name == "kl_divergence")
            for (int r = 0; r < rows; r++)
            {
                float sum = 0;
                for (int i = 0; i < k; i++) sum += y[r * k + i];
                for (int i = 0; i < k; i++) y[r * k + i] /= sum;
            }
        return y;
    }
}
