namespace KerasGen;

/// <summary>Which of the generated kernel paths runs. <see cref="Auto"/> picks the widest one the JIT accelerates on
/// this machine; the others exist so tests and benchmarks can compare every path in one process.</summary>
public enum KernelPath
{
    Auto,
    Vector512,
    Vector256,
    Vector128,
    Scalar,
}
