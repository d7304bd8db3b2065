using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasGen.Analyzers;
using KerasGen.Generator;
using KerasGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KerasGen.Tests.Generator;

/// <summary>
/// Thousands of random models through the generator and the analyzer: no exception escapes either, every model with
/// an injected defect gets at least one error, every valid model gets none and its generated code compiles without
/// warnings. A fixed seed and 600 models in CI; set KERASGEN_FUZZ_MODELS for more.
/// </summary>
public class FuzzTests
{
    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async System.Threading.Tasks.Task Random_models_never_crash_and_are_judged_correctly()
    {
        int total = int.TryParse(Environment.GetEnvironmentVariable("KERASGEN_FUZZ_MODELS"), out int n) ? n : 600;
        const int perCompilation = 60;
        var fuzzer = new ModelFuzzer(seed: 20261129);
        var outcomes = new Dictionary<string, int>();
        for (int start = 0; start < total; start += perCompilation)
        {
            var models = new List<(string Name, string Source, string? Defect)>();
            for (int i = start; i < Math.Min(total, start + perCompilation); i++)
            {
                var (source, defect) = fuzzer.Next($"Model{i}");
                models.Add(($"Model{i}", source, defect));
            }
            var sources = models.Select(m => "using KerasGen;\n" + m.Source).ToArray();
            var compilation = CompilerHarness.Compile(sources);
            var driver = CSharpGeneratorDriver.Create(new SequentialGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            var run = driver.GetRunResult();
            Assert.All(run.Results, r => Assert.Null(r.Exception));
            Assert.Empty(generatorDiagnostics);
            var analyzer = generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: (e, _, _) => throw new InvalidOperationException("analyzer threw", e),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var all = await analyzer.GetAllDiagnosticsAsync();
            Assert.DoesNotContain(all, d => d.Id is "AD0001" or "KG9999");

            foreach (var (name, source, defect) in models)
            {
                var mine = all.Where(d => Owner(d) == name).ToList();
                var errors = mine.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                string key = defect ?? "valid";
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
                if (defect is null)
                    Assert.True(mine.All(d => d.Severity < DiagnosticSeverity.Warning),
                        $"{name} is valid but got: {string.Join("; ", mine.Select(d => d.ToString()))}\n{source}");
                else
                    Assert.True(errors.Count > 0, $"{name} has the defect '{defect}' but got no error\n{source}");
            }
        }
        foreach (var (key, count) in outcomes.OrderBy(o => o.Key)) _output.WriteLine($"{key}: {count}");
        _output.WriteLine($"total: {total} models");
    }

    /// <summary>The model class a diagnostic belongs to: the class around it, or the generated file's name.</summary>
    private static string? Owner(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        if (tree is null) return null;
        if (tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            return System.IO.Path.GetFileName(tree.FilePath).Replace(".g.cs", "");
        var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        var type = node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is not null) return type.Identifier.ValueText;
        // Attribute lists precede the class: the first class after the diagnostic.
        return tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(t => t.SpanStart >= diagnostic.Location.SourceSpan.Start)?.Identifier.ValueText;
    }
}
