using System;
using Xunit;

namespace KerasGen.Tests.Support;

/// <summary>"Allocates nothing" checks, measured past tiered compilation: warm up beyond its call counts, give its
/// background promotion time, warm up again, so no tier-up lands in the measured window (under a loaded machine one
/// did once: a one-off failure).</summary>
internal static class Allocations
{
    public static void AssertNone(Action warmUp, Action measured)
    {
        for (int round = 0; round < 2; round++)
        {
            warmUp();
            if (round == 0) System.Threading.Thread.Sleep(300);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        measured();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
