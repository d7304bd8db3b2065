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

/// <summary>KG0005/KG0006/KG0015/KG0016/KG0017: replaces a misspelt activation, initializer, loss, optimizer or metric
/// name with the closest Keras name (the analyzer passes both in the diagnostic's properties).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnknownNameCodeFix)), Shared]
public sealed class ReplaceUnknownNameCodeFix : CodeFixProvider
{
    // Must match KerasGen.Analyzers.ModelAnalyzer.UnknownProperty / SuggestionProperty.
    private const string UnknownProperty = "Unknown", SuggestionProperty = "Suggestion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticCatalog.UnknownActivation, DiagnosticCatalog.UnknownInitializer, DiagnosticCatalog.UnknownLoss,
        DiagnosticCatalog.UnknownOptimizer, DiagnosticCatalog.UnknownMetric, DiagnosticCatalog.UnknownRegularizer,
        DiagnosticCatalog.UnknownConstraint);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UnknownProperty, out var unknown) || unknown is null ||
                !diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggestion) || suggestion is null)
                continue;
            var literal = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
                .FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == unknown);
            if (literal is null) continue;
            context.RegisterCodeFix(CodeAction.Create($"Use '{suggestion}'", _ =>
            {
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
            }, equivalenceKey: nameof(ReplaceUnknownNameCodeFix) + suggestion), diagnostic);
        }
    }
}
