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

/// <summary>KG0001: adds <c>partial</c> to the declaration the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticCatalog.NotPartial);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var declaration = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (root is null || declaration is null) return;
        context.RegisterCodeFix(CodeAction.Create($"Make '{declaration.Identifier.ValueText}' partial", _ =>
        {
            var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            var fixedDeclaration = declaration.WithModifiers(declaration.Modifiers.Add(partial));
            return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, fixedDeclaration)));
        }, equivalenceKey: nameof(MakePartialCodeFix)), context.Diagnostics);
    }
}
