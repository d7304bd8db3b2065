using System;
using System.Numerics;
using System.Runtime.InteropServices;
using KerasGen.Initialization;
using KerasGen.Kernels;
using KerasGen.Threading;

namespace KerasGen.Training;

/// <summary>
/// Data-parallel training: one batch's forward and backward passes cut into chunks of samples, each chunk in its own
/// training memory, output gradient and loss object, run across cores (<see cref="ChunkedWork{TSelf}"/>). The chunks, their dropout streams and the order in which their losses and
/// gradients are summed depend only on the batch and the chunk count, never on which thread ran what, so a step is
/// bit-for-bit reproducible for a given <c>MaxDegreeOfParallelism</c>.
/// </summary>
/// <remarks>
/// Two ways to get the gradient. A model that cuts its weight gradient by kernel rows (<see cref="IRowSplitGradients"/>:
/// every weighted layer a Dense) runs each round of sub-batches in two phases: the chunks' forward passes and input
/// gradients, then each part of the weight rows is summed over every chunk's samples into the model's gradient buffer
/// by whichever core claims it, and each part of the weights is updated the same way: in the same work right after its
/// last round, when nothing comes between the gradient and the update, or after the step's regularizer gradients
/// (<see cref="Step"/>); an optimizer that clips steps on the calling thread (its norms need the whole gradient).
/// Other models give each chunk a gradient buffer of its own and add them up at the end.
/// </remarks>
internal sealed class ChunkedBatch
{
    private readonly IDifferentiableModel _model;
    private readonly IRowSplitGradients? _rows;
    private readonly TrainingSpec _spec;
    private readonly bool _fused;
    private readonly int _rowsPerSample, _targetsPerSample;
    private Chunk[] _chunks = Array.Empty<Chunk>();
    /// <summary>The running batch's hinge labels as <see cref="LossFunction.HingeLabels01"/> judged them over the whole batch.</summary>
    private bool _hingeLabels01;

    /// <summary>The row split's weight pass cuts the rows into this many parts per core, claimed one at a time, so a
    /// core slowed by the other's cache traffic or the hypervisor takes fewer: mnist-mlp training batch 32 on 2 cores,
    /// Emerald Rapids, in one process, two runs of 30 alternating rounds: median 26.4–26.5 µs per sample against
    /// 27.3–27.7 with one part per core. The parts do not change a bit (each element sums the samples in order).</summary>
    private const int PartsPerChunk = 4;

    public ChunkedBatch(IDifferentiableModel model, TrainingSpec spec, bool fused, int rowsPerSample, int targetsPerSample) =>
        (_model, _rows, _spec, _fused, _rowsPerSample, _targetsPerSample) = (model, model as IRowSplitGradients, spec, fused, rowsPerSample, targetsPerSample);

    /// <summary>
    /// Runs <paramref name="samples"/> samples in <paramref name="chunks"/> chunks: the forward pass, the loss and, when
    /// <paramref name="random"/> is given (training), the backward pass, whose gradients end summed in the model's
    /// <see cref="IDifferentiableModel.GradientBuffer"/>: in a row split, each part's rows over every chunk's samples,
    /// round by round and chunk by chunk; otherwise chunk 0's own, then the others added in order. Each chunk's
    /// dropout stream is seeded from <paramref name="random"/> in chunk order. The outputs land in
    /// <paramref name="outputs"/> (for the metrics). Returns the summed row losses and activity penalties (each as
    /// <see cref="IDifferentiableModel.ActivityPenalty(ReadOnlySpan{float}, int)"/> gives it for
    /// <paramref name="batchSamples"/>), and the parts a row split cut the weight gradient into (1: none), for
    /// <see cref="Step"/>.
    /// </summary>
    public unsafe (double Loss, double Activity, int Parts) Run(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int samples, int chunks, int batchSamples, DeterministicRandom? random, Span<float> outputs, bool hingeLabels01) =>
        Run(x, y, samples, chunks, batchSamples, random, outputs, hingeLabels01, step: null).Result;

