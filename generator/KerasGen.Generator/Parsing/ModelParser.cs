using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Layers;
using KerasGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace KerasGen.Generator.Parsing;

/// <summary>
/// Reads a <c>[Sequential]</c> class's layer attributes, in source order, into a <see cref="ModelSpec"/>: Keras 1
/// aliases folded onto Keras 3 names, identifiers validated and made canonical. Used by the generator and the
/// analyzer alike, so both see the same model.
/// </summary>
internal static class ModelParser
{
    public const string SequentialAttribute = "KerasGen.SequentialAttribute";
    public const string CompileAttribute = "KerasGen.CompileAttribute";
    private const string Namespace = "KerasGen.";

    public static bool IsLayerAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && LayerRegistry.IsLayerAttribute(type.ToDisplayString());

    /// <summary>The layer attributes of <paramref name="type"/> in source order (file, then position).</summary>
    public static ImmutableArray<AttributeData> LayerAttributesInOrder(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(IsLayerAttribute)
            .OrderBy(a => a.ApplicationSyntaxReference?.SyntaxTree.FilePath ?? "", System.StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0)
            .ToImmutableArray();

    public static ModelSpec Parse(INamedTypeSymbol type, AttributeData sequential)
    {
        var diagnostics = new List<ModelDiagnostic>();
        var layers = new List<LayerSpec>();
        var attributes = LayerAttributesInOrder(type);
        string imageDataFormat = ImageDataFormat(sequential, diagnostics);
        for (int i = 0; i < attributes.Length; i++)
        {
            var layer = ParseLayer(attributes[i], i, imageDataFormat, diagnostics);
            if (layer is not null) layers.Add(layer);
        }

        var compileAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == CompileAttribute);
        var compile = compileAttribute is null ? null : CompileParser.Parse(compileAttribute, attributes.Length, diagnostics);

        string modelName = Named(sequential, "Name")?.Value as string ?? "sequential";
        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containing.Insert(0, $"partial {Keyword(outer)} {outer.Name}");
        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        string hint = (ns is null ? "" : ns + ".") + string.Join(".", containing.Select(c => c.Split(' ').Last())) +
                      (containing.Count > 0 ? "." : "") + type.Name + ".g.cs";
        return new ModelSpec(ns, new EquatableArray<string>(containing), type.Name, hint, modelName,
            new EquatableArray<LayerSpec>(layers), compile, new EquatableArray<ModelDiagnostic>(diagnostics));
    }

    private static LayerSpec? ParseLayer(AttributeData attribute, int index, string imageDataFormat, List<ModelDiagnostic> diagnostics)
    {
        if (attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error) ||
            attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error))
            return null; // the compiler already reports the broken argument
        var arguments = new LayerArguments(attribute, index, imageDataFormat, diagnostics);
        var layer = LayerRegistry.Parse(attribute.AttributeClass!.ToDisplayString(), arguments);
        if (layer is null) return null;
        layer = layer with { AttributeIndex = index, Name = arguments.String("Name").Value };
        if (arguments.Find("InputShape") is ({ IsNull: false } shape, var shapeArgument) && shape.Kind == TypedConstantKind.Array)
            layer = layer with { InputShape = new EquatableArray<int>(shape.Values.Select(v => v.Value is int i ? i : 0)), InputShapeArgument = shapeArgument };
        return layer;
    }

    /// <summary>[Sequential(ImageDataFormat = …)]: the default data_format of the model's conv and pooling layers, as
    /// Keras reads it from keras.config.image_data_format().</summary>
    private static string ImageDataFormat(AttributeData sequential, List<ModelDiagnostic> diagnostics)
    {
        if (Named(sequential, "ImageDataFormat")?.Value is not string format) return "channels_last";
        string lower = format.ToLowerInvariant();
        if (lower is "channels_last" or "channels_first") return lower;
        var known = new[] { "channels_last", "channels_first" };
        diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownOption,
            $"The `image_data_format` must be one of \"channels_last\", \"channels_first\". Received: {format}" + Suggestion(lower, known),
            -1, "ImageDataFormat", format, NameSuggester.Closest(lower, known)));
        return "channels_last";
    }

    internal static string Suggestion(string typed, IEnumerable<string> known) =>
        NameSuggester.Closest(typed, known) is { } closest ? $". Did you mean '{closest}'?" : "";

    internal static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
            if (pair.Key == name) return pair.Value;
        return null;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
