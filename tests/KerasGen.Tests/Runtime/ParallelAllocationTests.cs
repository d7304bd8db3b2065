using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using KerasGen.Threading;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>Batch Predict and training cut across cores allocate nothing once warm: not on the calling thread, and not
/// on the worker threads that run the other chunks (which the calling thread's count does not see).</summary>
public class ParallelAllocationTests
{
    [Fact]
    public void Parallel_predict_and_training_allocate_nothing_on_any_thread()
    {
        var model = new ParallelMlp(1) { MaxDegreeOfParallelism = 2 };
        var dropout = new ParallelDropoutNet(1) { MaxDegreeOfParallelism = 3 };
        var x = new float[64 * 128];
        var y = new float[64 * 10];
        for (int i = 0; i < 64; i++) y[i * 10 + i % 10] = 1;
        var xd = new float[48 * 512];
        var yd = new float[48 * 4];
        var output = new float[64 * 10];
        void Run(int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                model.Predict(x, output);
                model.TrainOnBatch(x, y);
                dropout.TrainOnBatch(xd, yd);
            }
        }
        // Each worker thread allocates its thread-static batch buffers the first time it runs a chunk of a model, and
        // tests running beside this one may have started more workers, so a round can still meet a fresh one. That
        // is bounded (threads × models); a per-call allocation is not: some round of the ten must allocate nothing.
        Allocations.AssertNone(() => Run(60), () => Run(20)); // the calling thread
        long[] rounds = new long[10];
        for (int round = 0; round < rounds.Length; round++)
        {
            long before = WorkerThreads.AllocatedBytes;
            Run(20);
            rounds[round] = WorkerThreads.AllocatedBytes - before;
            if (rounds[round] == 0) return;
        }
        Assert.Fail("The worker threads allocated in every round: " + string.Join(", ", rounds) + " bytes.");
    }
}
