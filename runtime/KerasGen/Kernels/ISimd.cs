using System.ComponentModel;

namespace KerasGen.Kernels;

/// <summary>
/// The operations the kernels need on one register of floats, implemented once per width
/// (<see cref="Simd512"/>, <see cref="Simd256"/>, <see cref="Simd128"/>, <see cref="SimdScalar"/>). Activations are
/// written once against this interface; the JIT specializes and inlines them per width, so every path computes the
/// same formula. Masks are registers whose lanes are all-ones (true) or all-zeros (false).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISimd<TV> where TV : struct
{
    static abstract int Count { get; }
    static abstract TV Create(float value);
    static abstract TV Load(ref float source, nuint offset);
    static abstract void Store(TV value, ref float destination, nuint offset);
    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);
    static abstract TV Divide(TV a, TV b);
    /// <summary>a·b + c, fused where the hardware has FMA.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);
    static abstract TV Max(TV a, TV b);
    /// <summary>The hardware's max (one instruction): on x86 it returns <paramref name="b"/> when either is NaN, so
    /// MaxNative(0, x) still propagates a NaN x.</summary>
    static abstract TV MaxNative(TV a, TV b);
    /// <summary>Round to the nearest integer (ties to even).</summary>
    static abstract TV Round(TV a);
    /// <summary>a · 2^n for integral n in the normal exponent range [−126, 127].</summary>
    static abstract TV ScaleByPowerOfTwo(TV a, TV n);
    static abstract TV Min(TV a, TV b);
    /// <summary>The hardware's min (one instruction); NaN handling as <see cref="MaxNative"/>.</summary>
    static abstract TV MinNative(TV a, TV b);
    static abstract TV Abs(TV a);
    static abstract TV Negate(TV a);
    static abstract TV Sqrt(TV a);
    static abstract TV Exp(TV a);
    static abstract TV Log(TV a);
    static abstract TV GreaterThan(TV a, TV b);
    static abstract TV GreaterThanOrEqual(TV a, TV b);
    static abstract TV LessThan(TV a, TV b);
    static abstract TV LessThanOrEqual(TV a, TV b);
    /// <summary>Per lane: mask ? a : b.</summary>
    static abstract TV Select(TV mask, TV a, TV b);
    /// <summary>The sign bit of <paramref name="sign"/> on the magnitude of <paramref name="magnitude"/>.</summary>
    static abstract TV CopySign(TV magnitude, TV sign);
    /// <summary>The sum of the lanes.</summary>
    static abstract float Sum(TV a);
}
