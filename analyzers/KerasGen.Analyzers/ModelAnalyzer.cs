using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;
using KerasGen.Generator.Parsing;
using KerasGen.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasGen.Analyzers;

/// <summary>
/// Reports every KerasGen model error at the attribute, or the attribute argument, responsible. It runs the same
/// parser and shape inference as the generator; an unexpected exception becomes KG9999, never a crashed build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelAnalyzer : DiagnosticAnalyzer
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Descriptors.All.ToDictionary(d => d.Id);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.All.ToImmutableArray();

    /// <summary>Diagnostic properties for the code fix: the misspelt name and the closest known one.</summary>
    public const string UnknownProperty = "Unknown", SuggestionProperty = "Suggestion";

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        try
        {
            var sequential = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ModelParser.SequentialAttribute);
            var layers = ModelParser.LayerAttributesInOrder(type);
            if (sequential is null)
            {
                if (layers.Length > 0)
                    Report(context, DiagnosticCatalog.LayerWithoutSequential, Location(layers[0]),
                        $"'{type.Name}' has layer attributes but no [Sequential]: add [Sequential] to make it a KerasGen model");
                return;
            }
            var classLocation = type.Locations.FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None;
            if (!CheckType(context, type, classLocation)) return;

            if (!CheckSingleDeclaration(context, type, layers)) return;

            // Diagnostics name attributes by index: the layers in order, then [Compile].
            var located = layers;
            var compile = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ModelParser.CompileAttribute);
            if (compile is not null) located = located.Add(compile);
            var spec = ModelParser.Parse(type, sequential);
            foreach (var diagnostic in ShapeInference.Infer(spec).Diagnostics)
            {
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (diagnostic.Unknown is not null) properties = properties.Add(UnknownProperty, diagnostic.Unknown);
                if (diagnostic.Suggestion is not null) properties = properties.Add(SuggestionProperty, diagnostic.Suggestion);
                Report(context, diagnostic.Id, Locate(diagnostic, located, classLocation), diagnostic.Message, properties);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Report(context, DiagnosticCatalog.InternalError, type.Locations.FirstOrDefault() ?? Microsoft.CodeAnalysis.Location.None,
                $"KerasGen failed on '{type.Name}' ({exception.GetType().Name}: {exception.Message}); please report this with the model's attributes");
        }
    }

    /// <summary>KG0019: layer order is attribute order, which is undefined across partial declarations.</summary>
    private static bool CheckSingleDeclaration(SymbolAnalysisContext context, INamedTypeSymbol type, ImmutableArray<AttributeData> layers)
    {
        var declarations = layers
            .Select(a => a.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>())
            .Where(d => d is not null)
            .Distinct()
            .ToList();
        if (declarations.Count <= 1) return true;
        var stray = layers.First(a => a.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>() == declarations[1]);
        Report(context, DiagnosticCatalog.LayersSplitAcrossDeclarations, Location(stray),
            $"The layers of '{type.Name}' are split across {declarations.Count} partial declarations, so their order is undefined: put every layer attribute on one declaration");
        return false;
    }

    /// <summary>KG0001 / KG0013: the type (and every containing type) must be a partial, non-generic class.</summary>
    private static bool CheckType(SymbolAnalysisContext context, INamedTypeSymbol type, Location classLocation)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract)
        {
            Report(context, DiagnosticCatalog.UnsupportedModelType, classLocation,
                $"[Sequential] needs a non-static, non-abstract class; '{type.Name}' is not one");
            return false;
        }
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                Report(context, DiagnosticCatalog.UnsupportedModelType, classLocation,
                    $"KerasGen cannot generate a model inside the generic type '{t.Name}': model shapes are fixed at compile time, so a model class and its containing types must not be generic");
                return false;
            }
            foreach (var reference in t.DeclaringSyntaxReferences)
                if (reference.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    Report(context, DiagnosticCatalog.NotPartial, declaration.Identifier.GetLocation(),
                        t.Equals(type, SymbolEqualityComparer.Default)
                            ? $"The [Sequential] class '{type.Name}' must be declared partial, so KerasGen can add the model to it"
                            : $"'{t.Name}', which contains the [Sequential] class '{type.Name}', must be declared partial too");
                    return false;
                }
        }
        return true;
    }

    /// <summary>The attribute named by the diagnostic, narrowed to the responsible argument when there is one.</summary>
    private static Location Locate(ModelDiagnostic diagnostic, ImmutableArray<AttributeData> layers, Location classLocation)
    {
        if (diagnostic.AttributeIndex < 0 || diagnostic.AttributeIndex >= layers.Length) return classLocation;
        var attribute = layers[diagnostic.AttributeIndex];
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax) return classLocation;
        var arguments = syntax.ArgumentList?.Arguments ?? default;
        if (diagnostic.Argument is { } name && arguments.Count > 0)
        {
            var positional = arguments.Where(a => a.NameEquals is null).ToList();
            if (name == "#*" && positional.Count > 0) // a params list: all positional arguments
                return Microsoft.CodeAnalysis.Location.Create(syntax.SyntaxTree,
                    Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(positional[0].SpanStart, positional[positional.Count - 1].Span.End));
            if (name.StartsWith("#", StringComparison.Ordinal) && int.TryParse(name.Substring(1), out int position) && position < positional.Count)
                return positional[position].GetLocation();
            foreach (var argument in arguments)
                if (argument.NameEquals?.Name.Identifier.ValueText == name) return argument.GetLocation();
        }
        return syntax.GetLocation();
    }

    private static Location Location(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Microsoft.CodeAnalysis.Location.None;

    private static void Report(SymbolAnalysisContext context, string id, Location location, string message, ImmutableDictionary<string, string?>? properties = null) =>
        context.ReportDiagnostic(Diagnostic.Create(ById[id], location, properties, message));
}
