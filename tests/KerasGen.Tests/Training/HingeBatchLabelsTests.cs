using System;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>Keras 3's hinge and squared hinge map {0, 1} labels to −1 and 1 when every label of the batch is 0 or 1:
/// decided over the whole batch, not over each sub-batch of the training memory or each chunk across cores.</summary>
public class HingeBatchLabelsTests
{
    /// <summary>The mean hinge loss Keras reports for these predictions and labels: converted only when all are 0 or 1.</summary>
    private static double KerasHinge(float[] p, float[] y, bool squared)
    {
        bool binary = y.All(v => v is 0 or 1);
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double label = binary ? 2 * y[i] - 1 : y[i], h = Math.Max(0, 1 - label * p[i]);
            sum += squared ? h * h : h;
        }
        return sum / p.Length;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Hinge_labels_are_judged_over_the_whole_batch(bool squared, bool allBinary)
    {
        // 40 samples, more than the 32-sample training memory: the first 32 rows' labels are all 0 or 1; the last 8
        // are −1 or 1 unless allBinary. Judged per sub-batch, the first 32 rows would be converted either way.
        const int samples = 40, units = 4;
        ITrainableModel model = squared ? new LossSquaredHinge(3) : new LossHinge(3);
        var x = TestData.Uniform(samples * 5, 4);
        var y = new float[samples * units];
        for (int i = 0; i < y.Length; i++) y[i] = i < 32 * units || allBinary ? (i * 7 % 3 == 0 ? 1 : 0) : (i % 2 == 0 ? 1 : -1);
        var p = new float[samples * units];
        model.Predict(x, p);
        double expected = KerasHinge(p, y, squared);
        Assert.Equal(expected, model.Evaluate(x, y, batchSize: samples)[0], 1e-5);
        Assert.Equal(expected, model.TrainOnBatch(x, y), 1e-5);
    }
}
