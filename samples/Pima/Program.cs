using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Pima;

// Loads the Pima data, builds the tutorial's model, predicts, and measures one prediction's latency and allocations.
var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "pima-indians-diabetes.csv"))
    .Where(line => line.Length > 0)
    .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
float[] x = rows.SelectMany(r => r.Take(8)).ToArray();
float[] labels = rows.Select(r => r[8]).ToArray();
Console.WriteLine($"Loaded {rows.Length} rows of {PimaModel.InputSize} features.");

var model = new PimaModel(seed: 7);
Console.WriteLine(model.Summary());
Console.WriteLine($"Output shape: {PimaModel.OutputShape}   kernel path: {PimaModel.ActivePath}");

var y = new float[rows.Length];
model.Predict(x, y);
Console.WriteLine("First predictions (untrained weights):");
for (int i = 0; i < 5; i++)
    Console.WriteLine($"  row {i}: p = {y[i]:F6}   label {labels[i]:F0}");

// Latency of one single-sample prediction: median over many rounds of many calls.
var sample = x.AsSpan(0, 8).ToArray();
var output = new float[1];
const int callsPerRound = 200_000, rounds = 31;
for (int i = 0; i < 2_000_000; i++) model.Predict(sample, output); // warm up: tiered JIT reaches its optimized code
var perCall = new double[rounds];
long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (int r = 0; r < rounds; r++)
{
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < callsPerRound; i++) model.Predict(sample, output);
    perCall[r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / callsPerRound;
}
long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
Array.Sort(perCall);
Console.WriteLine($"Single-sample Predict: median {perCall[rounds / 2]:F1} ns per call, {(double)allocated / (rounds * callsPerRound):F3} bytes allocated per call ({rounds} rounds of {callsPerRound:N0} calls).");
