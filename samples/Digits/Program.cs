using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using KerasGen;

// The 8×8 handwritten digits as (1, 8, 8) channels_first images, as the seed writes its Conv2D: Convolution2D, max
// pooling, Flatten and a softmax, trained on 80% of the images and tested on the rest.
using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "digits.csv.gz"));
using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
    .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
// A fixed shuffle, then 80% to train on.
var order = Enumerable.Range(0, rows.Length).OrderBy(i => (i * 7919) % rows.Length).ToArray();
float[] x = order.SelectMany(i => rows[i].Take(64).Select(p => p / 16f)).ToArray();
float[] labels = order.Select(i => rows[i][64]).ToArray();
int train = (int)(rows.Length * 0.8), test = rows.Length - train;
Console.WriteLine($"Loaded {rows.Length} images of {DigitsModel.InputShape}: {train} to train on, {test} to test.");

var model = new DigitsModel(seed: 5);
Console.WriteLine(model.Summary());
int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var clock = Stopwatch.StartNew();
model.Fit(x.AsSpan(0, train * 64), labels.AsSpan(0, train), epochs: epochs, batchSize: 32, verbose: 2);
Console.WriteLine($"Trained {epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s.");

float[] result = model.Evaluate(x.AsSpan(train * 64), labels.AsSpan(train));
Console.WriteLine($"Test accuracy: {result[1] * 100:F2}% on {test} unseen images   loss: {result[0]:F4}");

var probabilities = new float[10];
model.Predict(x.AsSpan(train * 64, 64), probabilities);
int guess = Array.IndexOf(probabilities, probabilities.Max());
Console.WriteLine($"First test image: predicted {guess} (p = {probabilities[guess]:F3}), label {labels[train]:F0}");

/// <summary>Keras 1 style, channels_first as the seed writes it.</summary>
[Sequential(Name = "digits", ImageDataFormat = "channels_first")]
[Convolution2D(16, 3, 3, Activation = "relu", BorderMode = "same", InputShape = new[] { 1, 8, 8 })]
[MaxPooling2D]
[Flatten]
[Dense(10, Activation = "softmax")]
[Compile(Loss = "sparse_categorical_crossentropy", Optimizer = "adam", Metrics = new[] { "accuracy" })]
public partial class DigitsModel;
