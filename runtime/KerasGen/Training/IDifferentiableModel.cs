using System;
using System.ComponentModel;
using KerasGen.Initialization;
using KerasGen.Weights;

namespace KerasGen.Training;

/// <summary>What a model compiled with <c>[Compile]</c> gives the runtime's <c>Trainer</c>: its flat weight and
/// gradient buffers and generated batch forward and backward passes. Shape-agnostic training code (losses,
/// optimizers, Fit) lives in the runtime and reaches the model only through this.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDifferentiableModel : IModel, IWeightLayout
{
    TrainingSpec TrainingSpec { get; }

    /// <summary>The model's optimizer (its state is saved with the weights on request).</summary>
    Optimizers.Optimizer Optimizer { get; }

    /// <summary>The weights, in the internal (padded) layout. Whoever writes through it calls
    /// <see cref="WeightsWritten"/> afterwards.</summary>
    Span<float> WeightBuffer { get; }

    /// <summary>The weights were just written through <see cref="WeightBuffer"/> (an optimizer step, a constraint):
    /// Predict's folded copy of them is refolded on its next call.</summary>
    void WeightsWritten() { }

    /// <summary>Gradients in the layout of <see cref="WeightBuffer"/>; <see cref="BackwardBatch(ReadOnlySpan{float}, int, bool, int)"/> adds to them.</summary>
    Span<float> GradientBuffer { get; }

    /// <summary>The forward pass of n ≤ <see cref="TrainingSpec.MaxBatchSize"/> samples, keeping what the backward pass
    /// needs. With a random source, dropout is active (training); without, it is the identity.</summary>
    ReadOnlySpan<float> ForwardBatch(ReadOnlySpan<float> x, int samples, DeterministicRandom? training);

    /// <summary>Adds the gradients of the last <see cref="ForwardBatch(ReadOnlySpan{float}, int, DeterministicRandom?)"/> for the given output gradient. When
    /// <paramref name="preActivation"/>, the gradient is with respect to the last layer's input to its activation
    /// (a fused loss, see <see cref="LossFunction.CanFuse"/>). <paramref name="batchSamples"/> is the size of the whole
    /// batch these samples are a chunk of: Keras 3 divides activity penalties by it.</summary>
    void BackwardBatch(ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples);

    /// <summary><see cref="BackwardBatch(ReadOnlySpan{float}, int, bool, int)"/> of a batch of just these samples.</summary>
    void BackwardBatch(ReadOnlySpan<float> outputGradient, int samples, bool preActivation) => BackwardBatch(outputGradient, samples, preActivation, samples);

    /// <summary>The activity regularizers' penalty on the last <see cref="ForwardBatch(ReadOnlySpan{float}, int, DeterministicRandom?)"/>'s outputs, as it adds to the
    /// loss of a batch of <paramref name="batchSamples"/> (Keras 3 layers: divided by it; Keras 1 layers: summed).
    /// 0 without activity regularizers.</summary>
    float ActivityPenalty(int batchSamples);

    /// <summary>The floats of one training memory: what the forward pass keeps for the backward pass, for up to
    /// <see cref="TrainingSpec.MaxBatchSize"/> samples. Data-parallel training gives each chunk of a batch its own.</summary>
    int TrainingMemorySize { get; }

    /// <summary><see cref="ForwardBatch(ReadOnlySpan{float}, int, DeterministicRandom?)"/> in the given training memory
    /// (<see cref="TrainingMemorySize"/> floats, 64-byte aligned) instead of the model's own.</summary>
    ReadOnlySpan<float> ForwardBatch(Span<float> memory, ReadOnlySpan<float> x, int samples, DeterministicRandom? training);

    /// <summary><see cref="BackwardBatch(ReadOnlySpan{float}, int, bool, int)"/> of the forward pass kept in
    /// <paramref name="memory"/>, adding to <paramref name="gradients"/> (the layout of <see cref="GradientBuffer"/>)
    /// instead of the model's own.</summary>
    void BackwardBatch(Span<float> memory, Span<float> gradients, ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples);

    /// <summary><see cref="ActivityPenalty(int)"/> of the forward pass kept in <paramref name="memory"/>.</summary>
    float ActivityPenalty(ReadOnlySpan<float> memory, int batchSamples);
}

/// <summary>A model's <c>[Compile]</c> settings as the generator resolved them. <c>OutputRegularized</c>: the last
/// layer has an activity regularizer, whose gradient is on its output, so the loss cannot be fused with its activation.
/// <c>BatchStatistics</c>: a layer normalizes over the batch (BatchNormalization), so a training batch must fit the
/// training buffers whole, and is never cut across cores. <c>MultiplyAddsPerSample</c>: the forward pass's work, which
/// decides whether a batch is worth cutting across cores. <c>ChunkIndependent</c>: no layer makes a training step's
/// bits depend on how many chunks it is cut into (Dropout draws a stream per chunk, an activity penalty is summed per
/// chunk); with a row-split gradient such a step gives one thread's bits on any number of cores, so the trainer may
/// choose the count by timing. False unless the generator says so.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record TrainingSpec(
    string Loss,
    bool FromLogits,
    string[] Metrics,
    Optimizers.OptimizerSettings Optimizer,
    int MaxBatchSize,
    int InputSize,
    int OutputSize,
    int OutputWidth,
    string LastActivation,
    ulong Seed,
    bool OutputRegularized = false,
    bool BatchStatistics = false,
    long MultiplyAddsPerSample = 0,
    bool ChunkIndependent = false);
