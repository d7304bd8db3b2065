using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
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
        string root = RepositoryRoot(), feed = Path.Combine(_folder, "feed"), app = Path.Combine(_folder, "app");
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
        Run(root, "pack", "runtime/KerasGen/KerasGen.csproj", "-c", configuration, "--no-build", "-o", feed);

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

        var failed = Run(app, expectSuccess: false, "build", "-c", "Release");
        Assert.Contains("Bad.cs(4,", failed);
        Assert.Contains("error KG0005", failed);
        Assert.Contains("Did you mean 'relu'?", failed);

        File.Delete(Path.Combine(app, "Bad.cs"));
        var output = Run(app, "run", "-c", "Release");
        var expected = new float[1];
        new KerasGen.Tests.Models.PimaModel(7).Predict(new float[] { 6, 148, 72, 35, 0, 33.6f, 0.627f, 50 }, expected); // the same model, compiled here
        Assert.Contains($"prediction {expected[0]:F4} from (None, 8)", output);
    }

    private static string Run(string directory, params string[] arguments) => Run(directory, true, arguments);

    /// <summary>Runs the dotnet CLI without this test host's MSBuild environment, and without build servers that
    /// would outlive the test.</summary>
    private static string Run(string directory, bool expectSuccess, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (arguments[0] != "run") { start.ArgumentList.Add("-nodeReuse:false"); start.ArgumentList.Add("-p:UseSharedCompilation=false"); }
        else { start.ArgumentList.Add("-p:UseSharedCompilation=false"); }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal) || k == "DOTNET_HOST_PATH").ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took over 5 minutes."); }
        string output = stdout.Result + stderr.Result;
        if (expectSuccess && process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        if (!expectSuccess && process.ExitCode == 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} succeeded, expected a failure:\n{output}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "KerasGen.sln"))) return d.FullName;
        throw new InvalidOperationException("The package test runs from a build inside the repository (KerasGen.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
