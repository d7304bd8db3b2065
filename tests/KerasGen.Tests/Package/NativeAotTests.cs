using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Package;

/// <summary>The Pima sample published with NativeAOT, as README says a user does it: no trimming or AOT warning,
/// and the native program trains and predicts as the JIT-compiled sample does.</summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-aot").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_Pima_sample_publishes_with_PublishAot_without_warnings_and_predicts_as_under_the_JIT()
    {
        string root = DotnetCli.RepositoryRoot(), sample = Path.Combine(root, "samples", "Pima");
        string publish = DotnetCli.Run(sample, "publish", "-c", DotnetCli.Configuration, "-r", "linux-x64", "-p:PublishAot=true", "-o", _folder);
        Assert.DoesNotMatch(new Regex(@"warning (IL|NETSDK)\d+"), publish);

        string native = DotnetCli.Execute(Path.Combine(_folder, "Pima"), sample, true, "5");
        string jit = DotnetCli.Run(sample, Path.Combine(sample, "bin", DotnetCli.Configuration, "net10.0", "Pima.dll"), "5");
        var nativeRows = Predictions(native);
        var jitRows = Predictions(jit);
        Assert.Equal(5, nativeRows.Length);
        // The two may run different kernel paths (the AOT default is Vector128): equal up to float32 rounding.
        for (int i = 0; i < 5; i++) Assert.True(Math.Abs(nativeRows[i] - jitRows[i]) <= 2e-3, $"row {i}: native {nativeRows[i]}, JIT {jitRows[i]}");
    }

    private static double[] Predictions(string output) =>
        Regex.Matches(output, @"row \d: p = ([0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
}
