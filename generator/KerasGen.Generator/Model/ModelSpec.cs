using KerasGen.Generator.Layers;

namespace KerasGen.Generator.Model;

/// <summary>
/// Everything the generator knows about one <c>[Sequential]</c> class, as plain equatable values: where to emit the
/// partial class, its layers, its [Compile] settings (null: inference only), and the errors the parser found.
/// </summary>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string ClassName,
    string HintName,
    string ModelName,
    EquatableArray<LayerSpec> Layers,
    CompileSpec? Compile,
    EquatableArray<ModelDiagnostic> Diagnostics);
