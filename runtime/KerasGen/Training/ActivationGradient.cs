using System.ComponentModel;
using System.Runtime.CompilerServices;
using KerasGen.Kernels;

namespace KerasGen.Training;

/// <summary>
/// The backward pass of every element-wise activation of <see cref="Activation{TV, TS}"/>, same names: given the
/// input z, the output y = f(z) and the output gradient dy, returns dz = dy·f'(z) (each uses whichever of z and y
/// makes it cheapest and most accurate). Where f is not differentiable (relu at 0), the derivative from the right
/// side of Keras' comparison is used.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ActivationGradient<TV, TS> where TV : struct where TS : struct, ISimd<TV>
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;
    private static TV Zero => TS.Create(0f);
    private static TV One => TS.Create(1f);

    [MethodImpl(Inline)] public static TV Linear(TV z, TV y, TV dy) => dy;

    [MethodImpl(Inline)] public static TV Relu(TV z, TV y, TV dy) => TS.Select(TS.GreaterThan(z, Zero), dy, Zero);

    [MethodImpl(Inline)] public static TV Relu6(TV z, TV y, TV dy) => TS.Select(TS.GreaterThan(z, Zero), TS.Select(TS.LessThan(z, TS.Create(6f)), dy, Zero), Zero);

    [MethodImpl(Inline)] public static TV LeakyRelu(TV z, TV y, TV dy) => TS.Select(TS.GreaterThan(z, Zero), dy, TS.Multiply(dy, TS.Create(0.2f)));

    /// <summary>For z &lt; 0, f'(z) = e^z = y + 1.</summary>
    [MethodImpl(Inline)] public static TV Elu(TV z, TV y, TV dy) => TS.Select(TS.GreaterThanOrEqual(z, Zero), dy, TS.Multiply(dy, TS.Add(y, One)));

    [MethodImpl(Inline)]
    public static TV Selu(TV z, TV y, TV dy)
    {
        const float scale = 1.0507009873554804934193349852946f, alphaScale = 1.0507009873554804934193349852946f * 1.6732632423543772848170429916717f;
        return TS.Select(TS.GreaterThanOrEqual(z, Zero), TS.Multiply(dy, TS.Create(scale)), TS.Multiply(dy, TS.Add(y, TS.Create(alphaScale))));
    }

    [MethodImpl(Inline)] public static TV Celu(TV z, TV y, TV dy) => Elu(z, y, dy);

    [MethodImpl(Inline)] public static TV Softplus(TV z, TV y, TV dy) => TS.Multiply(dy, Activation<TV, TS>.Sigmoid(z));

    [MethodImpl(Inline)]
    public static TV Softsign(TV z, TV y, TV dy)
    {
        var d = TS.Add(TS.Abs(z), One);
        return TS.Divide(dy, TS.Multiply(d, d));
    }

    [MethodImpl(Inline)]
    public static TV Squareplus(TV z, TV y, TV dy) =>
        TS.Multiply(dy, TS.Multiply(TS.Create(0.5f), TS.Add(One, TS.Divide(z, TS.Sqrt(TS.MultiplyAdd(z, z, TS.Create(4f)))))));

    [MethodImpl(Inline)] public static TV SoftShrink(TV z, TV y, TV dy) => TS.Select(TS.GreaterThan(TS.Abs(z), TS.Create(0.5f)), dy, Zero);

    [MethodImpl(Inline)]
    public static TV SparsePlus(TV z, TV y, TV dy)
    {
        var middle = TS.Multiply(dy, TS.Multiply(TS.Add(z, One), TS.Create(0.5f)));
        var upper = TS.Select(TS.GreaterThanOrEqual(z, One), dy, middle);
        return TS.Select(TS.LessThanOrEqual(z, TS.Negate(One)), Zero, upper);
    }

    /// <summary>d(z·σ(z)) = σ + z·σ(1 − σ).</summary>
    [MethodImpl(Inline)]
    public static TV Silu(TV z, TV y, TV dy)
    {
        var s = Activation<TV, TS>.Sigmoid(z);
        return TS.Multiply(dy, TS.MultiplyAdd(TS.Multiply(z, s), TS.Subtract(One, s), s));
    }

    [MethodImpl(Inline)] public static TV Swish(TV z, TV y, TV dy) => Silu(z, y, dy);

    /// <summary>d(0.5·z·(1 + erf(z/√2))) = Φ(z) + z·φ(z).</summary>
    [MethodImpl(Inline)]
    public static TV Gelu(TV z, TV y, TV dy)
    {
        var cdf = TS.MultiplyAdd(TS.Create(0.5f), Activation<TV, TS>.Erf(TS.Multiply(z, TS.Create(0.70710678118654752f))), TS.Create(0.5f));
        var pdf = TS.Multiply(TS.Create(0.3989422804014327f), TS.Exp(TS.Multiply(TS.Multiply(z, z), TS.Create(-0.5f))));
        return TS.Multiply(dy, TS.MultiplyAdd(z, pdf, cdf));
    }

    [MethodImpl(Inline)] public static TV Tanh(TV z, TV y, TV dy) => TS.Multiply(dy, TS.Subtract(One, TS.Multiply(y, y)));

    [MethodImpl(Inline)]
    public static TV TanhShrink(TV z, TV y, TV dy)
    {
        var t = Activation<TV, TS>.Tanh(z);
        return TS.Multiply(dy, TS.Multiply(t, t));
    }

    [MethodImpl(Inline)] public static TV Sigmoid(TV z, TV y, TV dy) => TS.Multiply(dy, TS.Multiply(y, TS.Subtract(One, y)));

    [MethodImpl(Inline)]
    public static TV SparseSigmoid(TV z, TV y, TV dy) =>
        TS.Select(TS.LessThan(TS.Abs(z), One), TS.Multiply(dy, TS.Create(0.5f)), Zero);

    [MethodImpl(Inline)] public static TV Exponential(TV z, TV y, TV dy) => TS.Multiply(dy, y);

    [MethodImpl(Inline)]
    public static TV HardSigmoid(TV z, TV y, TV dy) =>
        TS.Select(TS.LessThan(TS.Abs(z), TS.Create(3f)), TS.Divide(dy, TS.Create(6f)), Zero);

    /// <summary>d(z·h(z)) = h(z) + z·h'(z).</summary>
    [MethodImpl(Inline)]
    public static TV HardSilu(TV z, TV y, TV dy)
    {
        var h = Activation<TV, TS>.HardSigmoid(z);
        var slope = TS.Select(TS.LessThan(TS.Abs(z), TS.Create(3f)), TS.Create(1f / 6f), Zero);
        return TS.Multiply(dy, TS.MultiplyAdd(z, slope, h));
    }

    [MethodImpl(Inline)] public static TV HardSwish(TV z, TV y, TV dy) => HardSilu(z, y, dy);

    [MethodImpl(Inline)] public static TV HardTanh(TV z, TV y, TV dy) => TS.Select(TS.LessThan(TS.Abs(z), One), dy, Zero);

    [MethodImpl(Inline)] public static TV HardShrink(TV z, TV y, TV dy) => TS.Select(TS.GreaterThan(TS.Abs(z), TS.Create(0.5f)), dy, Zero);

    /// <summary>d(z·tanh(sp(z))) = tanh(sp) + z·(1 − tanh²(sp))·σ(z).</summary>
    [MethodImpl(Inline)]
    public static TV Mish(TV z, TV y, TV dy)
    {
        var t = Activation<TV, TS>.Tanh(Activation<TV, TS>.Softplus(z));
        var inner = TS.Multiply(TS.Multiply(z, TS.Subtract(One, TS.Multiply(t, t))), Activation<TV, TS>.Sigmoid(z));
        return TS.Multiply(dy, TS.Add(t, inner));
    }

    [MethodImpl(Inline)] public static TV LogSigmoid(TV z, TV y, TV dy) => TS.Multiply(dy, Activation<TV, TS>.Sigmoid(TS.Negate(z)));

    // ---- The parameterized forms of Activation<TV, TS>, same arguments after (z, y, dy).

    /// <summary>1 where threshold &lt; z (and 0 &lt; z &lt; max_value when there is one); negative_slope where z &lt; threshold.</summary>
    [MethodImpl(Inline)]
    public static TV Relu(TV z, TV y, TV dy, float negativeSlope, float maxValue, float threshold)
    {
        var t = TS.Create(threshold);
        var passes = float.IsPositiveInfinity(maxValue)
            ? TS.Select(TS.GreaterThan(z, t), dy, Zero)
            : TS.Select(TS.GreaterThan(z, TS.Max(t, Zero)), TS.Select(TS.LessThan(z, TS.Create(maxValue)), dy, Zero), Zero);
        return TS.Add(passes, TS.Select(TS.LessThan(z, t), TS.Multiply(dy, TS.Create(negativeSlope)), Zero));
    }

    [MethodImpl(Inline)] public static TV LeakyRelu(TV z, TV y, TV dy, float negativeSlope) => TS.Select(TS.GreaterThan(z, Zero), dy, TS.Multiply(dy, TS.Create(negativeSlope)));

    /// <summary>For z &lt; 0, f'(z) = alpha·e^z = y + alpha.</summary>
    [MethodImpl(Inline)] public static TV Elu(TV z, TV y, TV dy, float alpha) => TS.Select(TS.GreaterThanOrEqual(z, Zero), dy, TS.Multiply(dy, TS.Add(y, TS.Create(alpha))));

    /// <summary>For z &lt; 0, f'(z) = e^(z/alpha) = y/alpha + 1.</summary>
    [MethodImpl(Inline)] public static TV Celu(TV z, TV y, TV dy, float alpha) => TS.Select(TS.GreaterThanOrEqual(z, Zero), dy, TS.Multiply(dy, TS.Add(TS.Divide(y, TS.Create(alpha)), One)));

    [MethodImpl(Inline)]
    public static TV Squareplus(TV z, TV y, TV dy, float b) =>
        TS.Multiply(dy, TS.Multiply(TS.Create(0.5f), TS.Add(One, TS.Divide(z, TS.Sqrt(TS.MultiplyAdd(z, z, TS.Create(b)))))));

    [MethodImpl(Inline)] public static TV SoftShrink(TV z, TV y, TV dy, float threshold) => TS.Select(TS.GreaterThan(TS.Abs(z), TS.Create(threshold)), dy, Zero);

    [MethodImpl(Inline)] public static TV HardShrink(TV z, TV y, TV dy, float threshold) => TS.Select(TS.GreaterThan(TS.Abs(z), TS.Create(threshold)), dy, Zero);

    [MethodImpl(Inline)] public static TV Threshold(TV z, TV y, TV dy, float threshold, float defaultValue) => TS.Select(TS.GreaterThan(z, TS.Create(threshold)), dy, Zero);

    /// <summary>gelu(approximate=True): with u = √(2/π)(z + 0.044715z³), d = 0.5(1 + tanh u) + 0.5z(1 − tanh²u)·√(2/π)(1 + 3·0.044715z²).</summary>
    [MethodImpl(Inline)]
    public static TV GeluApproximate(TV z, TV y, TV dy)
    {
        var c = TS.Create(0.7978845608028654f);
        var z2 = TS.Multiply(z, z);
        var tanh = Activation<TV, TS>.Tanh(TS.Multiply(c, TS.MultiplyAdd(TS.Multiply(z2, z), TS.Create(0.044715f), z)));
        var half = TS.Create(0.5f);
        var du = TS.Multiply(c, TS.MultiplyAdd(z2, TS.Create(3 * 0.044715f), One));
        var d = TS.MultiplyAdd(TS.Multiply(TS.Multiply(half, z), TS.Subtract(One, TS.Multiply(tanh, tanh))), du, TS.Multiply(half, TS.Add(One, tanh)));
        return TS.Multiply(dy, d);
    }
}
