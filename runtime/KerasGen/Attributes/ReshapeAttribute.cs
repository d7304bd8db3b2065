using System;

namespace KerasGen;

/// <summary>Keras <c>Reshape(target_shape)</c>: row-major reinterpretation; at most one entry may be -1.
/// Costs nothing at run time.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReshapeAttribute : LayerAttribute
{
    public ReshapeAttribute(params int[] targetShape) => TargetShape = targetShape;

    /// <summary>Keras <c>target_shape</c>, without the batch dimension.</summary>
    public int[] TargetShape { get; }
}
