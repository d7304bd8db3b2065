using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// A float buffer whose first element is 64-byte aligned (one AVX-512 register, one cache line), so vector loads never
/// straddle cache lines. It lives on the pinned object heap, so the aligned offset found once stays valid.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AlignedBuffer
{
    private const int AlignmentFloats = 16;
    private readonly float[] _array;
    private readonly int _offset;

    public AlignedBuffer(int length)
    {
        Length = length;
        _array = GC.AllocateArray<float>(length + AlignmentFloats, pinned: true);
        _offset = AlignedOffset(_array);
    }

    public int Length { get; }

    /// <summary>The first (aligned) element.</summary>
    public ref float Start => ref _array[_offset];

    public Span<float> Span => _array.AsSpan(_offset, Length);

    private static unsafe int AlignedOffset(float[] pinned)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref pinned[0]);
        return (int)((64 - (address & 63)) & 63) / sizeof(float);
    }
}