    /// <summary>
    /// <see cref="Run(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int, int, DeterministicRandom?, Span{float}, bool)"/>
    /// that, when <paramref name="step"/> is given and the batch is row-split, also takes the optimizer's step: each
    /// part of the weights is updated right after its gradient's last round, by the core that summed it, while that
    /// gradient is in its cache (a separate step found it in the other core's cache about half the time, and cost
    /// one more hand-off). Only for a step with nothing between the gradient and the update (no regularizer
    /// gradients, no clipping: the caller checks). Returns whether it stepped.
    /// </summary>
    public unsafe ((double Loss, double Activity, int Parts) Result, bool Stepped) Run(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int samples, int chunks, int batchSamples, DeterministicRandom? random, Span<float> outputs, bool hingeLabels01, Optimizers.Optimizer? step)
    {
        _hingeLabels01 = hingeLabels01;
        Prepare(chunks);
        if (random is not null)
            for (int c = 0; c < chunks; c++) _chunks[c].Random.Reseed(random.NextUInt64());
        bool rowSplit = random is not null && _rows is not null;
        var optimizer = rowSplit && step is not null && step.StepsInRanges ? step : null;
        bool stepped = false;
        fixed (float* px = x)
        fixed (float* py = y)
        fixed (float* po = outputs)
        fixed (float* pg = _model.GradientBuffer)
        {
            // Rounds of at most one sub-batch per chunk: the row split's second phase reads every chunk's training
            // memory, which holds one sub-batch (MaxBatchSize samples) at a time.
            int longest = 0;
            for (int c = 0; c < chunks; c++) longest = Math.Max(longest, Parallelism.ChunkStart(samples, chunks, c + 1) - Parallelism.ChunkStart(samples, chunks, c));
            int rounds = rowSplit ? (longest + _spec.MaxBatchSize - 1) / _spec.MaxBatchSize : 1;
            for (int round = 0; round < rounds; round++)
            {
                var work = Work.Rent();
                (work.Batch, work.Samples, work.Chunks, work.BatchSamples, work.Training, work.Round) = (this, samples, chunks, batchSamples, random is not null, rowSplit ? round : -1);
                work.X = px;
                work.Y = py;
                work.Outputs = po;
                work.Run(chunks);
                if (!rowSplit) continue;
                var weights = WeightGradients.Rent();
                (weights.Batch, weights.Round, weights.Chunks, weights.Parts, weights.Length) = (this, round, chunks, chunks * PartsPerChunk, _model.GradientBuffer.Length);
                weights.Gradients = pg;
                if (round < rounds - 1 || optimizer is null)
                {
                    weights.Run(weights.Parts, chunks);
                    continue;
                }
                // The last round steps each part as its gradient is done. WeightBuffer only here: reading it marks the
                // weights as written (the packed copy for Predict is then rebuilt).
                var weightBuffer = _model.WeightBuffer;
                if (weightBuffer.Length != _model.GradientBuffer.Length) throw new InvalidOperationException("The weight and gradient buffers differ in length.");
                optimizer.BeginStep(weightBuffer.Length);
                try
                {
                    fixed (float* pw = weightBuffer)
                    {
                        weights.Optimizer = optimizer;
                        weights.Weights = pw;
                        weights.Run(weights.Parts, chunks);
                    }
                }
                finally
                {
                    optimizer.EndStep(); // counted even if a part threw, so the step's once-per-step state moved once
                }
                stepped = true;
            }
        }
        double loss = 0, activity = 0;
        for (int c = 0; c < chunks; c++)
        {
            loss += _chunks[c].Loss;
            activity += _chunks[c].Activity;
        }
        if (random is not null && !rowSplit)
        {
            // The chunks' gradients added to chunk 0's in chunk order, each core taking a range of the weights: every
            // element sums in the same order as on one thread, so the bits do not depend on who summed what.
            fixed (float* sum = _model.GradientBuffer)
            {
                var reduce = Reduction.Rent();
                (reduce.Batch, reduce.Chunks, reduce.Length) = (this, chunks, _model.GradientBuffer.Length);
                reduce.Sum = sum;
                reduce.Run(chunks);
            }
        }
        return ((loss, activity, rowSplit ? chunks : 1), stepped);
    }

    /// <summary>
    /// The optimizer's step on the gradient a training <see cref="Run(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int, int, DeterministicRandom?, Span{float}, bool)"/> left in <paramref name="parts"/> parts (its
    /// result): after a row split, the parts of
    /// the weights across cores (one per chunk, each covering the finer parts the gradient was summed in, so a core
    /// often finds much of its part's gradient in its own cache; nothing pins a part to a core), unless the optimizer clips (its norms need the whole
    /// gradient); otherwise on the calling thread.
    /// </summary>
    public unsafe void Step(Optimizers.Optimizer optimizer, Span<float> weights, ReadOnlySpan<float> gradients, int parts)
    {
        if (parts == 1 || !optimizer.StepsInRanges || weights.Length != gradients.Length)
        {
            optimizer.Step(weights, gradients);
            return;
        }
        optimizer.BeginStep(weights.Length);
        fixed (float* pw = weights)
        fixed (float* pg = gradients)
        {
            var work = OptimizerWork.Rent();
            (work.Batch, work.Optimizer, work.Parts, work.Length) = (this, optimizer, parts, weights.Length);
            work.Weights = pw;
            work.Gradients = pg;
            work.Run(parts);
        }
        optimizer.EndStep();
    }

