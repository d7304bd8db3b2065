using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace KerasGen.Benchmarks;

/// <summary>
/// What a fresh process sees, which BenchmarkDotNet's steady state hides (issue 11): each run starts a new process
/// that times the model's constructor (which compiles Predict's kernels), its first Predict (any JIT left included),
/// then calls 2–1,000, then steady state after two seconds of calling; "mnist-mlp-batch64" predicts 64 samples a call. The driver runs the probe in <c>processes</c> fresh processes per model and reports medians.
/// <c>dotnet run -c Release --project benchmarks/KerasGen.Benchmarks -- --cold-start [processes]</c>.
/// </summary>
internal static class ColdStart
{
    private static readonly string[] Models = { "pima", "mnist-mlp", "mnist-mlp-batch64" };

    public static void Drive(int processes)
    {
        Console.WriteLine($"Cold start: {processes} fresh processes per model; medians over the processes.");
        Console.WriteLine($"{"model",-18} {"constructor",12} {"first call",12} {"calls 2-1000",14} {"steady",10} {"ratio",7}");
        foreach (var model in Models)
        {
            var runs = Enumerable.Range(0, processes).Select(_ => Probe(model)).ToList();
            double create = Median(runs.Select(r => r.Create)), first = Median(runs.Select(r => r.First));
            double warm = Median(runs.Select(r => r.Early)), steady = Median(runs.Select(r => r.Steady));
            Console.WriteLine($"{model,-18} {Time(create),12} {Time(first),12} {Time(warm),14} {Time(steady),10} {warm / steady,6:F2}x");
        }
    }

    private static (double Create, double First, double Early, double Steady) Probe(string model)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ColdStart).Assembly.Location);
        start.ArgumentList.Add("--cold-start-probe");
        start.ArgumentList.Add(model);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var values = output.Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (values[0], values[1], values[2], values[3]);
    }

    /// <summary>In the fresh process: nanoseconds of the constructor, of the first call, the median of calls 2–1,000 (timed in chunks of
    /// 10, since the VM's clock is too coarse for one 20 ns call), and the steady-state median.</summary>
    public static void Run(string model)
    {
        int samples = model == "mnist-mlp-batch64" ? 64 : 1;
        long t0 = Stopwatch.GetTimestamp();
        IModel net = model == "pima" ? new PimaNet(1) : new MnistMlp(1);
        double create = Stopwatch.GetElapsedTime(t0).TotalNanoseconds;
        var x = new float[samples * (model == "pima" ? PimaNet.InputSize : MnistMlp.InputSize)];
        var y = new float[samples * (model == "pima" ? PimaNet.OutputSize : MnistMlp.OutputSize)];
        for (int i = 0; i < x.Length; i++) x[i] = (i % 7) * 0.1f;
        t0 = Stopwatch.GetTimestamp();
        net.Predict(x, y);
        double first = Stopwatch.GetElapsedTime(t0).TotalNanoseconds;
        var early = new List<double>();
        for (int call = 2; call <= 1000; call += 10)
        {
            int n = Math.Min(10, 1001 - call);
            long t = Stopwatch.GetTimestamp();
            for (int i = 0; i < n; i++) net.Predict(x, y);
            early.Add(Stopwatch.GetElapsedTime(t).TotalNanoseconds / n);
        }
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
        while (Stopwatch.GetTimestamp() < warmUntil) net.Predict(x, y);
        var steady = new List<double>();
        int chunk = model == "pima" ? 10_000 : samples == 1 ? 20 : 2;
        for (int round = 0; round < 31; round++)
        {
            long t = Stopwatch.GetTimestamp();
            for (int i = 0; i < chunk; i++) net.Predict(x, y);
            steady.Add(Stopwatch.GetElapsedTime(t).TotalNanoseconds / chunk);
        }
        Console.WriteLine(string.Join(' ', new[] { create, first, Median(early), Median(steady) }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Time(double ns) => ns < 1e3 ? $"{ns:F0} ns" : ns < 1e6 ? $"{ns / 1e3:F1} us" : $"{ns / 1e6:F2} ms";
}
