using System;
using System.Linq;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

[Sequential, Dense(200, InputDim = 4096, Activation = "relu"), Dense(3)]
[Compile(Loss = "mse", Optimizer = "sgd", MaxBatchSize = 80)]
public partial class LongRows;

/// <summary>A Dense of 4,096 inputs takes the long-row batch path (DenseTraining.ForwardPacked: inputs in chunks,
/// rows in groups of 36 for a 208-float stride, each kernel chunk serving a whole group): 77 samples are two whole
/// groups, a partial one and a row past the last block of four in training's forward pass (Predict cuts a batch into
/// passes of 15 samples here). Checked against Keras' Dense in double from get_weights(): Predict on every path, the
/// training pass on this machine's.</summary>
public class LongRowsTests
{
    private static float[] Reference(float[][] weights, float[] x, int samples)
    {
        var output = new float[samples * 3];
        for (int s = 0; s < samples; s++)
        {
            var hidden = new double[200];
            for (int j = 0; j < 200; j++)
            {
                double sum = weights[1][j];
                for (int i = 0; i < 4096; i++) sum += (double)x[s * 4096 + i] * weights[0][i * 200 + j];
                hidden[j] = Math.Max(0, sum);
            }
            for (int j = 0; j < 3; j++)
            {
                double sum = weights[3][j];
                for (int i = 0; i < 200; i++) sum += hidden[i] * weights[2][i * 3 + j];
                output[s * 3 + j] = (float)sum;
            }
        }
        return output;
    }

    [Theory]
    [MemberData(nameof(ModelRunner.Paths), MemberType = typeof(ModelRunner))]
    public void Long_rows_in_groups_give_kerass_dense(KernelPath path)
    {
        var model = new LongRows(4) { MaxDegreeOfParallelism = 1 };
        var random = new Random(5);
        var weights = model.GetWeights().Select(w => w.Select(_ => (float)(random.NextDouble() - 0.5) * 0.05f).ToArray()).ToArray();
        model.SetWeights(weights);
        const int samples = 77;
        var x = Enumerable.Range(0, samples * 4096).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var expected = Reference(weights, x, samples);
        var actual = ModelRunner.Predict(model, x, samples * 3, path);
        Tolerance.AssertClose(expected, actual, 1e-5, 1e-4, $"Predict, 77 samples on {path}");
        if (path != KernelPath.Auto) return;
        var trained = ((KerasGen.Training.IDifferentiableModel)model).ForwardBatch(x, samples, training: null).ToArray();
        Tolerance.AssertClose(expected, trained, 1e-5, 1e-4, "training's forward pass, 77 samples");
    }
}
