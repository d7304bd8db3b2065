using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// Room for the last values of an element-wise loop, up to three buffers of one AVX-512 register each, so they go
/// through the same register code as the rest (the generated activation loops). A scalar tail would compute exp and
/// multiply-adds differently from a register lane, so a value's bits would depend on where it falls in the buffer, and
/// splitting a batch across cores moves that. A struct, not a stackalloc: a local costs no stack per loop iteration.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[InlineArray(Floats)]
public struct TailTile
{
    /// <summary>Three buffers × 16 lanes.</summary>
    public const int Floats = 48;

    private float _first;
}
