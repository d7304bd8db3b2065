using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using KerasGen.Generator.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasGen.CodeFixes;

/// <summary>KG0003: adds the missing input shape to the first layer, with a placeholder size of 1 for the user to
/// edit (<c>InputDim = 1</c> on Dense, <c>InputShape = new[] { 1 }</c> elsewhere, two axes on Flatten).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddInputShapeCodeFix)), Shared]
public sealed class AddInputShapeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.NoInputShape);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var attribute = root?.FindNode(context.Span).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        if (root is null || attribute is null) return;
        string name = attribute.Name.ToString();
        bool dense = name is "Dense" or "DenseAttribute" or "KerasGen.Dense" or "KerasGen.DenseAttribute";
        bool flatten = name is "Flatten" or "FlattenAttribute" or "KerasGen.Flatten" or "KerasGen.FlattenAttribute";
        string shape = flatten ? "new[] { 1, 1 }" : "new[] { 1 }"; // Flatten needs two axes to have anything to do
        string argumentText = dense ? "InputDim = 1" : $"InputShape = {shape}";
        context.RegisterCodeFix(CodeAction.Create($"Add {argumentText} (edit the size)", _ =>
        {
            var argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(dense ? "InputDim" : "InputShape"), null, SyntaxFactory.ParseExpression(dense ? "1" : shape));
            var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            var fixedAttribute = attribute.WithArgumentList(list.AddArguments(argument));
            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute)));
        }, equivalenceKey: nameof(AddInputShapeCodeFix)), context.Diagnostics);
    }
}
