using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Pima;

// The classic Keras tutorial, compiled: load the Pima data, train the model (binary crossentropy, Adam, 150 epochs,
// batch 10), report its accuracy, predict, and measure one prediction's latency and allocations.
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

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150;
var clock = Stopwatch.StartNew();
model.Fit(x, labels, epochs: epochs, batchSize: 10, verbose: 1);
double seconds = clock.Elapsed.TotalSeconds;
float[] lossAndAccuracy = model.Evaluate(x, labels);
Console.WriteLine($"Trained {epochs} epochs in {seconds:F1} s ({epochs * rows.Length / seconds:N0} samples/s).");
Console.WriteLine($"Training accuracy: {lossAndAccuracy[1] * 100:F2}%   loss: {lossAndAccuracy[0]:F4}");

var y = new float[rows.Length];
model.Predict(x, y);
Console.WriteLine("First predictions:");
for (int i = 0; i < 5; i++)
    Console.WriteLine($"  row {i}: p = {y[i]:F4} -> {(y[i] > 0.5f ? 1 : 0)}   label {labels[i]:F0}");

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
