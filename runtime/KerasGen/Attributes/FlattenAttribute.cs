using System;

namespace KerasGen;

/// <summary>Keras <c>Flatten()</c>: <c>(N, d1, …, dk)</c> → <c>(N, d1·…·dk)</c>, row-major. Costs nothing at run time.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute
{
}
