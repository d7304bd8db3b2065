using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace KerasGen.Kernels;

/// <summary>
/// Keras 3 element-wise activations (KERAS_SPEC §3), written once for every register width. Generated code calls
/// them on accumulators before they are stored, so an activation costs no extra pass over memory.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Activation<TV, TS> where TV : struct where TS : struct, ISimd<TV>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;

    [MethodImpl(Inline)] public static TV Linear(TV x) => x;

    /// <summary>One max instruction; MaxNative(0, x) keeps a NaN x (x86 returns the second operand on NaN).</summary>
    [MethodImpl(Inline)] public static TV Relu(TV x) => TS.MaxNative(TS.Create(0f), x);

    [MethodImpl(Inline)] public static TV Relu6(TV x) => TS.Min(TS.Max(x, TS.Create(0f)), TS.Create(6f));

    /// <summary>The function's default slope is 0.2 (the LeakyReLU layer's is 0.3).</summary>
    [MethodImpl(Inline)] public static TV LeakyRelu(TV x) => TS.Max(x, TS.Multiply(x, TS.Create(0.2f)));

    [MethodImpl(Inline)] public static TV Elu(TV x) => TS.Select(TS.GreaterThanOrEqual(x, TS.Create(0f)), x, ExpM1(TS.Min(x, TS.Create(0f))));

    [MethodImpl(Inline)]
    public static TV Selu(TV x)
    {
        var negative = TS.Multiply(TS.Create(1.6732632423543772848170429916717f), ExpM1(TS.Min(x, TS.Create(0f))));
        return TS.Multiply(TS.Create(1.0507009873554804934193349852946f), TS.Select(TS.GreaterThanOrEqual(x, TS.Create(0f)), x, negative));
    }

    /// <summary>celu with Keras' default alpha = 1, which makes it equal to elu.</summary>
    [MethodImpl(Inline)] public static TV Celu(TV x) => Elu(x);

    /// <summary>log(1 + e^x) as max(x, 0) + log1p(e^−|x|), exact for large |x| of either sign.</summary>
    [MethodImpl(Inline)] public static TV Softplus(TV x) => TS.Add(TS.Max(x, TS.Create(0f)), Log1P(TS.Exp(TS.Negate(TS.Abs(x)))));

    [MethodImpl(Inline)] public static TV Softsign(TV x) => TS.Divide(x, TS.Add(TS.Abs(x), TS.Create(1f)));

    /// <summary>(x + sqrt(x² + b)) / 2 with Keras' default b = 4.</summary>
    [MethodImpl(Inline)] public static TV Squareplus(TV x) => TS.Multiply(TS.Add(x, TS.Sqrt(TS.MultiplyAdd(x, x, TS.Create(4f)))), TS.Create(0.5f));

    /// <summary>Keras' default threshold 0.5.</summary>
    [MethodImpl(Inline)]
    public static TV SoftShrink(TV x)
    {
        var t = TS.Create(0.5f);
        var shrunk = TS.Select(TS.GreaterThan(x, t), TS.Subtract(x, t), TS.Create(0f));
        return TS.Select(TS.LessThan(x, TS.Negate(t)), TS.Add(x, t), shrunk);
    }

    [MethodImpl(Inline)]
    public static TV SparsePlus(TV x)
    {
        var one = TS.Create(1f);
        var xp1 = TS.Add(x, one);
        var middle = TS.Multiply(TS.Multiply(xp1, xp1), TS.Create(0.25f));
        var upper = TS.Select(TS.GreaterThanOrEqual(x, one), x, middle);
        return TS.Select(TS.LessThanOrEqual(x, TS.Negate(one)), TS.Create(0f), upper);
    }

    [MethodImpl(Inline)] public static TV Silu(TV x) => TS.Multiply(x, Sigmoid(x));

    [MethodImpl(Inline)] public static TV Swish(TV x) => Silu(x);

    /// <summary>Keras' activation default, approximate=False: 0.5·x·(1 + erf(x/√2)).</summary>
    [MethodImpl(Inline)]
    public static TV Gelu(TV x)
    {
        var half = TS.Multiply(x, TS.Create(0.5f));
        return TS.MultiplyAdd(half, Erf(TS.Multiply(x, TS.Create(0.70710678118654752f))), half);
    }

    /// <summary>gelu(approximate=True): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
    [MethodImpl(Inline)]
    public static TV GeluApproximate(TV x)
    {
        var inner = TS.Multiply(TS.Create(0.7978845608028654f), TS.MultiplyAdd(TS.Multiply(TS.Multiply(x, x), x), TS.Create(0.044715f), x));
        var half = TS.Multiply(x, TS.Create(0.5f));
        return TS.MultiplyAdd(half, Tanh(inner), half);
    }

    /// <summary>A polynomial near zero (where 1 − 2/(e^{2x}+1) would cancel) and the exponential form elsewhere,
    /// as Cephes' tanhf.</summary>
    [MethodImpl(Inline)]
    public static TV Tanh(TV x)
    {
        var ax = TS.Abs(x);
        var z = TS.Multiply(x, x);
        var p = TS.MultiplyAdd(TS.Create(-5.70498872745e-3f), z, TS.Create(2.06390887954e-2f));
        p = TS.MultiplyAdd(p, z, TS.Create(-5.37397155531e-2f));
        p = TS.MultiplyAdd(p, z, TS.Create(1.33314422036e-1f));
        p = TS.MultiplyAdd(p, z, TS.Create(-3.33332819422e-1f));
        var small = TS.MultiplyAdd(TS.Multiply(p, z), x, x);
        var e = TS.Exp(TS.Multiply(TS.Min(ax, TS.Create(20f)), TS.Create(2f)));
        var large = TS.Subtract(TS.Create(1f), TS.Divide(TS.Create(2f), TS.Add(e, TS.Create(1f))));
        return TS.Select(TS.LessThan(ax, TS.Create(0.625f)), small, TS.CopySign(large, x));
    }

    [MethodImpl(Inline)] public static TV TanhShrink(TV x) => TS.Subtract(x, Tanh(x));

    [MethodImpl(Inline)] public static TV Sigmoid(TV x) => TS.Divide(TS.Create(1f), TS.Add(TS.Create(1f), TS.Exp(TS.Negate(x))));

    [MethodImpl(Inline)] public static TV SparseSigmoid(TV x) => Clamp(TS.Multiply(TS.Add(x, TS.Create(1f)), TS.Create(0.5f)), 0f, 1f);

    [MethodImpl(Inline)] public static TV Exponential(TV x) => TS.Exp(x);

    /// <summary>Keras 3: relu6(x + 3) / 6 (Keras 1/2 used clip(0.2·x + 0.5)).</summary>
    [MethodImpl(Inline)] public static TV HardSigmoid(TV x) => Clamp(TS.Add(TS.Divide(x, TS.Create(6f)), TS.Create(0.5f)), 0f, 1f);

    [MethodImpl(Inline)] public static TV HardSilu(TV x) => TS.Multiply(x, HardSigmoid(x));

    [MethodImpl(Inline)] public static TV HardSwish(TV x) => HardSilu(x);

    [MethodImpl(Inline)] public static TV HardTanh(TV x) => Clamp(x, -1f, 1f);

    /// <summary>Keras' default threshold 0.5.</summary>
    [MethodImpl(Inline)] public static TV HardShrink(TV x) => TS.Select(TS.GreaterThan(TS.Abs(x), TS.Create(0.5f)), x, TS.Create(0f));

    [MethodImpl(Inline)] public static TV Mish(TV x) => TS.Multiply(x, Tanh(Softplus(x)));

    [MethodImpl(Inline)] public static TV LogSigmoid(TV x) => TS.Negate(Softplus(TS.Negate(x)));

    [MethodImpl(Inline)] private static TV Clamp(TV x, float low, float high) => TS.Min(TS.Max(x, TS.Create(low)), TS.Create(high));

    /// <summary>e^x − 1 without the cancellation of the direct form near zero (Taylor series below |x| = 0.5).</summary>
    [MethodImpl(Inline)]
    internal static TV ExpM1(TV x)
    {
        var p = TS.MultiplyAdd(TS.Create(1f / 362880f), x, TS.Create(1f / 40320f));
        p = TS.MultiplyAdd(p, x, TS.Create(1f / 5040f));
        p = TS.MultiplyAdd(p, x, TS.Create(1f / 720f));
        p = TS.MultiplyAdd(p, x, TS.Create(1f / 120f));
        p = TS.MultiplyAdd(p, x, TS.Create(1f / 24f));
        p = TS.MultiplyAdd(p, x, TS.Create(1f / 6f));
        p = TS.MultiplyAdd(p, x, TS.Create(0.5f));
        var series = TS.MultiplyAdd(TS.Multiply(p, x), x, x);
        var direct = TS.Subtract(TS.Exp(x), TS.Create(1f));
        return TS.Select(TS.LessThan(TS.Abs(x), TS.Create(0.5f)), series, direct);
    }

    /// <summary>log(1 + x) for x ≥ 0 without losing tiny x.</summary>
    [MethodImpl(Inline)]
    internal static TV Log1P(TV x)
    {
        var series = TS.Multiply(x, TS.MultiplyAdd(TS.MultiplyAdd(x, TS.Create(1f / 3f), TS.Create(-0.5f)), x, TS.Create(1f)));
        return TS.Select(TS.LessThan(x, TS.Create(1e-4f)), series, TS.Log(TS.Add(x, TS.Create(1f))));
    }

    /// <summary>Eigen's rational approximation of erf for float (error below 2 ulp on [−4, 4]; ±1 outside).</summary>
    [MethodImpl(Inline)]
    internal static TV Erf(TV a)
    {
        var x = Clamp(a, -4f, 4f);
        var x2 = TS.Multiply(x, x);
        var p = TS.MultiplyAdd(x2, TS.Create(-2.72614225801306e-10f), TS.Create(2.77068142495902e-08f));
        p = TS.MultiplyAdd(x2, p, TS.Create(-2.10102402082508e-06f));
        p = TS.MultiplyAdd(x2, p, TS.Create(-5.69250639462346e-05f));
        p = TS.MultiplyAdd(x2, p, TS.Create(-7.34990630326855e-04f));
        p = TS.MultiplyAdd(x2, p, TS.Create(-2.95459980854025e-03f));
        p = TS.MultiplyAdd(x2, p, TS.Create(-1.60960333262415e-02f));
        p = TS.Multiply(x, p);
        var q = TS.MultiplyAdd(x2, TS.Create(-1.45660718464996e-05f), TS.Create(-2.13374055278905e-04f));
        q = TS.MultiplyAdd(x2, q, TS.Create(-1.68282697438203e-03f));
        q = TS.MultiplyAdd(x2, q, TS.Create(-7.37332916720468e-03f));
        q = TS.MultiplyAdd(x2, q, TS.Create(-1.42647390514189e-02f));
        return TS.Divide(p, q);
    }

    // ---- Keras' parameterized forms ("relu(max_value=6)"): the generator calls these only when an argument differs
    // from Keras' default, so the common forms keep their cheaper code above.

    /// <summary>Keras 3 relu(x, negative_slope, max_value, threshold): x where x &gt; threshold (else 0), clipped to
    /// [0, max_value] when there is one (a negative threshold lets x in (threshold, 0) through otherwise), minus
    /// negative_slope·relu(threshold − x). max_value None is +∞.</summary>
    [MethodImpl(Inline)]
    public static TV Relu(TV x, float negativeSlope, float maxValue, float threshold)
    {
        var zero = TS.Create(0f);
        var kept = TS.Select(TS.GreaterThan(x, TS.Create(threshold)), x, zero);
        var clipped = float.IsPositiveInfinity(maxValue) ? kept : TS.Min(TS.Max(kept, zero), TS.Create(maxValue));
        return TS.Subtract(clipped, TS.Multiply(TS.Create(negativeSlope), TS.Max(TS.Subtract(TS.Create(threshold), x), zero)));
    }

    /// <summary>x for x ≥ 0, else slope·x (a slope above 1 is not max(x, slope·x)).</summary>
    [MethodImpl(Inline)] public static TV LeakyRelu(TV x, float negativeSlope) => TS.Select(TS.GreaterThanOrEqual(x, TS.Create(0f)), x, TS.Multiply(x, TS.Create(negativeSlope)));

    [MethodImpl(Inline)] public static TV Elu(TV x, float alpha) => TS.Select(TS.GreaterThanOrEqual(x, TS.Create(0f)), x, TS.Multiply(TS.Create(alpha), ExpM1(TS.Min(x, TS.Create(0f)))));

    /// <summary>x for x ≥ 0, else alpha·(e^(x/alpha) − 1) (Keras: min(x, 0)/alpha, so a negative alpha works too).</summary>
    [MethodImpl(Inline)] public static TV Celu(TV x, float alpha) => TS.Select(TS.GreaterThanOrEqual(x, TS.Create(0f)), x, TS.Multiply(TS.Create(alpha), ExpM1(TS.Divide(TS.Min(x, TS.Create(0f)), TS.Create(alpha)))));

    [MethodImpl(Inline)] public static TV Squareplus(TV x, float b) => TS.Multiply(TS.Add(x, TS.Sqrt(TS.MultiplyAdd(x, x, TS.Create(b)))), TS.Create(0.5f));

    /// <summary>x − t above t, x + t below −t, else 0, tested in Keras' order.</summary>
    [MethodImpl(Inline)]
    public static TV SoftShrink(TV x, float threshold)
    {
        var t = TS.Create(threshold);
        var below = TS.Select(TS.LessThan(x, TS.Negate(t)), TS.Add(x, t), TS.Create(0f));
        return TS.Select(TS.GreaterThan(x, t), TS.Subtract(x, t), below);
    }

    [MethodImpl(Inline)] public static TV HardShrink(TV x, float threshold) => TS.Select(TS.GreaterThan(TS.Abs(x), TS.Create(threshold)), x, TS.Create(0f));

    /// <summary>Keras 3 threshold(x, threshold, default_value): x where x &gt; threshold, else default_value.</summary>
    [MethodImpl(Inline)] public static TV Threshold(TV x, float threshold, float defaultValue) => TS.Select(TS.GreaterThan(x, TS.Create(threshold)), x, TS.Create(defaultValue));
}
