using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasGen.Generator.Catalog;
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

    private static readonly Dictionary<string, LayerKind> LayerAttributes = new()
    {
        [Namespace + "DenseAttribute"] = LayerKind.Dense,
        [Namespace + "ActivationAttribute"] = LayerKind.Activation,
        [Namespace + "FlattenAttribute"] = LayerKind.Flatten,
        [Namespace + "DropoutAttribute"] = LayerKind.Dropout,
        [Namespace + "ReshapeAttribute"] = LayerKind.Reshape,
    };

    public static bool IsLayerAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && LayerAttributes.ContainsKey(type.ToDisplayString());

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
        for (int i = 0; i < attributes.Length; i++)
        {
            var layer = ParseLayer(attributes[i], i, diagnostics);
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

    private static LayerSpec? ParseLayer(AttributeData attribute, int index, List<ModelDiagnostic> diagnostics)
    {
        if (attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error) ||
            attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error))
            return null; // the compiler already reports the broken argument
        var kind = LayerAttributes[attribute.AttributeClass!.ToDisplayString()];
        var layer = new LayerSpec(kind, index, Named(attribute, "Name")?.Value as string, null, null, 0, "linear", true,
            "glorot_uniform", "zeros", 0, EquatableArray<int>.Empty);

        if (Named(attribute, "InputShape") is { } shape && !shape.IsNull)
            layer = layer with { InputShape = new EquatableArray<int>(shape.Values.Select(v => (int)v.Value!)), InputShapeArgument = "InputShape" };

        switch (kind)
        {
            case LayerKind.Dense:
                var (units, unitsArgument) = Argument(attribute, 0, "Units", "OutputDim");
                layer = layer with { Units = units is null ? 0 : (int)units };
                if (layer.Units <= 0)
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                        units is null
                            ? "Dense needs its number of units: write [Dense(units)] or set Units"
                            : $"Received an invalid value for `units`, expected a positive integer. Received: units={units}",
                        index, unitsArgument));
                if (Named(attribute, "Activation")?.Value is string activation)
                    layer = layer with { Activation = Activation(activation, index, "Activation", diagnostics) };
                var (useBias, _) = Argument(attribute, -1, "UseBias", "Bias");
                if (useBias is bool b) layer = layer with { UseBias = b };
                var (kernelInit, kernelArgument) = Argument(attribute, -1, "KernelInitializer", "Init");
                if (kernelInit is string k) layer = layer with { KernelInitializer = Initializer(k, index, kernelArgument!, diagnostics) };
                if (Named(attribute, "BiasInitializer")?.Value is string bi)
                    layer = layer with { BiasInitializer = Initializer(bi, index, "BiasInitializer", diagnostics) };
                if (Named(attribute, "InputDim")?.Value is int dim)
                    layer = layer with { InputShape = new EquatableArray<int>(new[] { dim }), InputShapeArgument = "InputDim" };
                break;
            case LayerKind.Activation:
                var (name, nameArgument) = Argument(attribute, 0, "Activation");
                layer = layer with { Activation = Activation(name as string ?? "", index, nameArgument ?? "#0", diagnostics) };
                break;
            case LayerKind.Dropout:
                var (rate, rateArgument) = Argument(attribute, 0, "Rate", "P");
                double r = rate is double d ? d : 0;
                if (!(r >= 0 && r < 1))
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                        $"Invalid value received for argument `rate`. Expected a float value between 0 and 1 (1 excluded: it would drop everything). Received: rate={r.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                        index, rateArgument));
                layer = layer with { Rate = r };
                break;
            case LayerKind.Reshape:
                var target = attribute.ConstructorArguments.FirstOrDefault();
                layer = layer with { TargetShape = new EquatableArray<int>(target.IsNull || target.Kind != TypedConstantKind.Array ? Enumerable.Empty<int>() : target.Values.Select(v => (int)v.Value!)) };
                break;
        }
        return layer;
    }

    private static string Activation(string name, int index, string argument, List<ModelDiagnostic> diagnostics)
    {
        if (ActivationCatalog.TryGet(name, out _, out _)) return name;
        string message = ActivationCatalog.Unusable(name) is { } why
            ? $"Could not use activation '{name}': {why}"
            : $"Could not interpret activation function identifier: {name}" + Suggestion(name, ActivationCatalog.Names);
        diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownActivation, message, index, argument, name, NameSuggester.Closest(name, ActivationCatalog.Names)));
        return "linear";
    }

    private static string Initializer(string name, int index, string argument, List<ModelDiagnostic> diagnostics)
    {
        if (InitializerCatalog.Canonical(name) is { } canonical) return canonical;
        diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownInitializer,
            $"Could not interpret initializer identifier: {name}" + Suggestion(name, InitializerCatalog.Names), index, argument, name, NameSuggester.Closest(name, InitializerCatalog.Names)));
        return "zeros";
    }

    internal static string Suggestion(string typed, IEnumerable<string> known) =>
        NameSuggester.Closest(typed, known) is { } closest ? $". Did you mean '{closest}'?" : "";

    /// <summary>A value given positionally (constructor parameter <paramref name="position"/>) or by one of the
    /// property names; returns it with how it was written ("#n" or the property name), or (null, null).</summary>
    internal static (object? Value, string? Argument) Argument(AttributeData attribute, int position, params string[] names)
    {
        for (int i = attribute.NamedArguments.Length - 1; i >= 0; i--)
            if (names.Contains(attribute.NamedArguments[i].Key))
                return (attribute.NamedArguments[i].Value.Value, attribute.NamedArguments[i].Key);
        if (position >= 0 && position < attribute.ConstructorArguments.Length)
            return (attribute.ConstructorArguments[position].Value, "#" + position);
        return (null, null);
    }

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
