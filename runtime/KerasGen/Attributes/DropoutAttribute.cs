using System;

namespace KerasGen;

/// <summary>Keras <c>Dropout(rate)</c>: identity at inference; inverted dropout while training. The masks are drawn from
/// the model's seed (<c>new M(seed)</c>), so there is no per-layer <c>seed</c> argument.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : LayerAttribute
{
    public DropoutAttribute() { }

    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>Keras <c>rate</c>: the fraction of inputs dropped while training, in [0, 1).</summary>
    public double Rate { get; set; }

    /// <summary>Keras 1 <c>p</c>, the same as <see cref="Rate"/>.</summary>
    public double P { get => Rate; set => Rate = value; }
}
