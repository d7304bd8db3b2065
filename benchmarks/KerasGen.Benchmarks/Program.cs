using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Diagnosers;

// dotnet run -c Release --project benchmarks/KerasGen.Benchmarks -- [--short] [--avx2] [BenchmarkDotNet options, e.g. --filter *Pima*]
//   --short: a few seconds per case (smoke runs); default: BenchmarkDotNet's full statistics.
//   --avx2:  add a second job with DOTNET_EnableAVX512=0, so the AVX2 path is compared with the AVX-512 one in one run.
//   --cold-start [N]: first call and calls 2-1000 in N fresh processes (default 10), not a BenchmarkDotNet run.
if (args.Length >= 2 && args[0] == "--cold-start-probe") { KerasGen.Benchmarks.ColdStart.Run(args[1]); return; }
if (args.Length >= 1 && args[0] == "--cold-start") { KerasGen.Benchmarks.ColdStart.Drive(args.Length > 1 ? int.Parse(args[1]) : 10); return; }
bool smoke = args.Contains("--short"), avx2 = args.Contains("--avx2");
var rest = args.Where(a => a is not ("--short" or "--avx2")).ToArray();
if (!rest.Contains("--filter")) rest = rest.Concat(new[] { "--filter", "*" }).ToArray();

var job = (smoke ? Job.ShortRun : Job.Default).WithId(smoke ? "short" : "full");
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column())
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
if (avx2) config = config.AddJob(job.WithId("avx2").WithEnvironmentVariable("DOTNET_EnableAVX512", "0"));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);

/// <summary>The 99th percentile of the measured iterations.</summary>
internal sealed class P99Column : IColumn
{
    public string Id => "P99";
    public string ColumnName => "P99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => "99th percentile of all measurements";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null) return "NA";
        double nanoseconds = statistics.Percentiles.Percentile(99);
        return nanoseconds < 1e3 ? $"{nanoseconds:N1} ns" : nanoseconds < 1e6 ? $"{nanoseconds / 1e3:N2} μs" : $"{nanoseconds / 1e6:N2} ms";
    }
}