    /// <summary>Chunk <paramref name="c"/>: its samples through the training buffers, MaxBatchSize at a time; or, in
    /// a row split's round <paramref name="round"/> (≥ 0), only that round's sub-batch, without weight gradients.</summary>
    private void RunChunk(int c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> outputs, int samples, int chunks, int batchSamples, bool training, int round)
    {
        var chunk = _chunks[c];
        int start = Parallelism.ChunkStart(samples, chunks, c), end = Parallelism.ChunkStart(samples, chunks, c + 1);
        if (round <= 0) (chunk.Loss, chunk.Activity) = (0, 0);
        if (round >= 0)
        {
            int first = start + round * _spec.MaxBatchSize;
            chunk.RoundSamples = Math.Max(0, Math.Min(_spec.MaxBatchSize, end - first));
            if (chunk.RoundSamples > 0) SubBatch(chunk, x, y, outputs, first, chunk.RoundSamples, batchSamples, training, default, rowSplit: true);
            return;
        }
        var gradients = !training ? default : c == 0 ? _model.GradientBuffer : chunk.OwnGradients!.Span;
        gradients.Clear();
        for (int s = start; s < end; s += _spec.MaxBatchSize)
            SubBatch(chunk, x, y, outputs, s, Math.Min(_spec.MaxBatchSize, end - s), batchSamples, training, gradients, rowSplit: false);
    }

    /// <summary>Samples <paramref name="s"/> … <paramref name="s"/> + <paramref name="n"/> − 1 through the chunk's
    /// training memory: forward, loss, and when training the backward pass (into <paramref name="gradients"/>, or
    /// for a row split only the input gradients).</summary>
    private void SubBatch(Chunk chunk, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> outputs, int s, int n, int batchSamples, bool training, Span<float> gradients, bool rowSplit)
    {
        var memory = chunk.Memory.Span;
        int k = _spec.OutputWidth, outputSize = _spec.OutputSize;
        var xs = x.Slice(s * _spec.InputSize, n * _spec.InputSize);
        var ys = y.Slice(s * _targetsPerSample, n * _targetsPerSample);
        var output = _model.ForwardBatch(memory, xs, n, training ? chunk.Random : null);
        output.CopyTo(outputs.Slice(s * outputSize));
        if (!training)
        {
            chunk.Loss += chunk.LossFunction.Accumulate(output, ys, Span<float>.Empty, n * _rowsPerSample, k, 0, _hingeLabels01);
            chunk.Activity += _model.ActivityPenalty(memory, batchSamples);
            return;
        }
        float scale = 1f / (batchSamples * _rowsPerSample);
        var gradient = chunk.OutputGradient.AsSpan(0, n * outputSize);
        chunk.Loss += chunk.LossFunction.Accumulate(output, ys, _fused ? Span<float>.Empty : gradient, n * _rowsPerSample, k, scale, _hingeLabels01);
        if (_fused) chunk.LossFunction.FusedGradient(output, ys, gradient, n * _rowsPerSample, k, scale);
        chunk.Activity += _model.ActivityPenalty(memory, batchSamples);
        if (rowSplit) _rows!.BackwardInputs(memory, gradient, n, _fused, batchSamples);
        else _model.BackwardBatch(memory, gradients, gradient, n, _fused, batchSamples);
    }

    /// <summary>Workspaces for <paramref name="chunks"/> chunks, made once and kept (a chunk's own gradient buffer only
    /// from chunk 1 on: chunk 0 writes the model's).</summary>
    private void Prepare(int chunks)
    {
        if (_chunks.Length >= chunks) return;
        var grown = new Chunk[chunks];
        _chunks.CopyTo(grown, 0);
        _ = _model.GradientBuffer; // made here, not lazily on whichever thread runs chunk 0
        for (int c = _chunks.Length; c < chunks; c++)
            grown[c] = new Chunk(
                new AlignedBuffer(_model.TrainingMemorySize),
                c == 0 || _rows is not null ? null : new AlignedBuffer(_model.GradientBuffer.Length),
                new float[_spec.MaxBatchSize * _spec.OutputSize],
                LossFunction.Create(_spec.Loss, _spec.FromLogits));
        _chunks = grown;
    }

    private static void Add(Span<float> sum, ReadOnlySpan<float> addend)
    {
        var s = MemoryMarshal.Cast<float, Vector<float>>(sum);
        var a = MemoryMarshal.Cast<float, Vector<float>>(addend);
        for (int i = 0; i < s.Length; i++) s[i] += a[i];
        for (int i = s.Length * Vector<float>.Count; i < sum.Length; i++) sum[i] += addend[i];
    }

