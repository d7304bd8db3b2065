using System.Linq;
using KerasGen.Generator;
using KerasGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KerasGen.Tests.Generator;

/// <summary>The generator's pipeline is cacheable: edits elsewhere reuse every cached step and emit nothing new;
/// changing one model regenerates that model only.</summary>
public class IncrementalTests
{
    private const string ModelA = """
        using KerasGen;
        [Sequential, Dense(12, InputDim = 8, Activation = "relu"), Dense(1, Activation = "sigmoid")]
        public partial class A;
        """;
    private const string ModelB = """
        using KerasGen;
        [Sequential, Dense(4, InputDim = 3), Compile(Loss = "mse", Optimizer = "sgd")]
        public partial class B;
        """;
    private const string Other = "public static class Helper { public static int Twice(int x) => 2 * x; }";

    [Fact]
    public void An_edit_in_another_file_or_elsewhere_in_the_file_reuses_every_step()
    {
        var compilation = CompilerHarness.Compile(ModelA, ModelB, Other);
        var (driver, _, _) = CompilerHarness.Generate(compilation);

        // Another file changes.
        var otherTree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(otherTree,
            otherTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Other.Replace("2 * x", "x + x"))));
        AssertAllCached(driver.RunGenerators(edited));

        // The model's own file changes outside the model.
        var modelTree = compilation.SyntaxTrees.First();
        var sameFile = compilation.ReplaceSyntaxTree(modelTree,
            modelTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(ModelA + "\npublic static class More { }\n")));
        AssertAllCached(driver.RunGenerators(sameFile));
    }

    [Fact]
    public void Changing_one_model_regenerates_only_that_model()
    {
        var compilation = CompilerHarness.Compile(ModelA, ModelB, Other);
        var (driver, _, _) = CompilerHarness.Generate(compilation);
        var modelTree = compilation.SyntaxTrees.First();
        var changed = compilation.ReplaceSyntaxTree(modelTree,
            modelTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(ModelA.Replace("Dense(12", "Dense(16"))));
        var result = driver.RunGenerators(changed).GetRunResult().Results.Single();
        var outputs = result.TrackedSteps[SequentialGenerator.ParseStep].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.All(outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        var modified = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(1, modified);
    }

    private static void AssertAllCached(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        var parse = result.TrackedSteps[SequentialGenerator.ParseStep].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(parse);
        Assert.All(parse, o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.All(emitted, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
