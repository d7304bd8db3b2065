using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace KerasGen.Tests.Support;

/// <summary>Runs the dotnet CLI (or a published program) from a test, as a user's shell would: without this test
/// host's MSBuild environment, and without build servers that would outlive the test.</summary>
internal static class DotnetCli
{
    public static string Run(string directory, params string[] arguments) => Run(directory, true, arguments);

    public static string Run(string directory, bool expectSuccess, params string[] arguments) => Execute("dotnet", directory, expectSuccess, arguments);

    /// <summary>Runs <paramref name="program"/>; throws with its output when the exit code is not the expected one.</summary>
    public static string Execute(string program, string directory, bool expectSuccess, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (program == "dotnet" && arguments[0] is "build" or "pack" or "publish" or "restore")
        {
            start.ArgumentList.Add("-nodeReuse:false");
            start.ArgumentList.Add("-p:UseSharedCompilation=false");
        }
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        string command = $"{program} {string.Join(' ', arguments)}";
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} took over 5 minutes.");
        }
        string output = stdout.Result + stderr.Result;
        if (expectSuccess && process.ExitCode != 0) throw new InvalidOperationException($"{command} failed ({process.ExitCode}):\n{output}");
        if (!expectSuccess && process.ExitCode == 0) throw new InvalidOperationException($"{command} succeeded, expected a failure:\n{output}");
        return output;
    }

    /// <summary>The repository's root (where KerasGen.sln is), above the test's build output.</summary>
    public static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "KerasGen.sln"))) return d.FullName;
        throw new InvalidOperationException("This test runs from a build inside the repository (KerasGen.sln not found above " + AppContext.BaseDirectory + ").");
    }

    /// <summary>The configuration this test assembly was built in (bin/&lt;configuration&gt;/net10.0/).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}
