using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Package;

/// <summary>
/// The NuGet package as a user gets it: packed from this build, restored from a folder feed into a fresh project that
/// knows nothing of this repository, where the generator must emit the model, the analyzer must report a KG
/// diagnostic, and the model must run.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-package").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_package_installs_into_a_fresh_project_reports_KG_diagnostics_and_runs()
    {
        string root = DotnetCli.RepositoryRoot(), feed = Path.Combine(_folder, "feed"), app = Path.Combine(_folder, "app");
        DotnetCli.Run(root, "pack", "runtime/KerasGen/KerasGen.csproj", "-c", DotnetCli.Configuration, "--no-build", "-o", feed);

        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var files = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith('_') && !n.StartsWith("package/") && n != "[Content_Types].xml").OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(new[]
            {
                "KerasGen.nuspec", "README.md",
                "analyzers/dotnet/cs/KerasGen.Analyzers.dll", "analyzers/dotnet/cs/KerasGen.CodeFixes.dll", "analyzers/dotnet/cs/KerasGen.Generator.dll",
                "lib/net10.0/KerasGen.dll", "lib/net10.0/KerasGen.xml",
            }, files);
        }
        string version = Path.GetFileNameWithoutExtension(package)["KerasGen.".Length..];

        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="kerasgen-test-feed" value="{feed}" /></packageSources></configuration>
            """);
        // Its own package folder, so the package under test is never one cached by an earlier run; the machine's
        // cache stays a fallback for KerasGen's dependencies.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{Path.Combine(_folder, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{cache}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup><PackageReference Include="KerasGen" Version="{version}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using KerasGen;
            var model = new Pima(7);
            var y = new float[1];
            model.Predict(new float[] { 6, 148, 72, 35, 0, 33.6f, 0.627f, 50 }, y);
            System.Console.WriteLine($"prediction {y[0]:F4} from {Pima.InputShape} on {Pima.ActivePath}");

            [Sequential]
            [Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
            [Dense(8, Init = "uniform", Activation = "relu")]
            [Dense(1, Init = "uniform", Activation = "sigmoid")]
            public partial class Pima;
            """);
        File.WriteAllText(Path.Combine(app, "Bad.cs"), """
            using KerasGen;

            [Sequential]
            [Dense(4, InputDim = 3, Activation = "rleu")]
            public partial class Bad;
            """);

        var failed = DotnetCli.Run(app, expectSuccess: false, "build", "-c", "Release");
        Assert.Contains("Bad.cs(4,", failed);
        Assert.Contains("error KG0005", failed);
        Assert.Contains("Did you mean 'relu'?", failed);

        File.Delete(Path.Combine(app, "Bad.cs"));
        var output = DotnetCli.Run(app, "run", "-c", "Release");
        var expected = new float[1];
        new KerasGen.Tests.Models.PimaModel(7).Predict(new float[] { 6, 148, 72, 35, 0, 33.6f, 0.627f, 50 }, expected); // the same model, compiled here
        Assert.Contains($"prediction {expected[0]:F4} from (None, 8)", output);
    }
}
