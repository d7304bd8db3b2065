using KerasGen.Tests.Support;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using KerasGen.Tests.Models;
using KerasGen.Training;
using KerasGen.Weights;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>Fit, Evaluate and TrainOnBatch behaviour with Keras semantics (KERAS_SPEC §7.3–§7.5), on the iris data.</summary>
public class FitTests
{
    private static readonly (float[] X, float[] Y) Iris = LoadIris();

    private static (float[] X, float[] Y) LoadIris()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "iris.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (rows.SelectMany(r => r.Take(4)).ToArray(), rows.Select(r => r[4]).ToArray());
    }

    [Fact]
    public void Fit_learns_iris_and_fills_history_in_keras_order()
    {
        var model = new IrisLike(5);
        var history = model.Fit(Iris.X, Iris.Y, epochs: 30, batchSize: 16, validationSplit: 0.2f, verbose: 0);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, history.Keys);
        Assert.Equal(Enumerable.Range(0, 30), history.Epoch);
        Assert.True(history["loss"][^1] < history["loss"][0] / 2, $"loss {history["loss"][0]} -> {history["loss"][^1]}");
        Assert.True(model.Evaluate(Iris.X.AsSpan(0, 120 * 4), Iris.Y.AsSpan(0, 120))[1] > 0.9f);
    }

    /// <summary>Keras takes the validation rows from the end, before shuffling, and trains on the rest only.</summary>
    [Fact]
    public void Validation_split_uses_the_last_rows_and_trains_on_the_others()
    {
        var (x, y) = Iris;
        var withSplit = new IrisLike(9);
        var history = withSplit.Fit(x, y, epochs: 2, batchSize: 16, validationSplit: 0.2f, verbose: 0);
        var evaluation = withSplit.Evaluate(x.AsSpan(120 * 4), y.AsSpan(120), batchSize: 16);
        Assert.Equal(evaluation[0], history["val_loss"][^1], 6);
        Assert.Equal(evaluation[1], history["val_accuracy"][^1], 6);

        var firstRowsOnly = new IrisLike(9);
        firstRowsOnly.Fit(x.AsSpan(0, 120 * 4), y.AsSpan(0, 120), epochs: 2, batchSize: 16, verbose: 0);
        Assert.Equal(firstRowsOnly.GetWeights(), withSplit.GetWeights());
    }

    [Fact]
    public void Too_small_a_split_is_keras_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new IrisLike(1).Fit(Iris.X.AsSpan(0, 4), Iris.Y.AsSpan(0, 1), validationSplit: 0.2f, verbose: 0));
        Assert.Contains("Training data contains 1 samples, which is not sufficient to split it", error.Message);
    }

    [Fact]
    public void Shuffling_and_dropout_are_deterministic_under_the_model_seed()
    {
        var a = new IrisLike(21);
        var b = new IrisLike(21);
        var c = new IrisLike(22);
        var ha = a.Fit(Iris.X, Iris.Y, epochs: 3, batchSize: 10, verbose: 0);
        var hb = b.Fit(Iris.X, Iris.Y, epochs: 3, batchSize: 10, verbose: 0);
        c.Fit(Iris.X, Iris.Y, epochs: 3, batchSize: 10, verbose: 0);
        Assert.Equal(ha["loss"], hb["loss"]);
        Assert.Equal(a.GetWeights(), b.GetWeights());
        Assert.NotEqual(a.GetWeights()[0], c.GetWeights()[0]);
    }

    [Fact]
    public void Shuffle_false_keeps_row_order_and_differs_from_shuffled_training()
    {
        var ordered = new IrisLike(3);
        var shuffled = new IrisLike(3);
        ordered.Fit(Iris.X, Iris.Y, epochs: 1, batchSize: 10, shuffle: false, verbose: 0);
        shuffled.Fit(Iris.X, Iris.Y, epochs: 1, batchSize: 10, shuffle: true, verbose: 0);
        Assert.NotEqual(ordered.GetWeights()[0], shuffled.GetWeights()[0]);
    }

    /// <summary>A batch larger than the generated buffers is one optimizer step over gradients summed in chunks.</summary>
    [Fact]
    public void Batches_larger_than_the_buffers_train_as_one_step()
    {
        var chunked = new IrisLike(4);          // buffers for 8 samples
        var whole = new IrisLikeOneChunk(4);    // buffers for 32
        var x = Iris.X.AsSpan(0, 20 * 4).ToArray();
        var y = Iris.Y.AsSpan(0, 20).ToArray();
        for (int step = 0; step < 3; step++)
            Assert.Equal(whole.TrainOnBatch(x, y), chunked.TrainOnBatch(x, y), 5);
        var (a, b) = (chunked.GetWeights(), whole.GetWeights());
        for (int i = 0; i < a.Length; i++) Support.Tolerance.AssertClose(b[i], a[i], 1e-6, 1e-5, $"weight {i}");
    }

    [Fact]
    public void Early_stopping_stops_and_restores_the_best_weights()
    {
        var model = new IrisLike(6);
        var recorder = new WeightRecorder();
        var printed = new List<string>();
        var stopper = new EarlyStopping(monitor: "loss", minDelta: 10, patience: 2, verbose: 1, restoreBestWeights: true, print: printed.Add);
        var history = model.Fit(Iris.X, Iris.Y, epochs: 20, batchSize: 16, verbose: 0, callbacks: new ICallback[] { recorder, stopper });
        // No epoch improves by 10: the first is best, the wait reaches 2 at the third epoch (index 2).
        Assert.Equal(3, history.Epoch.Count);
        Assert.Equal(2, stopper.StoppedEpoch);
        Assert.Equal(recorder.Weights[0], model.GetWeights());
        Assert.Equal(new[] { "Restoring model weights from the end of the best epoch: 1.", "Epoch 3: early stopping" }, printed);
    }

    [Fact]
    public void Early_stopping_with_patience_waits_for_improvement()
    {
        var model = new IrisLike(6);
        var stopper = new EarlyStopping(monitor: "val_accuracy", patience: 50);
        var history = model.Fit(Iris.X, Iris.Y, epochs: 5, batchSize: 16, validationSplit: 0.2f, verbose: 0, callbacks: stopper);
        Assert.Equal(5, history.Epoch.Count);
        Assert.Throws<ArgumentException>(() => new IrisLike(1).Fit(Iris.X, Iris.Y, verbose: 0, callbacks: new EarlyStopping(monitor: "foo")));
    }

    [Fact]
    public void Model_checkpoint_saves_the_best_weights_atomically()
    {
        string folder = Directory.CreateTempSubdirectory("kerasgen").FullName;
        try
        {
            string path = Path.Combine(folder, "best.weights.h5");
            var model = new IrisLike(8);
            var recorder = new WeightRecorder();
            var history = model.Fit(Iris.X, Iris.Y, epochs: 6, batchSize: 16, validationSplit: 0.2f, verbose: 0,
                callbacks: new ICallback[] { recorder, new ModelCheckpoint(path, monitor: "val_loss", saveBestOnly: true) });
            int best = Enumerable.Range(0, 6).MinBy(e => history["val_loss"][e]);
            var restored = new IrisLike(1);
            restored.LoadWeights(path);
            Assert.Equal(recorder.Weights[best], restored.GetWeights());
            Assert.Single(Directory.GetFiles(folder)); // no temporary file left behind
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Non_finite_data_is_rejected_naming_the_row()
    {
        var model = new IrisLike(1);
        var x = Iris.X.ToArray();
        x[7 * 4 + 2] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => model.TrainOnBatch(x, Iris.Y));
        Assert.Contains("x contains NaN at row 7, column 2", error.Message);
        var y = Iris.Y.ToArray();
        y[149] = float.PositiveInfinity;
        error = Assert.Throws<ArgumentException>(() => model.Fit(Iris.X, y, verbose: 0));
        Assert.Contains("y contains Infinity at row 149, column 0", error.Message);
        Assert.Throws<ArgumentException>(() => model.TrainOnBatch(Iris.X, Iris.Y.AsSpan(0, 10)));
        var sparse = Iris.Y.ToArray();
        sparse[3] = 7;
        error = Assert.Throws<ArgumentException>(() => model.TrainOnBatch(Iris.X, sparse));
        Assert.Contains("y row 3: sparse categorical target 7 is not a class index in [0, 3)", error.Message);
    }

    /// <summary>A diverging loss is reported as it is, and GetWeights reports the non-finite weights it produced rather
    /// than failing or hiding them.</summary>
    [Fact]
    public void Divergence_is_reported_honestly()
    {
        var model = new Diverging(1);
        var (x, y) = (Iris.X.AsSpan(0, 40).ToArray(), Iris.Y.AsSpan(0, 10).ToArray());
        var losses = Enumerable.Range(0, 6).Select(_ => model.TrainOnBatch(x, y)).ToArray();
        Assert.Contains(losses, l => !float.IsFinite(l) || l > 1e20f);
        var weights = model.GetWeights();
        Assert.Equal(new[] { 32, 8, 8, 1 }, weights.Select(w => w.Length));
        Assert.Contains(weights.SelectMany(w => w), v => !float.IsFinite(v) || Math.Abs(v) > 1e15f);
        var prediction = new float[10];
        model.Predict(x, prediction); // still callable; the values are whatever the weights give
    }

    [Fact]
    public void TrainOnBatch_allocates_nothing_after_the_first_call()
    {
        var model = new IrisLike(2);
        var mnist = new MnistMlpTrainable(2);
        var (x, y) = (Iris.X.AsSpan(0, 32 * 4).ToArray(), Iris.Y.AsSpan(0, 32).ToArray());
        var xm = new float[32 * 784];
        var ym = new float[32 * 10];
        for (int i = 0; i < 32; i++) ym[i * 10 + i % 10] = 1;
        var wide = new ManyClasses(2);
        var yw = new float[32 * 300];
        for (int i = 0; i < 32; i++) yw[i * 300 + i * 7] = 1;
        Allocations.AssertNone(
            () =>
            {
                for (int i = 0; i < 200; i++) model.TrainOnBatch(x, y);
                for (int i = 0; i < 40; i++) mnist.TrainOnBatch(xm, ym);
                for (int i = 0; i < 40; i++) wide.TrainOnBatch(x, yw);
            },
            () =>
            {
                for (int i = 0; i < 1000; i++) model.TrainOnBatch(x, y);
                mnist.TrainOnBatch(xm, ym);
                wide.TrainOnBatch(x, yw);
            });
    }

    /// <summary>Keras 3's progress bar bytes (KERAS_SPEC §7.4) with a clock that advances 0.25 s per reading.</summary>
    [Fact]
    public void Progress_output_is_keras_byte_for_byte()
    {
        double now = 0;
        var output = new StringWriter();
        var logs = new BatchLogRecorder();
        var model = new IrisLike(3);
        var history = model.Fit(Iris.X.AsSpan(0, 64 * 4), Iris.Y.AsSpan(0, 64), epochs: 2, batchSize: 16, verbose: 1,
            callbacks: new ICallback[] { logs, new ProgbarLogger(output: output, clock: () => now += 0.25, dynamicDisplay: true) });
        string Bar(int current, int filled) =>
            $"\u001b[1m{current}/4\u001b[0m " + (filled > 0 ? $"\u001b[32m{new string('━', filled)}\u001b[0m" : "") + $"\u001b[37m{new string('━', 20 - filled)}\u001b[0m";
        string Metrics(double loss, double accuracy) => $" - loss: {loss:F4} - accuracy: {accuracy:F4}";
        var expected = new StringBuilder();
        int previous = 0;
        void Line(string bar, string time, string info, bool final)
        {
            string visible = System.Text.RegularExpressions.Regex.Replace(bar + time + info, "\u001b\\[[0-9]+m", "");
            expected.Append(new string('\b', previous)).Append('\r').Append(bar).Append(time).Append(info);
            if (visible.Length < previous) expected.Append(' ', previous - visible.Length);
            if (final) expected.Append('\n');
            previous = visible.Length;
        }
        for (int epoch = 0; epoch < 2; epoch++)
        {
            expected.Append($"Epoch {epoch + 1}/2\n");
            previous = 0;
            for (int step = 1; step <= 4; step++)
            {
                var (loss, accuracy) = logs.Logs[epoch * 4 + step - 1];
                Line(Bar(step, 5 * step), " \u001b[1m0s\u001b[0m", " 250ms/step" + Metrics(loss, accuracy), final: false);
            }
            // The final update comes one clock reading later: (1.5 − 0.5) s over the 3 steps after the first.
            Line(Bar(4, 20), " \u001b[1m1s\u001b[0m", " 333ms/step" + Metrics(history["loss"][epoch], history["accuracy"][epoch]), final: true);
        }
        Assert.Equal(expected.ToString(), output.ToString());
    }

    [Fact]
    public void Verbose_2_prints_one_plain_line_per_epoch()
    {
        double now = 0;
        var output = new StringWriter();
        var model = new IrisLike(3);
        var history = model.Fit(Iris.X.AsSpan(0, 64 * 4), Iris.Y.AsSpan(0, 64), epochs: 2, batchSize: 16, verbose: 2,
            callbacks: new ProgbarLogger(output: output, clock: () => now += 0.25, dynamicDisplay: true));
        Assert.Equal(
            $"Epoch 1/2\n4/4 - 1s - 333ms/step - loss: {history["loss"][0]:F4} - accuracy: {history["accuracy"][0]:F4}\n" +
            $"Epoch 2/2\n4/4 - 1s - 333ms/step - loss: {history["loss"][1]:F4} - accuracy: {history["accuracy"][1]:F4}\n",
            output.ToString());
    }

    private sealed class WeightRecorder : ICallback
    {
        public List<float[][]> Weights { get; } = new();

        public void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs) => Weights.Add(context.Model.GetWeights());
    }

    private sealed class BatchLogRecorder : ICallback
    {
        public List<(double Loss, double Accuracy)> Logs { get; } = new();

        public void OnTrainBatchEnd(TrainingContext context, int batch, IReadOnlyList<KeyValuePair<string, double>> logs) => Logs.Add((logs[0].Value, logs[1].Value));
    }
}
