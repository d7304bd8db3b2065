using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector512<float>;

namespace KerasGen.Kernels;

/// <summary><see cref="ISimd{TV}"/> on <see cref="Vector512{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd512 : ISimd<V>
{
    public static int Count => V.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Create(float value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(V value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Add(V a, V b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Subtract(V a, V b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Multiply(V a, V b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Divide(V a, V b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MultiplyAdd(V a, V b, V c) => Vector512.MultiplyAddEstimate(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Max(V a, V b) => Vector512.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MaxNative(V a, V b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MinNative(V a, V b) => Vector512.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Round(V a) => Vector512.Round(a);
    /// <summary>One vscalefps (AVX-512F, always there when Vector512 is accelerated) instead of a conversion, an add, a
    /// shift and a multiply; for n in [−126, 127] both are the exact product a · 2ⁿ, so the bits are the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V ScaleByPowerOfTwo(V a, V n) => Avx512F.IsSupported ? Avx512F.Scale(a, n) : a * Vector512.ShiftLeft(Vector512.ConvertToInt32Native(n) + Vector512.Create(127), 23).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Min(V a, V b) => Vector512.Min(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Abs(V a) => Vector512.Abs(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Negate(V a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Sqrt(V a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Exp(V a) => FastMath<V, Simd512>.Exp(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Log(V a) => Vector512.Log(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThan(V a, V b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThanOrEqual(V a, V b) => Vector512.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThan(V a, V b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThanOrEqual(V a, V b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Select(V mask, V a, V b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(V a) => Vector512.Sum(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V CopySign(V magnitude, V sign) => Vector512.CopySign(magnitude, sign);

    /// <summary>The lanes' sum in halving order: lane i + lane i + 8, then + 4, + 2, + 1 (a fixed order, where
    /// <see cref="Vector512.Sum{T}(Vector512{T})"/> leaves its own to the runtime): the order
    /// <see cref="TransposedSums"/> gives sixteen vectors at once, so a dot product summed alone has the bits of one
    /// summed in a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float PairwiseSum(V a)
    {
        var s8 = a.GetLower() + a.GetUpper();
        var s4 = s8.GetLower() + s8.GetUpper();
        var s2 = s4 + Vector128.Shuffle(s4, Vector128.Create(2, 3, 0, 1));
        return s2.ToScalar() + s2.GetElement(1);
    }

    /// <summary>
    /// Sixteen <see cref="PairwiseSum"/>s in one vector, lane 4q + g holding the sum of member q of group g (the
    /// groups a, b, c, d; members 0 … 3): a 4×4 transpose folded into the reduction (thirty shuffles and fifteen
    /// adds, where sixteen separate sums took about eight instructions each, the dot products' whole cost for short
    /// rows). Each add pairs the lanes <see cref="PairwiseSum"/> pairs, so the bits are the same. AVX-512F only
    /// (<see cref="Avx512F.IsSupported"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V TransposedSums(V a0, V a1, V a2, V a3, V b0, V b1, V b2, V b3, V c0, V c1, V c2, V c3, V d0, V d1, V d2, V d3)
    {
        // Per group, 128-bit quarter q: member q's four lanes after the + 8 and + 4 steps.
        V a = Quarters(a0, a1, a2, a3), b = Quarters(b0, b1, b2, b3), c = Quarters(c0, c1, c2, c3), d = Quarters(d0, d1, d2, d3);
        // + 2 within each quarter, two groups per vector: [a₀, a₁, b₀, b₁] per quarter.
        V ab = Avx512F.Shuffle(a, b, 0b01_00_01_00) + Avx512F.Shuffle(a, b, 0b11_10_11_10);
        V cd = Avx512F.Shuffle(c, d, 0b01_00_01_00) + Avx512F.Shuffle(c, d, 0b11_10_11_10);
        // + 1: [a, b, c, d] per quarter.
        return Avx512F.Shuffle(ab, cd, 0b10_00_10_00) + Avx512F.Shuffle(ab, cd, 0b11_01_11_01);
    }

    /// <summary>Quarter q of the result: member q's lanes i + i + 8 + (i + 4 + i + 12), i = 0 … 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Quarters(V m0, V m1, V m2, V m3)
    {
        // + 8: [m0's low half + high half | m1's], the same for m2, m3.
        V m01 = Avx512F.Shuffle4x128(m0, m1, 0b01_00_01_00) + Avx512F.Shuffle4x128(m0, m1, 0b11_10_11_10);
        V m23 = Avx512F.Shuffle4x128(m2, m3, 0b01_00_01_00) + Avx512F.Shuffle4x128(m2, m3, 0b11_10_11_10);
        // + 4: quarters [m0, m1, m2, m3].
        return Avx512F.Shuffle4x128(m01, m23, 0b10_00_10_00) + Avx512F.Shuffle4x128(m01, m23, 0b11_01_11_01);
    }
}
