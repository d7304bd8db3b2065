using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using KerasGen;

// Forecast tomorrow's minimum temperature in Melbourne from the previous 30 days with a Conv1D model trained with
// mean absolute error; compare its test MAE with the "tomorrow = today" baseline, and time one prediction.
const int Window = 30;
float[] temperatures = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "daily-min-temperatures.csv"))
    .Skip(1)
    .Where(line => line.Length > 0)
    .Select(line => float.Parse(line.Split(',')[1].Trim('"'), CultureInfo.InvariantCulture))
    .ToArray();
int samples = temperatures.Length - Window, train = (int)(samples * 0.8);
// Standardize with the training days' statistics only.
double mean = temperatures.Take(train + Window).Average();
double std = Math.Sqrt(temperatures.Take(train + Window).Average(t => (t - mean) * (t - mean)));
float[] scaled = temperatures.Select(t => (float)((t - mean) / std)).ToArray();
float[] x = new float[samples * Window], y = new float[samples];
for (int s = 0; s < samples; s++)
{
    Array.Copy(scaled, s, x, s * Window, Window);
    y[s] = scaled[s + Window];
}
Console.WriteLine($"Loaded {temperatures.Length} days: {train} training windows (1981–1988), {samples - train} test windows.");

var model = new TemperatureModel(seed: 3);
Console.WriteLine(model.Summary());
int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var clock = Stopwatch.StartNew();
model.Fit(x.AsSpan(0, train * Window), y.AsSpan(0, train), epochs: epochs, batchSize: 32, verbose: 2);
Console.WriteLine($"Trained {epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s.");

var predictions = new float[samples - train];
model.Predict(x.AsSpan(train * Window), predictions);
double modelMae = 0, baselineMae = 0;
for (int i = 0; i < predictions.Length; i++)
{
    int s = train + i;
    modelMae += Math.Abs(predictions[i] - y[s]) * std;
    baselineMae += Math.Abs(scaled[s + Window - 1] - y[s]) * std;
}
Console.WriteLine($"Test MAE: {modelMae / predictions.Length:F3} °C   (baseline \"tomorrow = today\": {baselineMae / predictions.Length:F3} °C)");

// Latency of one prediction: median over rounds of many calls, after warm-up.
var window = x.AsSpan(train * Window, Window).ToArray();
var output = new float[1];
const int callsPerRound = 20_000, rounds = 21;
for (int i = 0; i < 200_000; i++) model.Predict(window, output);
var perCall = new double[rounds];
long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (int r = 0; r < rounds; r++)
{
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < callsPerRound; i++) model.Predict(window, output);
    perCall[r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / callsPerRound;
}
long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
Array.Sort(perCall);
Console.WriteLine($"Single-window Predict: median {perCall[rounds / 2] / 1000:F2} µs per call, {(double)allocated / (rounds * callsPerRound):F3} bytes allocated per call (kernel path {TemperatureModel.ActivePath}).");

/// <summary>30 days in, tomorrow out: two convolutions over the days, pooling, and a small Dense head.</summary>
[Sequential(Name = "temperature")]
[Conv1D(32, 5, Activation = "relu", InputShape = new[] { 30, 1 })]
[MaxPooling1D(2)]
[Conv1D(16, 3, Activation = "relu")]
[Flatten]
[Dense(16, Activation = "relu")]
[Dense(1)]
[Compile(Loss = "mae", Optimizer = "adam", LearningRate = 0.001)]
public partial class TemperatureModel;
