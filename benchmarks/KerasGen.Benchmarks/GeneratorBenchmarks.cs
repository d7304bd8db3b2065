using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using KerasGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KerasGen.Benchmarks;

/// <summary>
/// The generator's cost on a compilation of 1, 10 and 100 trainable 784-512-256-10 models: a first (cold) run, which
/// parses, infers shapes and emits every model (divide by <see cref="Models"/> for the time per model), and a run
/// after an edit in an unrelated file, which should find everything cached and emit nothing.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!, _edited = null!;
    private GeneratorDriver _warm = null!;

    [Params(1, 10, 100)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, Models).Select(i => CSharpSyntaxTree.ParseText($$"""
            using KerasGen;
            namespace Bench;
            [Sequential]
            [Dense(512, InputDim = 784, Activation = "relu")]
            [Dense(256, Activation = "relu")]
            [Dense(10, Activation = "softmax")]
            [Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
            public partial class Mlp{{i}};
            """, parse, $"Mlp{i}.cs")).Append(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int F() => 1; }", parse, "Unrelated.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(SequentialAttribute).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var unrelated = _compilation.SyntaxTrees.Last();
        _edited = _compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(SourceText.From("public static class Unrelated { public static int F() => 2; }")));
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new[] { new SequentialGenerator().AsSourceGenerator() },
        parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
}
