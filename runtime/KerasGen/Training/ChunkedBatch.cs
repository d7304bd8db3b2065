using System;
using System.Numerics;
using System.Runtime.InteropServices;
using KerasGen.Initialization;
using KerasGen.Kernels;
using KerasGen.Threading;

namespace KerasGen.Training;

/// <summary>
/// Data-parallel training: one batch's forward and backward passes cut into chunks of samples, each chunk in its own
/// training memory, output gradient, loss object and gradient buffer, run across cores
/// (<see cref="ChunkedWork{TSelf}"/>). The chunks, their dropout streams and the order in which their losses and
/// gradients are summed depend only on the batch and the chunk count, never on which thread ran what, so a step is
/// bit-for-bit reproducible for a given <c>MaxDegreeOfParallelism</c>.
/// </summary>
internal sealed class ChunkedBatch
{
    private readonly IDifferentiableModel _model;
    private readonly TrainingSpec _spec;
    private readonly bool _fused;
    private readonly int _rowsPerSample, _targetsPerSample;
    private Chunk[] _chunks = Array.Empty<Chunk>();

    public ChunkedBatch(IDifferentiableModel model, TrainingSpec spec, bool fused, int rowsPerSample, int targetsPerSample) =>
        (_model, _spec, _fused, _rowsPerSample, _targetsPerSample) = (model, spec, fused, rowsPerSample, targetsPerSample);

    /// <summary>
    /// Runs <paramref name="samples"/> samples in <paramref name="chunks"/> chunks: the forward pass, the loss and, when
    /// <paramref name="random"/> is given (training), the backward pass, whose gradients end summed in the model's
    /// <see cref="IDifferentiableModel.GradientBuffer"/> (chunk 0's own, then the others added in order). Each chunk's
    /// dropout stream is seeded from <paramref name="random"/> in chunk order. The outputs land in
    /// <paramref name="outputs"/> (for the metrics). Returns the summed row losses and activity penalties (each as
    /// <see cref="IDifferentiableModel.ActivityPenalty(ReadOnlySpan{float}, int)"/> gives it for
    /// <paramref name="batchSamples"/>).
    /// </summary>
    public unsafe (double Loss, double Activity) Run(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int samples, int chunks, int batchSamples, DeterministicRandom? random, Span<float> outputs)
    {
        Prepare(chunks);
        if (random is not null)
            for (int c = 0; c < chunks; c++) _chunks[c].Random.Reseed(random.NextUInt64());
        fixed (float* px = x)
        fixed (float* py = y)
        fixed (float* po = outputs)
        {
            var work = Work.Rent();
            (work.Batch, work.Samples, work.Chunks, work.BatchSamples, work.Training) = (this, samples, chunks, batchSamples, random is not null);
            work.X = px;
            work.Y = py;
            work.Outputs = po;
            work.Run(chunks);
        }
        double loss = 0, activity = 0;
        for (int c = 0; c < chunks; c++)
        {
            loss += _chunks[c].Loss;
            activity += _chunks[c].Activity;
        }
        if (random is not null)
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
        return (loss, activity);
    }

    /// <summary>Chunk <paramref name="c"/>: its samples through the training buffers, MaxBatchSize at a time.</summary>
    private void RunChunk(int c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> outputs, int samples, int chunks, int batchSamples, bool training)
    {
        var chunk = _chunks[c];
        var memory = chunk.Memory.Span;
        int start = Parallelism.ChunkStart(samples, chunks, c), end = Parallelism.ChunkStart(samples, chunks, c + 1);
        int k = _spec.OutputWidth, outputSize = _spec.OutputSize;
        float scale = 1f / (batchSamples * _rowsPerSample);
        var gradients = !training ? default : c == 0 ? _model.GradientBuffer : chunk.OwnGradients!.Span;
        gradients.Clear();
        double loss = 0, activity = 0;
        for (int s = start; s < end; s += _spec.MaxBatchSize)
        {
            int n = Math.Min(_spec.MaxBatchSize, end - s);
            var xs = x.Slice(s * _spec.InputSize, n * _spec.InputSize);
            var ys = y.Slice(s * _targetsPerSample, n * _targetsPerSample);
            var output = _model.ForwardBatch(memory, xs, n, training ? chunk.Random : null);
            output.CopyTo(outputs.Slice(s * outputSize));
            if (!training)
            {
                loss += chunk.LossFunction.Accumulate(output, ys, Span<float>.Empty, n * _rowsPerSample, k, 0);
                activity += _model.ActivityPenalty(memory, batchSamples);
                continue;
            }
            var gradient = chunk.OutputGradient.AsSpan(0, n * outputSize);
            loss += chunk.LossFunction.Accumulate(output, ys, _fused ? Span<float>.Empty : gradient, n * _rowsPerSample, k, scale);
            if (_fused) chunk.LossFunction.FusedGradient(output, ys, gradient, n * _rowsPerSample, k, scale);
            activity += _model.ActivityPenalty(memory, batchSamples);
            _model.BackwardBatch(memory, gradients, gradient, n, _fused, batchSamples);
        }
        (chunk.Loss, chunk.Activity) = (loss, activity);
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
                c == 0 ? null : new AlignedBuffer(_model.GradientBuffer.Length),
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

    private sealed unsafe class Work : ChunkedWork<Work>
    {
        public ChunkedBatch? Batch;
        public float* X, Y, Outputs;
        public int Samples, Chunks, BatchSamples;
        public bool Training;

        protected override void RunChunk(int chunk)
        {
            var batch = Batch!;
            var spec = batch._spec;
            batch.RunChunk(chunk,
                new ReadOnlySpan<float>(X, Samples * spec.InputSize),
                new ReadOnlySpan<float>(Y, Samples * batch._targetsPerSample),
                new Span<float>(Outputs, Samples * spec.OutputSize), Samples, Chunks, BatchSamples, Training);
        }

        protected override void Clear()
        {
            Batch = null;
            X = Y = Outputs = null;
        }
    }
}
