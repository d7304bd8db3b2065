using System;

namespace KerasGen.Training;

/// <summary>
/// Keras 3 losses (KERAS_SPEC §4): per row (one last-axis vector of K predictions) a value and its gradient with
/// respect to the predictions. Reduction is Keras' sum_over_batch_size: the mean over all rows of the batch.
/// Probabilities are clipped to [ε, 1 − ε] with ε = 1e-7 as Keras does; where a clip is active the gradient is zero,
/// as it is through Keras' clip.
/// </summary>
public sealed class LossFunction
{
    private const float Epsilon = 1e-7f;

    /// <summary>Per-row scratch for the crossentropies (targets, then dL/dq): grown once, so rows of any width cost no
    /// allocation per step. A LossFunction belongs to one trainer, which is single-threaded.</summary>
    private float[] _scratch = new float[512];

    private LossFunction(string name, bool fromLogits) => (Name, FromLogits) = (name, fromLogits);

    public string Name { get; }

    public bool FromLogits { get; }

    /// <summary>sparse_categorical_crossentropy: targets are one class index per row, not K values.</summary>
    public bool SparseTargets => Name == Losses.SparseCategoricalCrossentropy;

    /// <summary>Canonical Keras ids and their aliases.</summary>
    public static string? Canonical(string id) => id switch
    {
        "mean_squared_error" or "mse" or "MSE" => Losses.MeanSquaredError,
        "mean_absolute_error" or "mae" or "MAE" => Losses.MeanAbsoluteError,
        "mean_absolute_percentage_error" or "mape" or "MAPE" => Losses.MeanAbsolutePercentageError,
        "mean_squared_logarithmic_error" or "msle" or "MSLE" => Losses.MeanSquaredLogarithmicError,
        "binary_crossentropy" => Losses.BinaryCrossentropy,
        "categorical_crossentropy" => Losses.CategoricalCrossentropy,
        "sparse_categorical_crossentropy" => Losses.SparseCategoricalCrossentropy,
        "huber" => Losses.Huber,
        "log_cosh" or "logcosh" => Losses.LogCosh,
        "hinge" => Losses.Hinge,
        "squared_hinge" => Losses.SquaredHinge,
        "categorical_hinge" => Losses.CategoricalHinge,
        "kl_divergence" or "kld" or "KLD" or "kullback_leibler_divergence" => Losses.KLDivergence,
        "poisson" => Losses.Poisson,
        "cosine_similarity" => Losses.CosineSimilarity,
        _ => null,
    };

    public static LossFunction Create(string id, bool fromLogits = false) =>
        new(Canonical(id) ?? throw new ArgumentException($"Could not interpret loss identifier: {id}", nameof(id)), fromLogits);

