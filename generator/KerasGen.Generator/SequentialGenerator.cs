using System;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Parsing;
using KerasGen.Generator.Shapes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasGen.Generator;

/// <summary>
/// The pipeline only: [Sequential] classes → <see cref="ModelSpec"/> (plain equatable values, so unrelated edits hit
/// the cache) → shape inference → emitted source. Diagnostics are the analyzer's job (KerasGen.Analyzers runs the
/// same parser and shape inference), so this pipeline carries no Location and reports nothing itself.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SequentialGenerator : IIncrementalGenerator
{
    public const string ParseStep = "KerasGen.Parse";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelParser.SequentialAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => Parse(ctx))
            .WithTrackingName(ParseStep);

        context.RegisterSourceOutput(models, static (output, spec) =>
        {
            if (spec is null) return;
            output.AddSource(spec.HintName, Generate(spec));
        });
    }

    private static ModelSpec? Parse(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || !CanEmitInto(type)) return null;
        try
        {
            return ModelParser.Parse(type, context.Attributes[0]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null; // the analyzer reports KG9999 for the same exception; the generator must never break the build
        }
    }

    /// <summary>The generated source of one model; a model with errors gets only its public surface.</summary>
    internal static string Generate(ModelSpec spec)
    {
        try
        {
            var (plan, _) = ShapeInference.Infer(spec);
            return plan is null ? ModelEmitter.EmitInvalid(spec) : ModelEmitter.Emit(plan);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ModelEmitter.EmitInvalid(spec);
        }
    }

    /// <summary>A partial, non-static, non-abstract, non-generic class whose containing types are partial too: exactly
    /// what the analyzer accepts (anything else is KG0001 or KG0013 and gets no source, which would only add compiler
    /// errors).</summary>
    internal static bool CanEmitInto(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract) return false;
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType) return false;
            foreach (var reference in t.DeclaringSyntaxReferences)
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword))
                    return false;
        }
        return true;
    }
}
