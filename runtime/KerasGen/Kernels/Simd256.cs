using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector256<float>;

namespace KerasGen.Kernels;

/// <summary><see cref="ISimd{TV}"/> on <see cref="Vector256{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd256 : ISimd<V>
{
    public static int Count => V.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Create(float value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(V value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Add(V a, V b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Subtract(V a, V b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Multiply(V a, V b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Divide(V a, V b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MultiplyAdd(V a, V b, V c) => Vector256.MultiplyAddEstimate(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Max(V a, V b) => Vector256.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MaxNative(V a, V b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MinNative(V a, V b) => Vector256.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Round(V a) => Vector256.Round(a);
    /// <summary>The native conversion: n is integral and in range, so .NET's saturating one (a fix-up, a compare and a
    /// blend more on x86) would give the same integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V ScaleByPowerOfTwo(V a, V n) => a * Vector256.ShiftLeft(Vector256.ConvertToInt32Native(n) + Vector256.Create(127), 23).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Min(V a, V b) => Vector256.Min(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Abs(V a) => Vector256.Abs(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Negate(V a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Sqrt(V a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Exp(V a) => FastMath<V, Simd256>.Exp(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Log(V a) => Vector256.Log(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThan(V a, V b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThanOrEqual(V a, V b) => Vector256.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThan(V a, V b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThanOrEqual(V a, V b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Select(V mask, V a, V b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(V a) => Vector256.Sum(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V CopySign(V magnitude, V sign) => Vector256.CopySign(magnitude, sign);

    /// <summary>The lanes' sum in halving order: lane i + lane i + 4, then + 2, + 1 (a fixed order, where
    /// <see cref="Vector256.Sum{T}(Vector256{T})"/> leaves its own to the runtime): the order
    /// <see cref="TransposedSums"/> gives eight vectors at once, so a dot product summed alone has the bits of one
    /// summed in a block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float PairwiseSum(V a)
    {
        var s4 = a.GetLower() + a.GetUpper();
        var s2 = s4 + Vector128.Shuffle(s4, Vector128.Create(2, 3, 0, 1));
        return s2.ToScalar() + s2.GetElement(1);
    }

    /// <summary>
    /// Eight <see cref="PairwiseSum"/>s in one vector, lane k holding <paramref name="v0"/> … <paramref name="v7"/>'s
    /// k-th (an 8-way transpose folded into the reduction: fourteen shuffles and seven adds, where eight separate sums
    /// took about six instructions each). Each add pairs the lanes <see cref="PairwiseSum"/> pairs, so the bits are the
    /// same. AVX only (<see cref="Avx.IsSupported"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V TransposedSums(V v0, V v1, V v2, V v3, V v4, V v5, V v6, V v7)
    {
        // The steps below leave lane order [in0, in2, in4, in6, in1, in3, in5, in7]; fed v0, v4, v1, v5, …, they give v0 … v7.
        // + 4: [x's low half + high half | y's].
        V p0 = Halves(v0, v4), p1 = Halves(v1, v5), p2 = Halves(v2, v6), p3 = Halves(v3, v7);
        // + 2 within each 128-bit half, two inputs per vector.
        V q0 = Avx.Shuffle(p0, p1, 0b01_00_01_00) + Avx.Shuffle(p0, p1, 0b11_10_11_10);
        V q1 = Avx.Shuffle(p2, p3, 0b01_00_01_00) + Avx.Shuffle(p2, p3, 0b11_10_11_10);
        // + 1.
        return Avx.Shuffle(q0, q1, 0b10_00_10_00) + Avx.Shuffle(q0, q1, 0b11_01_11_01);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V Halves(V x, V y) => Avx.Permute2x128(x, y, 0x20) + Avx.Permute2x128(x, y, 0x31);
}
