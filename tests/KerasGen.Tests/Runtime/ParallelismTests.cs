using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Threading;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>MaxDegreeOfParallelism (issue 11): a batch cut into chunks across cores gives one thread's Predict bit for
/// bit, training is reproducible bit for bit for a given setting and agrees with one thread to rounding.</summary>
public class ParallelismTests
{
    private static float[] Data(int length, int seed) => TestData.Uniform(length, seed);

    private static float[] OneHot(int samples, int classes, int seed) => TestData.OneHot(samples, classes, seed);

    [Fact]
    public void A_worker_thread_runs_chunks_of_a_parallel_predict()
    {
        // A worker that wakes late legitimately finds every chunk taken, so one call proves nothing: within a few
        // seconds of calls (each ~1 ms of chunks), some chunk must have run on a worker, or nothing runs in parallel.
        var model = new ParallelMlp(1) { MaxDegreeOfParallelism = 2 };
        var x = Data(256 * 128, 1);
        var y = new float[256 * 10];
        long before = WorkerThreads.ChunksRun;
        var until = DateTime.UtcNow.AddSeconds(10);
        while (WorkerThreads.ChunksRun == before && DateTime.UtcNow < until) model.Predict(x, y);
        Assert.True(WorkerThreads.ChunksRun > before, "No worker thread ran a chunk of a batch Predict cut in two in 10 s of calls.");
    }