    private sealed class Chunk(AlignedBuffer memory, AlignedBuffer? ownGradients, float[] outputGradient, LossFunction lossFunction)
    {
        public readonly AlignedBuffer Memory = memory;
        public readonly AlignedBuffer? OwnGradients = ownGradients;
        public readonly float[] OutputGradient = outputGradient;
        /// <summary>Its own: a loss keeps scratch between rows.</summary>
        public readonly LossFunction LossFunction = lossFunction;
        public readonly DeterministicRandom Random = new(0);
        public double Loss, Activity;
        /// <summary>The samples of the row split's current round in <see cref="Memory"/> (0: none).</summary>
        public int RoundSamples;
    }

    /// <summary>Range <c>r</c> of the weights: the gradients of chunks 1 … n − 1 added to the sum, in chunk order.</summary>
    private sealed unsafe class Reduction : ChunkedWork<Reduction>
    {
        /// <summary>Ranges start on whole vectors of the widest register.</summary>
        private const int Granule = 16;
        public ChunkedBatch? Batch;
        public float* Sum;
        public int Chunks, Length;

        protected override void RunChunk(int range)
        {
            int start = Threading.Parallelism.ChunkStart(Length, Chunks, range, Granule);
            int end = Threading.Parallelism.ChunkStart(Length, Chunks, range + 1, Granule);
            var sum = new Span<float>(Sum + start, end - start);
            for (int c = 1; c < Chunks; c++) Add(sum, Batch!._chunks[c].OwnGradients!.Span.Slice(start, end - start));
        }

        protected override void Clear()
        {
            Batch = null;
            Sum = null;
        }
    }

    /// <summary>Part <c>p</c> of a row split's round: its rows of the weight gradient, summed over every chunk's
    /// sub-batch in chunk order (round 0's first written over the old values), then, when <see cref="Optimizer"/> is set (the last
    /// round of a fused step), the optimizer's update of those weights.</summary>
    private sealed unsafe class WeightGradients : ChunkedWork<WeightGradients>
    {
        public ChunkedBatch? Batch;
        public Optimizers.Optimizer? Optimizer;
        public float* Gradients, Weights;
        public int Round, Chunks, Parts, Length;

        protected override void RunChunk(int part)
        {
            var batch = Batch!;
            var gradients = new Span<float>(Gradients, Length);
            var (start, end) = batch._rows!.WeightPart(part, Parts);
            // Round 0's first sub-batch writes the part's sums over the last step's gradient instead of adding to a
            // cleared one: the same bits, without a clearing pass (4% of a two-core mnist-mlp step).
            bool overwrite = Round == 0;
            for (int c = 0; c < Chunks; c++)
            {
                var chunk = batch._chunks[c];
                if (chunk.RoundSamples == 0) continue;
                batch._rows.AccumulateWeightGradients(chunk.Memory.Span, gradients, chunk.RoundSamples, part, Parts, overwrite);
                overwrite = false;
            }
            if (overwrite) gradients.Slice(start, end - start).Clear(); // no chunk had a sample this round
            Optimizer?.StepRange(new Span<float>(Weights, Length), gradients, start, end - start);
        }

        protected override void Clear()
        {
            Batch = null;
            Optimizer = null;
            Gradients = Weights = null;
        }
    }

    /// <summary>Part <c>p</c> of the optimizer's step: the weights whose gradient part <c>p</c> summed.</summary>
    private sealed unsafe class OptimizerWork : ChunkedWork<OptimizerWork>
    {
        public ChunkedBatch? Batch;
        public Optimizers.Optimizer? Optimizer;
        public float* Weights, Gradients;
        public int Parts, Length;

        protected override void RunChunk(int part)
        {
            var (start, end) = Batch!._rows!.WeightPart(part, Parts);
            Optimizer!.StepRange(new Span<float>(Weights, Length), new ReadOnlySpan<float>(Gradients, Length), start, end - start);
        }

        protected override void Clear()
        {
            Batch = null;
            Optimizer = null;
            Weights = Gradients = null;
        }
    }

    private sealed unsafe class Work : ChunkedWork<Work>
    {
        public ChunkedBatch? Batch;
        public float* X, Y, Outputs;
        public int Samples, Chunks, BatchSamples, Round;
        public bool Training;

        protected override void RunChunk(int chunk)
        {
            var batch = Batch!;
            var spec = batch._spec;
            batch.RunChunk(chunk,
                new ReadOnlySpan<float>(X, Samples * spec.InputSize),
                new ReadOnlySpan<float>(Y, Samples * batch._targetsPerSample),
                new Span<float>(Outputs, Samples * spec.OutputSize), Samples, Chunks, BatchSamples, Training, Round);
        }

        protected override void Clear()
        {
            Batch = null;
            X = Y = Outputs = null;
        }
    }
}
