using System;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

[Sequential, Dense(128, InputDim = 40, Activation = "tanh"), Dense(512, Activation = "relu"), Dense(256), Dense(3)]
public partial class StaggeredRows;

/// <summary>Dense kernels of 128, 256 and 512 units lie in memory with rows one cache line longer than their columns
/// (ModelLayout.Stride): Predict, single and batched on every path, still gives Keras' Dense, computed here in double
/// from get_weights().</summary>
public class StaggeredRowsTests
{
    private static float[] Reference(float[][] weights, float[] x, int samples)
    {
        int[] units = { 128, 512, 256, 3 };
        string[] activations = { "tanh", "relu", "linear", "linear" };
        var output = new float[samples * 3];
        for (int s = 0; s < samples; s++)
        {
            double[] a = x.Skip(s * 40).Take(40).Select(v => (double)v).ToArray();
            for (int l = 0; l < units.Length; l++)
            {
                var (kernel, bias) = (weights[2 * l], weights[2 * l + 1]);
                var z = new double[units[l]];
                for (int j = 0; j < units[l]; j++)
                {
                    double sum = bias[j];
                    for (int i = 0; i < a.Length; i++) sum += a[i] * kernel[i * units[l] + j];
                    z[j] = activations[l] switch { "tanh" => Math.Tanh(sum), "relu" => Math.Max(0, sum), _ => sum };
                }
                a = z;
            }
            for (int j = 0; j < 3; j++) output[s * 3 + j] = (float)a[j];
        }
        return output;
    }

    [Theory]
    [MemberData(nameof(ModelRunner.Paths), MemberType = typeof(ModelRunner))]
    public void Staggered_kernels_give_kerass_dense(KernelPath path)
    {
        var model = new StaggeredRows(4) { MaxDegreeOfParallelism = 1 };
        var random = new Random(3);
        var weights = model.GetWeights().Select(w => w.Select(_ => (float)(random.NextDouble() - 0.5) * 0.2f).ToArray()).ToArray();
        model.SetWeights(weights);
        Assert.Equal(weights, model.GetWeights()); // the padding is invisible to Keras' layout
        foreach (int samples in new[] { 1, 7 })
        {
            var x = Enumerable.Range(0, samples * 40).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var expected = Reference(weights, x, samples);
            var actual = ModelRunner.Predict(model, x, samples * 3, path);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 2e-5f);
        }
    }
}