    [Fact]
    public void The_default_is_every_core_and_bad_values_are_refused()
    {
        var model = new ParallelMlp(1);
        Assert.Equal(Environment.ProcessorCount, model.MaxDegreeOfParallelism);
        model.MaxDegreeOfParallelism = 3;
        Assert.Equal(3, model.MaxDegreeOfParallelism);
        model.MaxDegreeOfParallelism = -1;
        Assert.Equal(Environment.ProcessorCount, model.MaxDegreeOfParallelism);
        foreach (int bad in new[] { 0, -2, int.MinValue })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.MaxDegreeOfParallelism = bad);
            Assert.Contains("MaxDegreeOfParallelism must be at least 1", error.Message);
        }
        Assert.Equal(Environment.ProcessorCount, model.MaxDegreeOfParallelism);
        IModel untrained = new PimaModel(1) { MaxDegreeOfParallelism = 1 };
        Assert.Equal(1, untrained.MaxDegreeOfParallelism);
    }

    [Theory]
    [InlineData(64, 2, 221L, 1)]          // pima: 14 k multiply-adds in all, not worth a hand-off
    [InlineData(64, 1, 535_000L, 1)]      // one thread asked for
    [InlineData(64, 2, 535_000L, 2)]      // mnist-mlp batch 64
    [InlineData(64, 64, 535_000L, 16)]    // never fewer than 4 samples a chunk
    [InlineData(3, 2, 10_000_000L, 1)]
    [InlineData(10, 8, 100_000L, 1)]      // 1 M in all: one chunk's worth
    [InlineData(40, 8, 100_000L, 4)]
    public void Chunks_follow_the_work_the_samples_and_the_setting(int samples, int degree, long multiplyAdds, int expected) =>
        Assert.Equal(expected, Parallelism.Chunks(samples, degree, multiplyAdds, minSamplesPerChunk: 4));

    [Fact]
    public void Chunk_boundaries_cover_the_batch_on_the_granule()
    {
        foreach (var (samples, chunks) in new[] { (37, 2), (64, 3), (5, 5), (1000, 7) })
        {
            var starts = Enumerable.Range(0, chunks + 1).Select(c => Parallelism.ChunkStart(samples, chunks, c, granule: 4)).ToArray();
            Assert.Equal(0, starts[0]);
            Assert.Equal(samples, starts[^1]);
            for (int c = 0; c < chunks; c++)
            {
                Assert.True(starts[c] <= starts[c + 1]);
                Assert.Equal(0, starts[c] % 4);
            }
        }
    }

    public static IEnumerable<object[]> PathsAndDegrees() =>
        ModelRunner.Paths().SelectMany(p => new[] { 2, 3, 8 }.Select(d => new[] { p[0], d }));

    [Theory]
    [MemberData(nameof(PathsAndDegrees))]
    public void Parallel_predict_gives_one_threads_values_bit_for_bit(KernelPath path, int degree)
    {
        const int samples = 37; // 3.7 chunks' worth of work; not a multiple of the row block
        var x = Data(samples * 128, 1);
        var serial = new ParallelMlp(4) { MaxDegreeOfParallelism = 1 };
        var parallel = new ParallelMlp(4) { MaxDegreeOfParallelism = degree };
        Assert.True(Parallelism.Chunks(samples, degree, 100_000, 4) > 1);
        Assert.Equal(ModelRunner.Predict(serial, x, samples * 10, path), ModelRunner.Predict(parallel, x, samples * 10, path));
    }

    [Fact]
    public void Concurrent_parallel_predicts_on_one_instance_each_get_their_own_values()
    {
        var model = new ParallelMlp(5) { MaxDegreeOfParallelism = 4 };
        var inputs = Enumerable.Range(0, 8).Select(i => Data(48 * 128, 10 + i)).ToArray();
        var reference = new ParallelMlp(5) { MaxDegreeOfParallelism = 1 };
        var expected = inputs.Select(x => ModelRunner.Predict(reference, x, 48 * 10, KernelPath.Auto)).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (int round = 0; round < 20; round++)
                Assert.Equal(expected[i], ModelRunner.Predict(model, inputs[i], 48 * 10, KernelPath.Auto));
        });
    }

    private static (float[][] Weights, double[] Losses) Fit<TModel>(Func<int, TModel> create, int degree, float[] x, float[] y)
        where TModel : ITrainableModel
    {
        var model = create(7);
        model.MaxDegreeOfParallelism = degree;
        var history = model.Fit(x, y, epochs: 3, batchSize: 40, validationSplit: 0.2f, verbose: 0);
        return (model.GetWeights(), history["loss"].Concat(history["val_loss"]).ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Training_is_reproducible_bit_for_bit_for_a_given_setting(int degree)
    {
        var x = Data(200 * 128, 2);
        var y = OneHot(200, 10, 3);
        var first = Fit(s => new ParallelMlp(s), degree, x, y);
        var second = Fit(s => new ParallelMlp(s), degree, x, y);
        Assert.Equal(first.Losses, second.Losses);
        for (int i = 0; i < first.Weights.Length; i++) Assert.Equal(first.Weights[i], second.Weights[i]);

        // Dropout: each chunk draws its own stream, seeded in chunk order.
        var xd = Data(200 * 512, 4);
        var yd = Data(200 * 4, 5).Select(v => v > 0 ? 1f : 0f).ToArray();
        var dropout = Fit(s => new ParallelDropoutNet(s), degree, xd, yd);
        var again = Fit(s => new ParallelDropoutNet(s), degree, xd, yd);
        Assert.Equal(dropout.Losses, again.Losses);
        for (int i = 0; i < dropout.Weights.Length; i++) Assert.Equal(dropout.Weights[i], again.Weights[i]);
    }

    [Fact]
    public void Training_across_cores_agrees_with_one_thread()
    {
        void Agree(float[][] a, float[][] b, double[] la, double[] lb)
        {
            for (int i = 0; i < la.Length; i++) Assert.Equal(la[i], lb[i], 4e-6 * Math.Max(1, Math.Abs(la[i])));
            for (int w = 0; w < a.Length; w++)
                for (int i = 0; i < a[w].Length; i++) Assert.True(Math.Abs(a[w][i] - b[w][i]) <= 2e-5f, $"weight {w}[{i}]: {a[w][i]} vs {b[w][i]}");
        }
        var x = Data(200 * 128, 6);
        var y = OneHot(200, 10, 7);
        var one = Fit(s => new ParallelMlp(s), 1, x, y);
        var two = Fit(s => new ParallelMlp(s), 2, x, y);
        var three = Fit(s => new ParallelMlp(s), 3, x, y);
        Agree(one.Weights, two.Weights, one.Losses, two.Losses);
        Agree(one.Weights, three.Weights, one.Losses, three.Losses);

        var xc = Data(200 * 64 * 8, 8);
        var yc = OneHot(200, 3, 9);
        var conv = Fit(s => new ParallelConvNet(s), 1, xc, yc);
        var convParallel = Fit(s => new ParallelConvNet(s), 2, xc, yc);
        Agree(conv.Weights, convParallel.Weights, conv.Losses, convParallel.Losses);
    }

    [Fact]
    public void Evaluate_across_cores_agrees_with_one_thread_with_activity_penalties_and_metrics()
    {
        var x = Data(96 * 512, 11);
        var y = Data(96 * 4, 12).Select(v => v > 0 ? 1f : 0f).ToArray();
        var serial = new ParallelDropoutNet(3) { MaxDegreeOfParallelism = 1 };
        var parallel = new ParallelDropoutNet(3) { MaxDegreeOfParallelism = 2 };
        foreach (int batch in new[] { 32, 96, 50 })
        {
            var a = serial.Evaluate(x, y, batch);
            var b = parallel.Evaluate(x, y, batch);
            Assert.Equal(a[0], b[0], 1e-6f * Math.Max(1, Math.Abs(a[0])));
            Assert.Equal(a[1], b[1]);
        }
    }

    [Fact]
    public void A_model_that_normalizes_over_the_batch_trains_it_whole_on_any_setting()
    {
        var x = Data(64 * 256, 13);
        var y = Data(64 * 2, 14);
        var serial = new ParallelBatchNormNet(2) { MaxDegreeOfParallelism = 1 };
        var parallel = new ParallelBatchNormNet(2) { MaxDegreeOfParallelism = 8 };
        for (int step = 0; step < 3; step++) Assert.Equal(serial.TrainOnBatch(x, y), parallel.TrainOnBatch(x, y));
        var (a, b) = (serial.GetWeights(), parallel.GetWeights());
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i]);
    }

    [Fact]
    public void A_chunks_exception_reaches_the_caller_and_the_work_object_is_reused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Throwing.Rent().Run(4));
        Assert.Equal("chunk 2", error.Message);
        for (int i = 0; i < 50; i++)
        {
            var work = Counting.Rent();
            work.Reset(6);
            work.Run(6);
            Assert.Equal(new[] { 1, 1, 1, 1, 1, 1 }, work.Runs);
        }
    }

    [Fact]
    public void More_chunks_than_threads_run_each_chunk_once_on_those_threads()
    {
        for (int i = 0; i < 50; i++)
        {
            var work = CountingThreads.Rent();
            work.Reset(8);
            work.Run(8, threads: 2);
            Assert.Equal(Enumerable.Repeat(1, 8), work.Runs);
            Assert.True(work.Threads.Count <= 2, $"8 chunks on at most 2 threads ran on {work.Threads.Count}");
        }
    }

    [Fact]
    public void Work_on_one_thread_runs_every_chunk_on_the_caller_while_workers_sleep()
    {
        // Start the workers, then wait until one has spun out (1 ms) and sleeps: posting no copies must not try to
        // wake it (SemaphoreSlim.Release(0) threw here). Other tests running beside this one may keep the workers
        // busy; it waits up to 5 s for a sleeping one.
        var warm = CountingThreads.Rent();
        warm.Reset(4);
        warm.Run(4, threads: 2);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (WorkerThreads.Sleeping == 0 && DateTime.UtcNow < deadline) System.Threading.Thread.Sleep(5);
        var work = CountingThreads.Rent();
        work.Reset(5);
        work.Run(5, threads: 1);
        Assert.Equal(Enumerable.Repeat(1, 5), work.Runs);
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, work.Threads.Keys);
    }

    /// <summary>Records which threads ran its chunks.</summary>
    private sealed class CountingThreads : ChunkedWork<CountingThreads>
    {
        public int[] Runs = Array.Empty<int>();
        public System.Collections.Concurrent.ConcurrentDictionary<int, bool> Threads = new();

        public void Reset(int chunks) => (Runs, Threads) = (new int[chunks], new());

        protected override void RunChunk(int chunk)
        {
            Threads[Environment.CurrentManagedThreadId] = true;
            System.Threading.Interlocked.Increment(ref Runs[chunk]);
        }

        protected override void Clear() { }
    }

    private sealed class Throwing : ChunkedWork<Throwing>
    {
        protected override void RunChunk(int chunk)
        {
            if (chunk == 2) throw new InvalidOperationException("chunk 2");
        }

        protected override void Clear() { }
    }

    private sealed class Counting : ChunkedWork<Counting>
    {
        public int[] Runs = Array.Empty<int>();

        public void Reset(int chunks) => Runs = new int[chunks];

        protected override void RunChunk(int chunk) => System.Threading.Interlocked.Increment(ref Runs[chunk]);

        protected override void Clear() { }
    }
}
