using System;
using KerasGen.Training;

namespace KerasGen;

/// <summary>A model compiled with <c>[Compile]</c>: Keras' training API.</summary>
public interface ITrainableModel : IModel
{
    /// <summary>Keras <c>train_on_batch</c>: one optimizer step on the N samples given; returns the batch's mean loss
    /// (plus regularization penalties once they exist). y holds N × OutputSize targets, or one class index per row for
    /// sparse categorical crossentropy. Allocates nothing after the first call.</summary>
    float TrainOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y);

    /// <summary>Keras <c>fit</c> on arrays: validation split from the last rows before shuffling, a new shuffle each
    /// epoch, callbacks, and Keras 3's progress output (verbose 1: bar, 2: a line per epoch, 0: silent).</summary>
    History Fit(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int epochs = 1, int batchSize = 32, float validationSplit = 0,
        bool shuffle = true, int verbose = 1, params ICallback[] callbacks);

    /// <summary>Keras <c>evaluate</c>: the loss, then each metric, as means over all samples.</summary>
    float[] Evaluate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int batchSize = 32);
}
