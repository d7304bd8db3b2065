using System;

namespace KerasGen;

/// <summary>Keras <c>UpSampling1D(size=2)</c>: each step repeated <c>size</c> times (Keras 1: <c>length</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UpSampling1DAttribute : LayerAttribute
{
    public UpSampling1DAttribute(int size = 2) => Size = size;

    /// <summary>Keras <c>size</c>.</summary>
    public int Size { get; set; }

    /// <summary>Keras 1 <c>length</c>, the same as <see cref="Size"/>.</summary>
    public int Length { get => Size; set => Size = value; }
}
