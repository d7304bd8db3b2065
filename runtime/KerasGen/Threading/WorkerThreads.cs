using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace KerasGen.Threading;

/// <summary>
/// KerasGen's own background threads for chunked work, as ONNX Runtime keeps its own pool. The .NET thread pool's
/// workers block when idle, and waking one took as long as the chunk it was meant to share (measured on the 2-core
/// Firecracker VM: a queued item started a median 816 µs later, after the caller had done the whole 830 µs batch
/// itself). These threads spin for <see cref="SpinMicroseconds"/> after their last chunk, so back-to-back batches find
/// them awake, then block, so an idle process burns nothing.
/// </summary>
internal static class WorkerThreads
{
    /// <summary>How long an idle worker keeps polling before it blocks: longer than the gap between the batches of a
    /// training loop or a benchmark, short enough that a model called now and then costs a core for only this long.</summary>
    private const int SpinMicroseconds = 1000;

    /// <summary>First in, first out; a list, so a caller can withdraw the copies no worker took (<see cref="Withdraw"/>).</summary>
    private static readonly List<IThreadPoolWorkItem> s_queue = new();
    private static readonly SemaphoreSlim s_wake = new(0);
    private static int s_queued, s_sleeping, s_threads;
    private static long s_allocated, s_chunks;

    /// <summary>The bytes the workers have allocated while running chunks (none, once warm; tests check).</summary>
    internal static long AllocatedBytes => Interlocked.Read(ref s_allocated);

    /// <summary>Workers blocked until the next Post (tests wait for one).</summary>
    internal static int Sleeping => Volatile.Read(ref s_sleeping);

    /// <summary>The chunks workers (not callers) have run: tests check that work does reach another thread.</summary>
    internal static long ChunksRun => Interlocked.Read(ref s_chunks);

    internal static void CountChunks(int chunks)
    {
        if (chunks > 0) Interlocked.Add(ref s_chunks, chunks);
    }

    /// <summary>Hands <paramref name="item"/> to <paramref name="copies"/> workers (each runs its Execute once),
    /// starting threads until there are that many.</summary>
    public static void Post(IThreadPoolWorkItem item, int copies)
    {
        if (copies <= 0) return; // work on the calling thread alone (SemaphoreSlim.Release(0) would throw)
        lock (s_queue)
        {
            for (int i = 0; i < copies; i++) s_queue.Add(item);
            Volatile.Write(ref s_queued, s_queue.Count);
            while (s_threads < copies)
            {
                s_threads++;
                new Thread(Loop) { IsBackground = true, Name = "KerasGen worker" }.Start();
            }
        }
        Interlocked.MemoryBarrier(); // the queued count written above, then s_sleeping read: the pair Loop's sleep check relies on
        int sleeping = Volatile.Read(ref s_sleeping);
        if (sleeping > 0) s_wake.Release(Math.Min(sleeping, copies));
    }

    private static void Loop()
    {
        long idleSince = Stopwatch.GetTimestamp();
        while (true)
        {
            if (TryTake() is { } item)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                item.Execute();
                Interlocked.Add(ref s_allocated, GC.GetAllocatedBytesForCurrentThread() - before);
                idleSince = Stopwatch.GetTimestamp();
                continue;
            }
            if (Stopwatch.GetElapsedTime(idleSince).TotalMicroseconds < SpinMicroseconds)
            {
                Thread.SpinWait(20);
                continue;
            }
            // Announce the sleep, then look once more: a Post that read s_sleeping as 0 had already queued its item.
            Interlocked.Increment(ref s_sleeping);
            if (Volatile.Read(ref s_queued) == 0) s_wake.Wait();
            Interlocked.Decrement(ref s_sleeping);
            idleSince = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Takes back the copies of <paramref name="item"/> no worker has taken; returns how many.</summary>
    public static int Withdraw(IThreadPoolWorkItem item)
    {
        if (Volatile.Read(ref s_queued) == 0) return 0;
        lock (s_queue)
        {
            int removed = 0;
            for (int i = s_queue.Count - 1; i >= 0; i--)
                if (ReferenceEquals(s_queue[i], item))
                {
                    s_queue.RemoveAt(i);
                    removed++;
                }
            Volatile.Write(ref s_queued, s_queue.Count);
            return removed;
        }
    }

    private static IThreadPoolWorkItem? TryTake()
    {
        if (Volatile.Read(ref s_queued) == 0) return null;
        lock (s_queue)
        {
            if (s_queue.Count == 0) return null;
            var item = s_queue[0];
            s_queue.RemoveAt(0);
            Volatile.Write(ref s_queued, s_queue.Count);
            return item;
        }
    }
}
