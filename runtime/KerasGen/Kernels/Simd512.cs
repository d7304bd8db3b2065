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
}
