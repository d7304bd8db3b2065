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

/// <summary>
/// KG0012 at a layer that needs the steps (a Flatten after a Convolution1D given only <c>InputDim</c>) and KG0023 on
/// an unknown sequence length: gives the first layer a length, with a placeholder of 10 for the user to edit —
/// <c>InputLength = 10</c> on Keras 1's Convolution1D, or 10 in place of the -1 of <c>InputShape</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSequenceLengthCodeFix)), Shared]
public sealed class AddSequenceLengthCodeFix : CodeFixProvider
{
    private const string Placeholder = "10";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticCatalog.UndefinedDimension, DiagnosticCatalog.NotSupportedYet);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var type = root?.FindNode(context.Span).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (root is null || type is null) return;
        var first = type.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => Name(a) is not ("Sequential" or "Compile"));
        var arguments = first?.ArgumentList?.Arguments ?? default;
        if (first is null || arguments.Count == 0) return;

        AttributeSyntax? fixedAttribute = null;
        string title;
        var shape = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "InputShape");
        var none = shape?.Expression.DescendantNodes().OfType<PrefixUnaryExpressionSyntax>()
            .FirstOrDefault(e => e.IsKind(SyntaxKind.UnaryMinusExpression) && e.Operand.ToString() == "1");
        if (none is not null)
        {
            fixedAttribute = first.ReplaceNode(none, SyntaxFactory.ParseExpression(Placeholder).WithTriviaFrom(none));
            title = $"Replace the unknown (-1) dimension with {Placeholder} (edit the length)";
        }
        else if (Name(first) == "Convolution1D" && arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "InputDim") &&
                 !arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "InputLength"))
        {
            var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("InputLength"), null, SyntaxFactory.ParseExpression(Placeholder));
            fixedAttribute = first.WithArgumentList(first.ArgumentList!.AddArguments(argument));
            title = $"Add InputLength = {Placeholder} to {first.Name} (edit the length)";
        }
        else return;
        context.RegisterCodeFix(CodeAction.Create(title,
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(first, fixedAttribute))),
            equivalenceKey: nameof(AddSequenceLengthCodeFix)), context.Diagnostics);
    }

    /// <summary>The attribute's name without namespace or the Attribute suffix.</summary>
    private static string Name(AttributeSyntax attribute)
    {
        string name = attribute.Name.ToString();
        name = name.Substring(name.LastIndexOf('.') + 1);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