    /// <summary>
    /// Adds every row's loss and returns the sum (divide by the total row count for Keras' value). When
    /// <paramref name="gradient"/> is not empty, writes d(row loss)/d(prediction) · <paramref name="scale"/> into it.
    /// Hinge labels are judged over these targets alone (<see cref="HingeLabels01"/>): a trainer cutting a batch
    /// passes its whole-batch decision to the other overload.
    /// </summary>
    public double Accumulate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int k, float scale) =>
        Accumulate(predictions, targets, gradient, rows, k, scale, HingeLabels01(targets));

    /// <summary>Whether a hinge loss reads these targets as {0, 1} labels (mapped to −1 and 1): Keras 3 converts them
    /// when every target of the batch is 0 or 1, so a trainer decides once per batch, not per sub-batch or chunk.</summary>
    public bool HingeLabels01(ReadOnlySpan<float> batchTargets) => Name is Losses.Hinge or Losses.SquaredHinge && AllZeroOrOne(batchTargets);

    /// <summary><see cref="Accumulate(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, float)"/> for
    /// some rows of a batch whose hinge labels <see cref="HingeLabels01"/> judged over the whole batch.</summary>
    public double Accumulate(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int k, float scale, bool hingeLabels01)
    {
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            var p = predictions.Slice(r * k, k);
            var y = SparseTargets ? targets.Slice(r, 1) : targets.Slice(r * k, k);
            var g = gradient.IsEmpty ? Span<float>.Empty : gradient.Slice(r * k, k);
            total += Row(p, y, g, scale, hingeLabels01);
        }
        return total;
    }

    /// <summary>
    /// Whether the gradient with respect to the last layer's pre-activation has a simple exact form for this loss
    /// and activation (sigmoid + binary crossentropy, softmax + categorical crossentropy): then the trainer skips the
    /// activation's backward pass, avoiding the 1/(p(1 − p)) that overflows when the output saturates.
    /// </summary>
    public bool CanFuse(string lastActivation) => !FromLogits &&
        (Name == Losses.BinaryCrossentropy && lastActivation == "sigmoid" ||
         Name is Losses.CategoricalCrossentropy or Losses.SparseCategoricalCrossentropy && lastActivation == "softmax");

    /// <summary>The fused gradient with respect to the pre-activation (see <see cref="CanFuse"/>): (p − y)/K for
    /// sigmoid + binary crossentropy, p·Σy − y for softmax + categorical crossentropy.</summary>
    public void FusedGradient(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, Span<float> gradient, int rows, int k, float scale)
    {
        for (int r = 0; r < rows; r++)
        {
            var p = probabilities.Slice(r * k, k);
            var g = gradient.Slice(r * k, k);
            if (Name == Losses.BinaryCrossentropy)
            {
                var y = targets.Slice(r * k, k);
                for (int i = 0; i < k; i++) g[i] = (p[i] - y[i]) / k * scale;
            }
            else if (SparseTargets)
            {
                int c = ClassIndex(targets[r], k, r);
                for (int i = 0; i < k; i++) g[i] = (p[i] - (i == c ? 1f : 0f)) * scale;
            }
            else
            {
                var y = targets.Slice(r * k, k);
                float sum = 0;
                foreach (float v in y) sum += v;
                for (int i = 0; i < k; i++) g[i] = (p[i] * sum - y[i]) * scale;
            }
        }
    }

    private double Row(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> g, float scale, bool hingeLabels01)
    {
        int k = p.Length;
        bool grad = !g.IsEmpty;
        double loss = 0;
        switch (Name)
        {
            case Losses.MeanSquaredError:
                for (int i = 0; i < k; i++)
                {
                    float e = p[i] - y[i];
                    loss += e * e;
                    if (grad) g[i] = 2 * e / k * scale;
                }
                return loss / k;
            case Losses.MeanAbsoluteError:
                for (int i = 0; i < k; i++)
                {
                    float e = p[i] - y[i];
                    loss += Math.Abs(e);
                    if (grad) g[i] = MathF.Sign(e) / (float)k * scale;
                }
                return loss / k;
            case Losses.MeanAbsolutePercentageError:
                for (int i = 0; i < k; i++)
                {
                    float denominator = Math.Max(Math.Abs(y[i]), Epsilon), e = p[i] - y[i];
                    loss += Math.Abs(e / denominator);
                    if (grad) g[i] = 100f * MathF.Sign(e) / denominator / k * scale;
                }
                return 100 * loss / k;
            case Losses.MeanSquaredLogarithmicError:
                for (int i = 0; i < k; i++)
                {
                    float a = MathF.Log(Math.Max(p[i], Epsilon) + 1), b = MathF.Log(Math.Max(y[i], Epsilon) + 1);
                    loss += (a - b) * (a - b);
                    if (grad) g[i] = p[i] > Epsilon ? 2 * (a - b) / (p[i] + 1) / k * scale : 0f;
                }
                return loss / k;
            case Losses.BinaryCrossentropy:
                for (int i = 0; i < k; i++)
                {
                    if (FromLogits)
                    {
                        float z = p[i];
                        loss += Math.Max(z, 0) - z * y[i] + Math.Log(1 + Math.Exp(-Math.Abs(z)));
                        if (grad) g[i] = (1f / (1f + MathF.Exp(-z)) - y[i]) / k * scale;
                    }
                    else
                    {
                        float q = Math.Clamp(p[i], Epsilon, 1 - Epsilon);
                        loss += -(y[i] * Math.Log(q) + (1 - y[i]) * Math.Log(1 - q));
                        if (grad) g[i] = q == p[i] ? (q - y[i]) / (q * (1 - q)) / k * scale : 0f;
                    }
                }
                return loss / k;
            case Losses.CategoricalCrossentropy:
            case Losses.SparseCategoricalCrossentropy:
                return Crossentropy(p, y, g, scale);
            case Losses.Huber:
                for (int i = 0; i < k; i++)
                {
                    float e = p[i] - y[i], a = Math.Abs(e);
                    loss += a <= 1 ? 0.5 * e * e : a - 0.5;
                    if (grad) g[i] = (a <= 1 ? e : MathF.Sign(e)) / k * scale;
                }
                return loss / k;
            case Losses.LogCosh:
                for (int i = 0; i < k; i++)
                {
                    double e = p[i] - y[i];
                    loss += e + Softplus(-2 * e) - Math.Log(2);
                    if (grad) g[i] = (float)Math.Tanh(e) / k * scale;
                }
                return loss / k;
            case Losses.Hinge:
            case Losses.SquaredHinge:
                for (int i = 0; i < k; i++)
                {
                    float label = hingeLabels01 ? 2 * y[i] - 1 : y[i];
                    float margin = Math.Max(1 - label * p[i], 0);
                    bool squared = Name == Losses.SquaredHinge;
                    loss += squared ? margin * margin : margin;
                    if (grad) g[i] = (margin > 0 ? -label * (squared ? 2 * margin : 1) : 0) / k * scale;
                }
                return loss / k;
            case Losses.CategoricalHinge:
            {
                float positive = 0, negative = float.NegativeInfinity;
                int worst = 0;
                for (int i = 0; i < k; i++)
                {
                    positive += y[i] * p[i];
                    float n = (1 - y[i]) * p[i];
                    if (n > negative) (negative, worst) = (n, i);
                }
                float value = Math.Max(negative - positive + 1, 0);
                if (grad)
                    for (int i = 0; i < k; i++)
                        g[i] = value > 0 ? (-y[i] + (i == worst ? 1 - y[i] : 0)) * scale : 0f;
                return value;
            }
            case Losses.KLDivergence:
                for (int i = 0; i < k; i++)
                {
                    float t = Math.Clamp(y[i], Epsilon, 1), q = Math.Clamp(p[i], Epsilon, 1);
                    loss += t * Math.Log(t / q);
                    if (grad) g[i] = q == p[i] && p[i] < 1 ? -t / q * scale : 0f;
                }
                return loss;
            case Losses.Poisson:
                for (int i = 0; i < k; i++)
                {
                    loss += p[i] - y[i] * Math.Log(p[i] + Epsilon);
                    if (grad) g[i] = (1 - y[i] / (p[i] + Epsilon)) / k * scale;
                }
                return loss / k;
            case Losses.CosineSimilarity:
                return Cosine(p, y, g, scale);
            default:
                throw new InvalidOperationException($"Loss {Name} has no implementation.");
        }
    }

    /// <summary>Probabilities: renormalized by their sum, clipped, −Σ y·log p (gradient through the
    /// renormalization). Logits: −Σ y·log_softmax(z).</summary>
    private double Crossentropy(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> g, float scale)
    {
        int k = p.Length;
        int sparseClass = SparseTargets ? ClassIndex(y[0], k, 0) : -1;
        if (_scratch.Length < 2 * k) _scratch = new float[2 * k];
        var target = _scratch.AsSpan(0, k);
        var dLdq = _scratch.AsSpan(k, k);
        target.Clear();
        if (SparseTargets) target[sparseClass] = 1f;
        else y.CopyTo(target);
        double loss = 0;
        if (FromLogits)
        {
            float max = float.NegativeInfinity;
            foreach (float z in p) max = Math.Max(max, z);
            double sumExp = 0, sumY = 0;
            for (int i = 0; i < k; i++) sumExp += Math.Exp(p[i] - max);
            double logSum = Math.Log(sumExp) + max;
            for (int i = 0; i < k; i++) { loss -= target[i] * (p[i] - logSum); sumY += target[i]; }
            if (!g.IsEmpty)
                for (int i = 0; i < k; i++) g[i] = (float)(Math.Exp(p[i] - logSum) * sumY - target[i]) * scale;
            return loss;
        }
        float sum = 0;
        foreach (float v in p) sum += v;
        double weighted = 0;
        for (int i = 0; i < k; i++)
        {
            float q = p[i] / sum, clipped = Math.Clamp(q, Epsilon, 1 - Epsilon);
            loss -= target[i] * Math.Log(clipped);
            dLdq[i] = clipped == q ? -target[i] / q : 0f;
            weighted += dLdq[i] * q;
        }
        if (!g.IsEmpty)
            for (int i = 0; i < k; i++) g[i] = (float)((dLdq[i] - weighted) / sum) * scale;
        return loss;
    }

    private static double Cosine(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> g, float scale)
    {
        double normP = 0, normY = 0, dot = 0;
        for (int i = 0; i < p.Length; i++) { normP += p[i] * p[i]; normY += y[i] * y[i]; dot += p[i] * y[i]; }
        double np = Math.Max(Math.Sqrt(normP), 1e-7), ny = Math.Max(Math.Sqrt(normY), 1e-7);
        double cosine = dot / (np * ny);
        if (!g.IsEmpty)
            for (int i = 0; i < p.Length; i++)
                g[i] = normP > 1e-14 ? (float)(-(y[i] / ny - cosine * p[i] / np) / np) * scale : (float)(-y[i] / ny / 1e-7) * scale;
        return -cosine;
    }

    private static int ClassIndex(float label, int k, int row)
    {
        int c = (int)label;
        if (c != label || c < 0 || c >= k)
            throw new ArgumentException($"Row {row}: sparse categorical target {label} is not a class index in [0, {k}).", "y");
        return c;
    }

    private static bool AllZeroOrOne(ReadOnlySpan<float> targets)
    {
        foreach (float t in targets) if (t != 0 && t != 1) return false;
        return true;
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
