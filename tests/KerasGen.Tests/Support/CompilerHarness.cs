using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KerasGen.Analyzers;
using KerasGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasGen.Tests.Support;

/// <summary>Compiles source snippets the way a user's project is compiled: with the KerasGen runtime referenced and
/// the generator and analyzer running.</summary>
internal static class CompilerHarness
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(SequentialAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("UserModels",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator; returns the driver (for incremental runs), the generated sources and the
    /// diagnostics of the compilation with them added.</summary>
    public static (GeneratorDriver Driver, ImmutableArray<GeneratedSourceResult> Sources, ImmutableArray<Diagnostic> Diagnostics) Generate(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver ??= CSharpGeneratorDriver.Create(new[] { new SequentialGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        return (driver, sources, generatorDiagnostics.AddRange(output.GetDiagnostics()));
    }

    /// <summary>The analyzer's diagnostics on the snippet (compiled with the generator's output, as in a real build).</summary>
    public static ImmutableArray<Diagnostic> Analyze(params string[] sources)
    {
        var compilation = Compile(sources);
        CSharpGeneratorDriver.Create(new SequentialGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        return withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
