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

    /// <summary>The first 64-byte-aligned element of memory that cannot move (stack or pinned); the span must have
    /// 15 floats to spare.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ref float AlignedStart(Span<float> fixedMemory)
    {
        ref float first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(fixedMemory);
        nuint address = (nuint)Unsafe.AsPointer(ref first);
        return ref Unsafe.Add(ref first, (nint)(((64 - (address & 63)) & 63) / sizeof(float)));
    }

    private static unsafe int AlignedOffset(float[] pinned)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref pinned[0]);
        return (int)((64 - (address & 63)) & 63) / sizeof(float);
    }
}
