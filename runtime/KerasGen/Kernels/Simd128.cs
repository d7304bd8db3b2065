using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using V = System.Runtime.Intrinsics.Vector128<float>;

namespace KerasGen.Kernels;

/// <summary><see cref="ISimd{TV}"/> on <see cref="Vector128{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd128 : ISimd<V>
{
    public static int Count => V.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Create(float value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(V value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Add(V a, V b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Subtract(V a, V b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Multiply(V a, V b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Divide(V a, V b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MultiplyAdd(V a, V b, V c) => Vector128.MultiplyAddEstimate(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Max(V a, V b) => Vector128.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MaxNative(V a, V b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V MinNative(V a, V b) => Vector128.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Round(V a) => Vector128.Round(a);
    /// <summary>The native conversion: n is integral and in range, so .NET's saturating one (a fix-up, a compare and a
    /// blend more on x86) would give the same integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V ScaleByPowerOfTwo(V a, V n) => a * Vector128.ShiftLeft(Vector128.ConvertToInt32Native(n) + Vector128.Create(127), 23).AsSingle();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Min(V a, V b) => Vector128.Min(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Abs(V a) => Vector128.Abs(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Negate(V a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Sqrt(V a) => Vector128.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Exp(V a) => FastMath<V, Simd128>.Exp(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Log(V a) => Vector128.Log(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThan(V a, V b) => Vector128.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V GreaterThanOrEqual(V a, V b) => Vector128.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThan(V a, V b) => Vector128.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V LessThanOrEqual(V a, V b) => Vector128.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V Select(V mask, V a, V b) => Vector128.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(V a) => Vector128.Sum(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static V CopySign(V magnitude, V sign) => Vector128.CopySign(magnitude, sign);
}
