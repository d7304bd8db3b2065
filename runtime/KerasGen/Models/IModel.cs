using System;
using System.Collections.Generic;

namespace KerasGen;

/// <summary>
/// The instance side of every generated model. Unlike <see cref="ISequentialModel"/> (whose static abstract members
/// make it usable only as a generic constraint), this can be a variable, list element or type argument.
/// </summary>
public interface IModel
{
    /// <summary>
    /// Runs the model on N ≥ 1 samples stored row-major in Keras layout in <paramref name="x"/>
    /// (N = x.Length / InputSize) and writes N × OutputSize values to <paramref name="y"/>. Allocates nothing;
    /// safe to call from many threads at once on one instance.
    /// </summary>
    void Predict(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>
    /// How many cores a batch <see cref="Predict(ReadOnlySpan{float}, Span{float})"/>, and for a compiled model
    /// TrainOnBatch, Fit and Evaluate, may use: the batch is cut into that many chunks of samples, run by the calling
    /// thread and KerasGen's own worker threads. Default: all cores (<see cref="Environment.ProcessorCount"/>), as ONNX Runtime
    /// and Keras; 1 runs all work on the calling thread; −1 means all cores; 0 and below −1 throw
    /// <see cref="ArgumentOutOfRangeException"/>. A batch too small to pay for a thread hand-off stays on the calling
    /// thread whatever the setting, as does a single sample. Training sums the chunks' gradients in a fixed order, so
    /// it is bit-for-bit reproducible for a given value (set 1 for results that do not depend on the machine's core
    /// count). A Dense model's step whose bits are the same on one thread as across cores (no Dropout, no activity
    /// penalty, each chunk within the training memory) runs on whichever of the two a timed trial finds
    /// faster, now and then re-checked.
    /// </summary>
    int MaxDegreeOfParallelism { get; set; }

    /// <summary><see cref="Predict(ReadOnlySpan{float}, Span{float})"/> on a chosen kernel path, so tests and
    /// benchmarks can compare the Vector512, Vector256, Vector128 and scalar code in one process. A path the machine
    /// does not accelerate still computes the right values, slowly (the JIT emulates the vector type).</summary>
    void Predict(ReadOnlySpan<float> x, Span<float> y, KernelPath path);

    /// <summary>Keras <c>get_weights()</c>: per layer in model order, kernel then bias, in Keras' layouts.</summary>
    float[][] GetWeights();

    /// <summary>Keras <c>set_weights()</c>: same order and layouts as <see cref="GetWeights"/>. On a wrong count or
    /// length it throws <see cref="ArgumentException"/> and leaves the model unchanged.</summary>
    void SetWeights(IReadOnlyList<float[]> weights);

    /// <summary>Keras <c>load_weights(path)</c>: the format follows the file — Keras 3 <c>.weights.h5</c>, a
    /// <c>.keras</c> archive (its config checked against this model first), a legacy Keras 1/2 <c>.h5</c>, a TF.js
    /// <c>model.json</c>. A missing file throws <see cref="System.IO.FileNotFoundException"/>; a corrupt or
    /// mismatched one <see cref="System.IO.InvalidDataException"/> naming the file, the place in it and both
    /// shapes; either way the model is left unchanged.</summary>
    void LoadWeights(string path);

    /// <summary>Keras 3 <c>save_weights(path)</c>: a <c>.weights.h5</c> file Keras 3 loads, written atomically.</summary>
    void SaveWeights(string path);

    /// <summary>Keras <c>count_params()</c>.</summary>
    int CountParams();

    /// <summary>Keras 3 <c>summary()</c> text at line length 88.</summary>
    string Summary();
}
