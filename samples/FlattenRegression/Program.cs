using System;
using KerasGen;

// The seed's Flatten example, trained with mean squared error and plain SGD on generated data: each sample is a 3×2
// grid; the four targets are fixed linear combinations of its cells plus a little noise, which the model learns.
var random = new Random(42);
const int samples = 2000;
var x = new float[samples * FlattenExample.InputSize];
var y = new float[samples * FlattenExample.OutputSize];
float[,] mix = { { 1, 0, -1, 0.5f }, { 0.5f, 1, 0, 0 }, { 0, -0.5f, 1, 0 }, { -1, 0, 0.5f, 1 }, { 0, 1, 0, -0.5f }, { 0.25f, 0, 0, 1 } };
for (int n = 0; n < samples; n++)
{
    for (int i = 0; i < 6; i++) x[n * 6 + i] = (float)(random.NextDouble() * 2 - 1);
    for (int o = 0; o < 4; o++)
    {
        float target = 0.05f * (float)(random.NextDouble() - 0.5);
        for (int i = 0; i < 6; i++) target += mix[i, o] * x[n * 6 + i];
        y[n * 4 + o] = target;
    }
}

var model = new FlattenExample(seed: 1);
Console.WriteLine(model.Summary());
Console.WriteLine($"Output shape: {FlattenExample.OutputShape}");
float before = model.Evaluate(x, y)[0];
var history = model.Fit(x, y, epochs: 20, batchSize: 32, validationSplit: 0.2f, verbose: 2);
float after = model.Evaluate(x, y)[0];
Console.WriteLine($"Mean squared error: {before:F4} before training, {after:F4} after 20 epochs (val_loss {history["val_loss"][^1]:F4}).");

[Sequential]
[Flatten(InputShape = new[] { 3, 2 })]
[Dense(16)]
[Activation("relu")]
[Dense(4)]
[Compile(Loss = "mean_squared_error", Optimizer = "SGD")]
public partial class FlattenExample;
