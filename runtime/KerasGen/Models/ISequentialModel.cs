using System;
using System.Collections.Generic;

namespace KerasGen;

/// <summary>
/// What every generated model is. Static members carry the compile-time shapes, so generic runtime code
/// (training loops, weight I/O, benchmarks) can use them without reflection.
/// </summary>
public interface ISequentialModel
{
    /// <summary>Keras <c>model.input_shape</c>, e.g. <c>(None, 8)</c>.</summary>
    static abstract TensorShape InputShape { get; }

    /// <summary>Keras <c>model.output_shape</c>, e.g. <c>(None, 1)</c>.</summary>
    static abstract TensorShape OutputShape { get; }

    /// <summary>Input elements per sample.</summary>
    static abstract int InputSize { get; }

    /// <summary>Output elements per sample.</summary>
    static abstract int OutputSize { get; }

    /// <summary>
    /// Runs the model on N ≥ 1 samples stored row-major in Keras layout in <paramref name="x"/>
    /// (N = x.Length / InputSize) and writes N × OutputSize values to <paramref name="y"/>. Allocates nothing;
    /// safe to call from many threads at once on one instance.
    /// </summary>
    void Predict(ReadOnlySpan<float> x, Span<float> y);

    /// <summary>Keras <c>get_weights()</c>: per layer in model order, kernel then bias, in Keras' layouts.</summary>
    float[][] GetWeights();

    /// <summary>Keras <c>set_weights()</c>: same order and layouts as <see cref="GetWeights"/>. On a wrong count or
    /// length it throws <see cref="ArgumentException"/> and leaves the model unchanged.</summary>
    void SetWeights(IReadOnlyList<float[]> weights);

    /// <summary>Keras <c>count_params()</c>.</summary>
    int CountParams();

    /// <summary>Keras 3 <c>summary()</c> text at line length 88.</summary>
    string Summary();
}
