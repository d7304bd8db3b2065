using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using KerasGen.Initialization;
using KerasGen.Training.Optimizers;

namespace KerasGen.Training;

/// <summary>
/// Keras' train_on_batch / fit / evaluate for any generated model with <c>[Compile]</c>: input checks, loss and
/// metrics, the optimizer step, validation split, shuffling, callbacks and progress output. The model contributes only
/// its generated forward and backward passes (<see cref="IDifferentiableModel"/>). Batches larger than the model's
/// training buffers are processed in chunks whose gradients add up before the single optimizer step.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Trainer
{
    private readonly IDifferentiableModel _model;
    private readonly TrainingSpec _spec;
    private readonly LossFunction _loss;
    private readonly Metric[] _metrics;
    private readonly float[] _outputGradient;
    private readonly DeterministicRandom _random;
    /// <summary>Seeds each chunk's dropout stream when a batch is cut across cores: a stream of its own, so the
    /// shuffle order (from <see cref="_random"/>) is the same on any setting.</summary>
    private readonly DeterministicRandom _chunkSeeds;
    private readonly bool _fused;
    private readonly int _rowsPerSample, _targetsPerSample;
    private readonly (int Start, int Length, Regularization.Regularizer Rule)[] _regularized;
    private readonly Regularization.WeightConstraint[] _constraints;
    private readonly ChunkedBatch _chunked;
    /// <summary>A Dense model's training memory on one thread, whose backward pass writes the first sub-batch's
    /// weight gradient over the last step's (<see cref="IRowSplitGradients"/>) instead of clearing it first.</summary>
    private readonly IRowSplitGradients? _rows;
    private Kernels.AlignedBuffer? _rowsMemory;
    private float[] _outputs = Array.Empty<float>();
    private readonly ThreadCountTuner _threadCount = new();

    /// <summary>The timed choice of one thread or every core (tests check that steps consult it).</summary>
    internal ThreadCountTuner ThreadCount => _threadCount;

    public Trainer(IDifferentiableModel model, TrainingSpec spec)
    {
        (_model, _spec) = (model, spec);
        _loss = LossFunction.Create(spec.Loss, spec.FromLogits);
        _metrics = spec.Metrics.Select(m => Metric.Create(m, spec.OutputWidth, _loss.SparseTargets)).ToArray();
        Optimizer = Optimizers.Optimizer.Create(spec.Optimizer);
        Optimizer.SetVariables(model.WeightSlots.Where(s => s.Trainable).Select(s => (s.Offset, s.Span)).ToArray());
        _outputGradient = new float[spec.MaxBatchSize * spec.OutputSize];
        _random = new DeterministicRandom(DeterministicRandom.Derive(spec.Seed, 1_000_003));
        _chunkSeeds = new DeterministicRandom(DeterministicRandom.Derive(spec.Seed, 1_000_033));
        _fused = !spec.OutputRegularized && _loss.CanFuse(spec.LastActivation);
        _regularized = model.WeightSlots.Where(s => s.Regularizer is not null && s.Trainable)
            .Select(s => (s.Offset, s.Span, Regularization.Regularizer.Parse(s.Regularizer!))).ToArray();
        _constraints = model.WeightSlots.Where(s => s.Constraint is not null).Select(Regularization.WeightConstraint.Create).ToArray();
        _rowsPerSample = spec.OutputSize / spec.OutputWidth;
        _targetsPerSample = _loss.SparseTargets ? _rowsPerSample : spec.OutputSize;
        _chunked = new ChunkedBatch(model, spec, _fused, _rowsPerSample, _targetsPerSample);
        _rows = model as IRowSplitGradients;
    }

    public Optimizer Optimizer { get; }

    /// <summary>Keras train_on_batch: one optimizer step on all the samples given; returns the batch's mean loss.</summary>
    public float TrainOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int samples = Validate(x, y);
        RequireWholeBatch(samples, nameof(x));
        return Step(x, y, samples, updateMetrics: false);
    }

    /// <summary>Keras evaluate: the mean loss, then each metric, over all samples (batch by batch, no training).</summary>
    public float[] Evaluate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int batchSize = 32)
    {
        int samples = Validate(x, y);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        foreach (var m in _metrics) m.Reset();
        double loss = 0, activity = 0;
        int chunk = _spec.MaxBatchSize;
        // Batch by batch, as Keras: a batch's loss carries its activity penalty, and batches are weighted by their size.
        for (int batch = 0; batch < samples; batch += batchSize)
        {
            int size = Math.Min(batchSize, samples - batch);
            int chunks = Chunks(size, backward: false);
            var yb = y.Slice(batch * _targetsPerSample, size * _targetsPerSample);
            bool labels01 = _loss.HingeLabels01(yb);
            if (chunks > 1)
            {
                var xb = x.Slice(batch * _spec.InputSize, size * _spec.InputSize);
                var outputs = Outputs(size);
                var (batchLoss, batchActivity, _) = _chunked.Run(xb, yb, size, chunks, size, random: null, outputs, labels01);
                loss += batchLoss;
                activity += batchActivity * size;
                foreach (var m in _metrics) m.Update(outputs, yb, size * _rowsPerSample, _spec.OutputWidth, _loss.SparseTargets);
                continue;
            }
            for (int start = batch; start < batch + size; start += chunk)
            {
                int n = Math.Min(chunk, batch + size - start);
                var xs = x.Slice(start * _spec.InputSize, n * _spec.InputSize);
                var ys = y.Slice(start * _targetsPerSample, n * _targetsPerSample);
                var output = _model.ForwardBatch(xs, n, training: null);
                loss += _loss.Accumulate(output, ys, Span<float>.Empty, n * _rowsPerSample, _spec.OutputWidth, 0, labels01);
                activity += (double)_model.ActivityPenalty(size) * size;
                foreach (var m in _metrics) m.Update(output, ys, n * _rowsPerSample, _spec.OutputWidth, _loss.SparseTargets);
            }
        }
        var result = new float[1 + _metrics.Length];
        result[0] = (float)(loss / (samples * _rowsPerSample) + WeightPenalty(addGradient: false) + activity / samples);
        for (int i = 0; i < _metrics.Length; i++) result[i + 1] = (float)_metrics[i].Value;
        return result;
    }

    /// <summary>Keras fit on arrays (KERAS_SPEC §7.3).</summary>
    public History Fit(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int epochs, int batchSize, float validationSplit, bool shuffle, int verbose, ICallback[]? callbacks)
    {
        int samples = Validate(x, y);
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must not be negative.");
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        if (!(validationSplit >= 0 && validationSplit < 1)) throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "validation_split must be in [0, 1).");
        int trainCount = samples;
        if (validationSplit > 0)
        {
            // Through decimal, so 0.2f is Python's 0.2 and 150 samples split 120/30 as in Keras (not 119/31).
            trainCount = (int)Math.Floor(samples * (1.0 - (double)(decimal)validationSplit));
            if (trainCount == 0 || trainCount == samples)
                throw new ArgumentException(
                    $"Training data contains {samples} samples, which is not sufficient to split it into a validation and training set as specified by `validation_split={validationSplit}`. Either provide more data, or a different value for the `validation_split` argument.");
        }
        RequireWholeBatch(Math.Min(batchSize, trainCount), nameof(batchSize));
        // Validation takes the last rows, before any shuffling (as Keras). The caller's spans are read in place: each
        // batch's rows are gathered into one batch buffer, so the data set is never copied.
        var xTrain = x.Slice(0, trainCount * _spec.InputSize);
        var yTrain = y.Slice(0, trainCount * _targetsPerSample);
        var xVal = x.Slice(trainCount * _spec.InputSize);
        var yVal = y.Slice(trainCount * _targetsPerSample);

        int steps = (trainCount + batchSize - 1) / batchSize;
        var context = new TrainingContext(_model, epochs, steps);
        var all = new List<ICallback>();
        if (verbose != 0 && callbacks?.OfType<ProgbarLogger>().Any() != true) all.Add(new ProgbarLogger(verbose));
        foreach (var c in callbacks ?? Array.Empty<ICallback>())
        {
            if (c is ProgbarLogger progbar) progbar.Verbose = verbose;
            all.Add(c);
        }
        var history = new History();
        var order = Enumerable.Range(0, trainCount).ToArray();
        var xBatch = new float[batchSize * _spec.InputSize];
        var yBatch = new float[batchSize * _targetsPerSample];
        var logs = new List<KeyValuePair<string, double>>();

        foreach (var c in all) c.OnTrainBegin(context);
        for (int epoch = 0; epoch < epochs && !context.StopTraining; epoch++)
        {
            foreach (var m in _metrics) m.Reset();
            foreach (var c in all) c.OnEpochBegin(context, epoch);
            if (shuffle) Shuffle(order);
            double lossSum = 0;
            int seen = 0;
            for (int step = 0; step < steps; step++)
            {
                int n = Math.Min(batchSize, trainCount - step * batchSize);
                for (int i = 0; i < n; i++)
                {
                    int row = order[step * batchSize + i];
                    xTrain.Slice(row * _spec.InputSize, _spec.InputSize).CopyTo(xBatch.AsSpan(i * _spec.InputSize));
                    yTrain.Slice(row * _targetsPerSample, _targetsPerSample).CopyTo(yBatch.AsSpan(i * _targetsPerSample));
                }
                float loss = Step(xBatch.AsSpan(0, n * _spec.InputSize), yBatch.AsSpan(0, n * _targetsPerSample), n, updateMetrics: true);
                lossSum += (double)loss * n;
                seen += n;
                Logs(logs, lossSum / seen);
                foreach (var c in all) c.OnTrainBatchEnd(context, step, logs);
            }
            Logs(logs, lossSum / Math.Max(1, seen));
            if (xVal.Length > 0)
            {
                var validation = Evaluate(xVal, yVal, batchSize);
                logs.Add(new("val_loss", validation[0]));
                for (int i = 0; i < _metrics.Length; i++) logs.Add(new("val_" + _metrics[i].Name, validation[i + 1]));
            }
            history.Add(epoch, logs);
            foreach (var c in all) c.OnEpochEnd(context, epoch, logs);
        }
        foreach (var c in all) c.OnTrainEnd(context);
        return history;
    }

    /// <summary>One optimizer step: gradients of all samples (in chunks of the model's training buffers) summed, the
    /// regularizers' gradients added, then applied once, then the constraints projected. Returns the batch's loss as
    /// Keras reports it: the mean loss plus the weight and activity penalties.</summary>
    private float Step(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int samples, bool updateMetrics)
    {
        int chunks = Chunks(samples, backward: true);
        if (chunks == 1 || !CutFree(samples, chunks)) return Step(x, y, samples, chunks, cutFree: false, updateMetrics);
        // The same bits on one thread as across cores: the faster one, by the clock (ThreadCountTuner).
        bool oneThread = _threadCount.OnOneThread(samples, chunks);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        float loss = Step(x, y, samples, oneThread ? 1 : chunks, cutFree: true, updateMetrics);
        _threadCount.Record(System.Diagnostics.Stopwatch.GetTimestamp() - start);
        return loss;
    }

    /// <summary>
    /// Whether a step of <paramref name="samples"/> in <paramref name="chunks"/> chunks gives one thread's bits, so
    /// the chunk count may follow the clock: the weight gradient is cut by rows (each element sums the samples in
    /// order, which holds when every chunk fits the training memory in one round), and no Dropout and no activity
    /// penalty (<see cref="TrainingSpec.ChunkIndependent"/>). The reported loss is then summed on the calling thread
    /// as one thread sums it (<see cref="LossInSubBatches"/>; the chunks' own sums go unused).
    /// </summary>
    internal bool CutFree(int samples, int chunks) =>
        _rows is not null && _spec.ChunkIndependent && (samples + chunks - 1) / chunks <= _spec.MaxBatchSize;

    /// <summary>The loss of a batch's outputs summed as the one-thread step sums it: each sub-batch of the training
    /// memory's size on its own, then the sub-batches in order.</summary>
    private double LossInSubBatches(ReadOnlySpan<float> outputs, ReadOnlySpan<float> y, int samples, bool hingeLabels01)
    {
        double loss = 0;
        for (int start = 0; start < samples; start += _spec.MaxBatchSize)
        {
            int n = Math.Min(_spec.MaxBatchSize, samples - start);
            loss += _loss.Accumulate(outputs.Slice(start * _spec.OutputSize, n * _spec.OutputSize), y.Slice(start * _targetsPerSample, n * _targetsPerSample),
                Span<float>.Empty, n * _rowsPerSample, _spec.OutputWidth, 0, hingeLabels01);
        }
        return loss;
    }

    /// <summary><see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{float}, int, bool)"/> in
    /// <paramref name="chunks"/> chunks (1: on the calling thread).</summary>
    private float Step(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int samples, int chunks, bool cutFree, bool updateMetrics)
    {
        int rows = samples * _rowsPerSample, k = _spec.OutputWidth, chunk = _spec.MaxBatchSize;
        float scale = 1f / rows;
        double loss = 0, activity = 0;
        bool labels01 = _loss.HingeLabels01(y); // over the whole batch, as Keras, whatever the sub-batches or chunks
        if (chunks > 1)
        {
            // Data-parallel (ChunkedBatch): the gradient summed into the model's by rows or by chunks, in a fixed order.
            var outputs = Outputs(samples);
            // With no regularizer gradients to add first, the row split updates each part of the weights as soon as
            // its gradient is summed (ChunkedBatch.Run with a step).
            var ((chunkLoss, chunkActivity, parts), stepped) = _chunked.Run(x, y, samples, chunks, samples, _chunkSeeds, outputs, labels01, _regularized.Length == 0 ? Optimizer : null);
            (loss, activity) = (cutFree ? LossInSubBatches(outputs, y, samples, labels01) : chunkLoss, chunkActivity);
            if (updateMetrics)
                foreach (var m in _metrics) m.Update(outputs, y, rows, k, _loss.SparseTargets);
            return Apply(loss / rows + activity, parts, stepped);
        }
        // A Dense model's first sub-batch writes its weight gradient over the last step's: the bits of clearing the
        // gradient first, without the pass: a one-thread mnist-mlp step at batch 32, Emerald Rapids, in one process,
        // median 28.6-35.3 µs per sample against 31.8-40.7 clearing first. Other models clear, then add.
        var memory = _rows is null ? default : (_rowsMemory ??= new Kernels.AlignedBuffer(_model.TrainingMemorySize)).Span;
        if (_rows is null) _model.GradientBuffer.Clear();
        // With nothing between the gradient and the update (no regularizer gradients, no clipping), the last
        // sub-batch's gradient is summed and stepped part by part (StepWithGradients).
        bool steps = _regularized.Length == 0 && Optimizer.StepsInRanges, steppedHere = false;
        for (int start = 0; start < samples; start += chunk)
        {
            int n = Math.Min(chunk, samples - start);
            var xs = x.Slice(start * _spec.InputSize, n * _spec.InputSize);
            var ys = y.Slice(start * _targetsPerSample, n * _targetsPerSample);
            var output = _rows is null ? _model.ForwardBatch(xs, n, _random) : _model.ForwardBatch(memory, xs, n, _random);
            var gradient = _outputGradient.AsSpan(0, n * _spec.OutputSize);
            loss += _loss.Accumulate(output, ys, _fused ? Span<float>.Empty : gradient, n * _rowsPerSample, k, scale, labels01);
            if (_fused) _loss.FusedGradient(output, ys, gradient, n * _rowsPerSample, k, scale);
            if (updateMetrics)
                foreach (var m in _metrics) m.Update(output, ys, n * _rowsPerSample, k, _loss.SparseTargets);
            if (_rows is null)
            {
                activity += _model.ActivityPenalty(samples);
                _model.BackwardBatch(gradient, n, _fused, samples);
                continue;
            }
            activity += _model.ActivityPenalty(memory, samples);
            _rows.BackwardInputs(memory, gradient, n, _fused, samples);
            if (start + n == samples && steps)
            {
                StepWithGradients(memory, n, overwrite: start == 0);
                steppedHere = true;
            }
            else _rows.AccumulateWeightGradients(memory, _model.GradientBuffer, n, 0, 1, overwrite: start == 0);
        }
        return Apply(loss / rows + activity, parts: 1, steppedHere);
    }

    /// <summary>The last sub-batch's weight gradient and the optimizer's step in parts of about
    /// <see cref="StepPartFloats"/>, each updated as soon as its gradient is summed, while that is in L2 (the whole
    /// mnist-mlp gradient, 2.1 MB, is larger than a core's L2 before a whole-buffer step reads it back). Each element
    /// gets exactly what the whole step gives it.</summary>
    private void StepWithGradients(Span<float> memory, int samples, bool overwrite)
    {
        var weights = _model.WeightBuffer;
        var gradients = _model.GradientBuffer;
        int parts = Math.Max(1, gradients.Length / StepPartFloats);
        Optimizer.BeginStep(weights.Length);
        try
        {
            for (int p = 0; p < parts; p++)
            {
                var (start, end) = _rows!.WeightPart(p, parts);
                _rows.AccumulateWeightGradients(memory, gradients, samples, p, parts, overwrite);
                Optimizer.StepRange(weights, gradients, start, end - start);
            }
        }
        finally
        {
            Optimizer.EndStep(); // counted even if a part threw, as ChunkedBatch's fused step
        }
    }

    /// <summary>256 KB of weights a part: mnist-mlp training batch 32 on one thread, Emerald Rapids, in one process,
    /// two runs of 30 rounds alternating part sizes: best 25.6–25.7 µs per sample against 26.8–27.4 for the whole
    /// step after the gradient, medians 29.7–32.7 against 32.3–33.1; parts of 16 K floats or fewer were slower.</summary>
    private const int StepPartFloats = 65536;

    /// <summary>The step after the gradients: the regularizers' gradients added, the optimizer's update (unless the
    /// row split already <paramref name="stepped"/>), then the constraints. Returns the batch's loss with the weight
    /// penalty added.</summary>
    private float Apply(double loss, int parts, bool stepped = false)
    {
        float penalty = WeightPenalty(addGradient: true);
        if (!stepped) _chunked.Step(Optimizer, _model.WeightBuffer, _model.GradientBuffer, parts); // part by part across cores after a row split
        foreach (var constraint in _constraints) constraint.Apply(_model.WeightBuffer);
        _model.WeightsWritten();
        return (float)(loss + penalty);
    }

    /// <summary>How many chunks a batch is cut into across cores (<see cref="Threading.Parallelism"/>): the backward
    /// pass costs about twice the forward one. A model that normalizes over the batch always runs it whole.</summary>
    private int Chunks(int samples, bool backward) => _spec.BatchStatistics ? 1 :
        Threading.Parallelism.Chunks(samples, _model.MaxDegreeOfParallelism, (backward ? 3 : 1) * _spec.MultiplyAddsPerSample);

    /// <summary>A buffer for a batch's outputs (the metrics read them after the chunks), grown once to the largest batch.</summary>
    private Span<float> Outputs(int samples)
    {
        if (_outputs.Length < samples * _spec.OutputSize) _outputs = new float[samples * _spec.OutputSize];
        return _outputs.AsSpan(0, samples * _spec.OutputSize);
    }

    /// <summary>The weight regularizers' penalty at the current weights (Keras evaluates them each step, on trainable
    /// weights only), adding their gradients to the model's when <paramref name="addGradient"/>.</summary>
    private float WeightPenalty(bool addGradient)
    {
        if (_regularized.Length == 0) return 0f;
        var weights = _model.WeightBuffer;
        var gradients = _model.GradientBuffer;
        float penalty = 0;
        foreach (var (start, length, rule) in _regularized)
        {
            penalty += rule.Penalty(weights.Slice(start, length));
            if (addGradient) rule.AddGradient(weights.Slice(start, length), gradients.Slice(start, length), 1f);
        }
        return penalty;
    }

    /// <summary>BatchNormalization's statistics are over the whole batch: a batch larger than the training buffers
    /// would be normalized chunk by chunk, so it is refused instead.</summary>
    private void RequireWholeBatch(int samples, string parameter)
    {
        if (_spec.BatchStatistics && samples > _spec.MaxBatchSize)
            throw new ArgumentException(
                $"This model normalizes over the batch (BatchNormalization), and a batch of {samples} samples does not fit its training buffers of {_spec.MaxBatchSize}: it would be normalized in chunks, not as one batch. Train with batches of at most {_spec.MaxBatchSize}, or raise [Compile(MaxBatchSize = {samples})].",
                parameter);
    }

    private void Logs(List<KeyValuePair<string, double>> logs, double loss)
    {
        logs.Clear();
        logs.Add(new("loss", loss));
        foreach (var m in _metrics) logs.Add(new(m.Name, m.Value));
    }

    private int Validate(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int samples = x.Length / _spec.InputSize;
        if (x.Length == 0 || samples * _spec.InputSize != x.Length)
            throw new ArgumentException($"x must hold a positive whole number of samples of {_spec.InputSize} values; its length is {x.Length}.", nameof(x));
        if (y.Length != samples * _targetsPerSample)
            throw new ArgumentException(
                $"y must hold {samples} × {_targetsPerSample} = {samples * _targetsPerSample} targets ({(_loss.SparseTargets ? "class indices" : "values")} per sample) for the {samples} samples in x; its length is {y.Length}.",
                nameof(y));
        DataCheck.RequireFinite(x, _spec.InputSize, nameof(x));
        DataCheck.RequireFinite(y, _targetsPerSample, nameof(y));
        if (_loss.SparseTargets) DataCheck.RequireClassIndices(y, _spec.OutputWidth, nameof(y));
        return samples;
    }

    private void Shuffle(int[] order)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = (int)(_random.NextUInt64() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
