using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace KerasGen.Threading;

/// <summary>
/// Work cut into a fixed number of chunks, run by the calling thread together with <see cref="WorkerThreads"/>. Each
/// thread claims the next unclaimed chunk until none is left, so a worker that wakes late finds the work done and costs
/// nothing: the caller never waits for a thread to start, only for chunks already running. Which thread runs a chunk
/// does not matter to the result, because a chunk writes only its own memory.
/// </summary>
/// <remarks>
/// Allocation-free after a thread's first call: each calling thread keeps its own work object (<see cref="Rent"/>).
/// When its chunks are done, the caller withdraws the copies no worker has taken yet and waits only for workers that
/// took one (they find nothing left and let go at once), so no worker ever sees the next call's state. An exception in
/// a chunk is rethrown on the calling thread once every running chunk has finished.
/// </remarks>
internal abstract class ChunkedWork<TSelf> : IThreadPoolWorkItem where TSelf : ChunkedWork<TSelf>, new()
{
    /// <summary>The calling thread's work object: one per thread that starts chunked work (as Predict's per-thread
    /// buffers), so concurrent callers never share one and none allocates after its first call.</summary>
    [ThreadStatic] private static TSelf? t_free;
    private int _chunks, _next, _unfinished, _references;
    private ExceptionDispatchInfo? _error;

    /// <summary>A work object no thread refers to: the calling thread's own.</summary>
    public static TSelf Rent()
    {
        var work = t_free ?? new TSelf();
        t_free = null; // taken until Run gives it back
        return work;
    }

    /// <summary>Runs chunks 0 … <paramref name="chunks"/> − 1 and returns when all have finished; the work object goes
    /// back to the calling thread's slot (do not touch it afterwards).</summary>
    public void Run(int chunks) => Run(chunks, chunks);

    /// <summary><see cref="Run(int)"/> on at most <paramref name="threads"/> threads (the caller and
    /// <paramref name="threads"/> − 1 workers), each claiming the next chunk until none is left: more chunks than
    /// threads even out chunks that run at different speeds.</summary>
    public void Run(int chunks, int threads)
    {
        threads = Math.Clamp(threads, 1, chunks);
        _chunks = chunks;
        _next = 0;
        _error = null;
        _unfinished = chunks;
        _references = threads; // the caller, and one per posted copy
        WorkerThreads.Post(this, threads - 1); // under a lock, a full fence: the fields above are visible to every worker
        RunChunks();
        // Chunks still running on workers are about as long as the one just done here: spin (yielding) rather than
        // block, since ManualResetEventSlim allocates its lock the first time it blocks (24 B, seen by the allocation test).
        var spin = new SpinWait();
        while (Volatile.Read(ref _unfinished) != 0) spin.SpinOnce(sleep1Threshold: -1);
        Interlocked.Add(ref _references, -WorkerThreads.Withdraw(this));
        while (Volatile.Read(ref _references) != 1) spin.SpinOnce(sleep1Threshold: -1); // workers that took a copy and found nothing left
        var error = _error;
        Clear();
        t_free = (TSelf)this;
        error?.Throw();
    }

    /// <summary>The chunk's work; it writes only memory that belongs to that chunk.</summary>
    protected abstract void RunChunk(int chunk);

    /// <summary>Drops references to the caller's data before the object is kept for the thread's next call.</summary>
    protected abstract void Clear();

    void IThreadPoolWorkItem.Execute()
    {
        WorkerThreads.CountChunks(RunChunks());
        Interlocked.Decrement(ref _references);
    }

    /// <summary>Runs unclaimed chunks until none is left; returns how many this thread ran.</summary>
    private int RunChunks()
    {
        int chunk, ran = 0;
        while ((chunk = Interlocked.Increment(ref _next) - 1) < _chunks)
        {
            try { RunChunk(chunk); }
            catch (Exception e) { Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null); }
            Interlocked.Decrement(ref _unfinished);
            ran++;
        }
        return ran;
    }
}
