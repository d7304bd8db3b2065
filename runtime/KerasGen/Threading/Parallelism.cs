using System;
using System.ComponentModel;

namespace KerasGen.Threading;

/// <summary>
/// How many chunks a batch is cut into: as many as <c>MaxDegreeOfParallelism</c> allows, but never so many that a
/// chunk holds less work than a thread hand-off costs. The count depends only on the batch, the setting and the
/// model, never on timing or the machine, so training with a given setting is bit-for-bit reproducible.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Parallelism
{
    /// <summary>
    /// The least work, in multiply-adds, worth a chunk of its own: ~50–100 µs on one core. An awake worker picks a chunk
    /// up within a microsecond, but one that has gone to sleep takes hundreds of µs to wake on the 2-core VM, and then
    /// the caller has done that chunk itself: a chunk this size loses little either way. The multi-core rows of the
    /// benchmarks (KerasGen against KerasGen1Thread in MnistBatch64, MnistTraining, Conv2DBatch64) measure the gain.
    /// </summary>
    public const long MinMultiplyAddsPerChunk = 1_000_000;

    /// <summary>The default of every model's <c>MaxDegreeOfParallelism</c>: all cores, as ONNX Runtime and Keras.</summary>
    public static int DefaultDegree => Environment.ProcessorCount;

    /// <summary>Checks a <c>MaxDegreeOfParallelism</c> value: −1 means all cores (as <c>ParallelOptions</c>), otherwise
    /// at least 1.</summary>
    public static int Validate(int value) => value switch
    {
        -1 => Environment.ProcessorCount,
        >= 1 => value,
        _ => throw new ArgumentOutOfRangeException("MaxDegreeOfParallelism", value,
            "MaxDegreeOfParallelism must be at least 1 (1 runs all work on the calling thread), or -1 for all cores."),
    };

    /// <summary>The chunks for <paramref name="samples"/> samples of <paramref name="multiplyAddsPerSample"/> each,
    /// each chunk at least <paramref name="minSamplesPerChunk"/> samples: 1 means run on the calling thread.</summary>
    public static int Chunks(int samples, int maxDegree, long multiplyAddsPerSample, int minSamplesPerChunk = 1)
    {
        if (maxDegree <= 1) return 1;
        long byWork = samples * Math.Max(1, multiplyAddsPerSample) / MinMultiplyAddsPerChunk;
        long bySamples = samples / Math.Max(1, minSamplesPerChunk);
        return (int)Math.Max(1, Math.Min(maxDegree, Math.Min(byWork, bySamples)));
    }

    /// <summary>Where chunk <paramref name="chunk"/> of <paramref name="chunks"/> starts: near-equal chunks, each
    /// boundary on a multiple of <paramref name="granule"/> samples (the batch kernels' row block).</summary>
    public static int ChunkStart(int samples, int chunks, int chunk, int granule = 1)
    {
        if (chunk >= chunks) return samples;
        int start = (int)((long)samples * chunk / chunks);
        return start - start % granule;
    }
}
