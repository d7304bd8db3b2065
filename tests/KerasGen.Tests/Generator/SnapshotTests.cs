using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using KerasGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KerasGen.Tests.Generator;

/// <summary>
/// Golden files of the generated source: a change to what KerasGen emits shows up as a reviewable diff of
/// Snapshots/*.verified.cs. Set KERASGEN_ACCEPT_SNAPSHOTS=1 to write the new output as the golden file.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("Pima", """
        using KerasGen;
        namespace Samples;
        [Sequential]
        [Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
        [Dense(8, Init = "uniform", Activation = "relu")]
        [Dense(1, Init = "uniform", Activation = "sigmoid")]
        public partial class PimaModel;
        """)]
    [InlineData("PimaTrainable", """
        using KerasGen;
        namespace Samples;
        [Sequential]
        [Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
        [Dropout(0.1)]
        [Dense(8, Init = "uniform", Activation = "relu")]
        [Dense(1, Init = "uniform", Activation = "sigmoid")]
        [Compile(Loss = "binary_crossentropy", Optimizer = "adam", Metrics = new[] { "accuracy" })]
        public partial class PimaModel;
        """)]
    [InlineData("FlattenExample", """
        using KerasGen;
        namespace Samples;
        [Sequential]
        [Flatten(InputShape = new[] { 3, 2 })]
        [Dense(16)]
        [Activation("relu")]
        [Dense(4)]
        public partial class FlattenExample;
        """)]
    [InlineData("UnknownSteps", """
        using KerasGen;
        namespace Samples;
        [Sequential]
        [Convolution1D(16, 3, BorderMode = "same", Activation = "relu", InputDim = 4)]
        [MaxPooling1D(2)]
        [GlobalAveragePooling1D]
        [Dense(1, Activation = "sigmoid")]
        public partial class SequenceModel;
        """)]
    [InlineData("PerStepSoftmax", """
        using KerasGen;
        namespace Samples.Nested;
        public partial class Outer
        {
            [Sequential(Name = "per_step")]
            [Dense(40, InputShape = new[] { 5, 3 }, Activation = "tanh")]
            [Dropout(0.25)]
            [Dense(10, Activation = "softmax", UseBias = false)]
            internal partial class PerStep;
        }
        """)]
    public void Generated_source_matches_golden_file(string name, string source)
    {
        var (_, sources, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string generated = sources.Single().SourceText.ToString();
        string golden = Path.Combine(SnapshotFolder(), name + ".verified.cs");
        if (Environment.GetEnvironmentVariable("KERASGEN_ACCEPT_SNAPSHOTS") == "1") File.WriteAllText(golden, generated);
        Assert.True(File.Exists(golden), $"No golden file {golden}; run with KERASGEN_ACCEPT_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), generated);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        const string source = "using KerasGen; [Sequential, Dense(3, InputDim = 2, Activation = \"gelu\")] public partial class M;";
        string first = CompilerHarness.Generate(CompilerHarness.Compile(source)).Sources.Single().SourceText.ToString();
        string second = CompilerHarness.Generate(CompilerHarness.Compile(source)).Sources.Single().SourceText.ToString();
        Assert.Equal(first, second);
    }

    private static string SnapshotFolder([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, "Snapshots");
}
