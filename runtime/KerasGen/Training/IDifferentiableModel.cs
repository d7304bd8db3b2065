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

    /// <summary>The weights, in the internal (padded) layout.</summary>
    Span<float> WeightBuffer { get; }

    /// <summary>Gradients in the layout of <see cref="WeightBuffer"/>; <see cref="BackwardBatch"/> adds to them.</summary>
    Span<float> GradientBuffer { get; }

    /// <summary>The forward pass of n ≤ <see cref="TrainingSpec.MaxBatchSize"/> samples, keeping what the backward pass
    /// needs. With a random source, dropout is active (training); without, it is the identity.</summary>
    ReadOnlySpan<float> ForwardBatch(ReadOnlySpan<float> x, int samples, DeterministicRandom? training);

    /// <summary>Adds the gradients of the last <see cref="ForwardBatch"/> for the given output gradient. When
    /// <paramref name="preActivation"/>, the gradient is with respect to the last layer's input to its activation
    /// (a fused loss, see <see cref="LossFunction.CanFuse"/>).</summary>
    void BackwardBatch(ReadOnlySpan<float> outputGradient, int samples, bool preActivation);
}

/// <summary>A model's <c>[Compile]</c> settings as the generator resolved them.</summary>
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
    ulong Seed);
