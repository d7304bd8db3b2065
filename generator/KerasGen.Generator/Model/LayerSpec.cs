namespace KerasGen.Generator.Model;

internal enum LayerKind
{
    Dense,
    Activation,
    Flatten,
    Dropout,
    Reshape,
}

/// <summary>
/// One layer attribute as read from source, with Keras 1 aliases already folded onto the Keras 3 names and
/// identifiers already canonical (validated by the parser). Only the fields of its <see cref="Kind"/> matter.
/// </summary>
internal sealed record LayerSpec(
    LayerKind Kind,
    int AttributeIndex,
    string? Name,
    EquatableArray<int>? InputShape,
    string? InputShapeArgument,
    int Units,
    string Activation,
    bool UseBias,
    string KernelInitializer,
    string BiasInitializer,
    double Rate,
    EquatableArray<int> TargetShape);
