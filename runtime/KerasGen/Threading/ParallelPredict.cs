using System;
using System.ComponentModel;

namespace KerasGen.Threading;

/// <summary>What a generated model gives <see cref="ParallelPredict"/>: its one-thread batch Predict.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChunkedPredictor
{
    /// <summary>Predict on these samples with the batch kernels, on the calling thread (<see cref="KernelPath.Auto"/>:
    /// the machine's widest path).</summary>
    void PredictChunk(ReadOnlySpan<float> x, Span<float> y, KernelPath path);
}

/// <summary>A batch Predict cut into chunks of samples run across cores (<see cref="ChunkedWork{TSelf}"/>). Each sample
/// is computed as on one thread, so the result does not depend on the chunking.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParallelPredict
{
    /// <summary>The batch kernels' row block: chunk boundaries fall on it so no chunk ends in a partial block.</summary>
    private const int Granule = 4;

    public static unsafe void Run(IChunkedPredictor model, ReadOnlySpan<float> x, Span<float> y, int inputSize, int outputSize, int chunks, KernelPath path)
    {
        // Pinned for the duration of the call: the caller waits for every chunk before these go out of scope.
        fixed (float* input = x)
        fixed (float* output = y)
        {
            var work = Work.Rent();
            work.Input = input;
            work.Output = output;
            (work.Model, work.InputSize, work.OutputSize, work.Samples, work.Chunks, work.Path) =
                (model, inputSize, outputSize, x.Length / inputSize, chunks, path);
            work.Run(chunks);
        }
    }

    private sealed unsafe class Work : ChunkedWork<Work>
    {
        public IChunkedPredictor? Model;
        public float* Input, Output;
        public int InputSize, OutputSize, Samples, Chunks;
        public KernelPath Path;

        protected override void RunChunk(int chunk)
        {
            int start = Parallelism.ChunkStart(Samples, Chunks, chunk, Granule);
            int end = Parallelism.ChunkStart(Samples, Chunks, chunk + 1, Granule);
            if (end <= start) return;
            Model!.PredictChunk(
                new ReadOnlySpan<float>(Input + (long)start * InputSize, (end - start) * InputSize),
                new Span<float>(Output + (long)start * OutputSize, (end - start) * OutputSize), Path);
        }

        protected override void Clear()
        {
            Model = null;
            Input = Output = null;
        }
    }
}
