using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasGen.Analyzers;
using KerasGen.CodeFixes;
using KerasGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KerasGen.Tests.Generator;

/// <summary>Each code fix turns its failing snippet into one that compiles cleanly, with the generator running.</summary>
public class CodeFixTests
{
    [Theory]
    [InlineData("KG0001", "[Sequential, Dense(1, InputDim = 2)] public class M;", "public partial class M;")]
    [InlineData("KG0003", "[Sequential, Dense(4), Dense(1)] public partial class M;", "Dense(4, InputDim = 1)")]
    [InlineData("KG0003", "[Sequential, Flatten, Dense(1)] public partial class M;", "Flatten(InputShape = new[] { 1, 1 })")]
    [InlineData("KG0012", "[Sequential, Convolution1D(64, 3, BorderMode = \"same\", InputDim = 32), Flatten, Dense(1)] public partial class M;", "InputDim = 32, InputLength = 10)")]
    [InlineData("KG0023", "[Sequential, Conv1D(4, 3, InputShape = new[] { -1, 8 }), ZeroPadding1D] public partial class M;", "InputShape = new[] { 10, 8 }")]
    [InlineData("KG0023", "[Sequential, Convolution1D(4, 3, InputDim = 8), Compile(Loss = \"mse\")] public partial class M;", "InputDim = 8, InputLength = 10)")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3, Activation = \"rleu\")] public partial class M;", "Activation = \"relu\"")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3), Activation(\"sofmax\")] public partial class M;", "Activation(\"softmax\")")]
    [InlineData("KG0006", "[Sequential, Dense(4, InputDim = 3, Init = \"glorot_unifrom\")] public partial class M;", "Init = \"glorot_uniform\"")]
    [InlineData("KG0015", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mean_square_error\")] public partial class M;", "Loss = \"mean_squared_error\"")]
    [InlineData("KG0016", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", Optimizer = \"adma\")] public partial class M;", "Optimizer = \"adam\"")]
    [InlineData("KG0017", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", Metrics = new[] { \"mae\", \"acuracy\" })] public partial class M;", "new[] { \"mae\", \"accuracy\" }")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3, Activation = \"rleu(max_value=6)\")] public partial class M;", "Activation = \"relu(max_value=6)\"")]
    [InlineData("KG0006", "[Sequential, Dense(4, InputDim = 3, KernelInitializer = \"RandomUnifrom(minval=-1)\")] public partial class M;", "KernelInitializer = \"RandomUniform(minval=-1)\"")]
    [InlineData("KG0027", "[Sequential, Dense(4, InputDim = 3, KernelRegularizer = \"l22(0.1)\")] public partial class M;", "KernelRegularizer = \"l2(0.1)\"")]
    [InlineData("KG0028", "[Sequential, Dense(4, InputDim = 3, KernelConstraint = \"max_nrom(2)\")] public partial class M;", "KernelConstraint = \"max_norm(2)\"")]
    public async Task Fix_produces_a_clean_model(string id, string snippet, string expectedFragment)
    {
        string source = "using KerasGen;\n" + snippet;
        string fixedSource = await ApplyFix(source, id);
        Assert.Contains(expectedFragment, fixedSource);
        Assert.Empty(CompilerHarness.Analyze(fixedSource));
        var (_, _, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(fixedSource));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static readonly CodeFixProvider[] Fixes = { new MakePartialCodeFix(), new AddInputShapeCodeFix(), new ReplaceUnknownNameCodeFix(), new AddSequenceLengthCodeFix() };

    private static async Task<string> ApplyFix(string source, string id)
    {
        using var workspace = new AdhocWorkspace();
        var compilation = CompilerHarness.Compile(source);
        var project = workspace.AddProject("Fix", LanguageNames.CSharp)
            .WithMetadataReferences(compilation.References)
            .WithCompilationOptions(compilation.Options)
            .WithParseOptions(CompilerHarness.ParseOptions);
        var document = project.AddDocument("Model.cs", source);
        var documentCompilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await documentCompilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        var fix = Fixes.Single(f => f.FixableDiagnosticIds.Contains(id));
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
