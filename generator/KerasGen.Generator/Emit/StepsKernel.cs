using System;
using System.Collections.Generic;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// How a layer runs when its input's steps are None (Keras' unknown sequence length) and known only when Predict is
/// called (see <see cref="Layers.LayerSpec.OverSteps"/>). A per-step layer (Dense, Activation, Dropout) runs its
/// batch forward pass with the steps as the rows; a windowed one (Conv1D, pooling, global pooling) gives C#
/// expressions of the run-time steps (a local such as <c>steps1</c>) for its output steps, its output and scratch
/// floats, and emits its statements.
/// </summary>
internal sealed class StepsKernel
{
    private StepsKernel(bool perStep, Func<string, string>? outSteps, Func<string, string, string>? outputFloats, Func<string, string, string>? scratchFloats, Action<StepsContext>? emit)
    {
        PerStep = perStep;
        OutSteps = outSteps;
        OutputFloats = outputFloats;
        ScratchFloats = scratchFloats;
        Emit = emit;
    }

    /// <summary>The layer acts on each step alone.</summary>
    public static StepsKernel ForEachStep { get; } = new(true, null, null, null, null);

    /// <summary>A layer over the whole sequence: <paramref name="outSteps"/> is the checked output length (it
    /// throws when the input is too short), or null when the output has no steps axis (global pooling).</summary>
    public static StepsKernel Windowed(Func<string, string>? outSteps, Func<string, string, string> outputFloats, Func<string, string, string> scratchFloats, Action<StepsContext> emit) =>
        new(false, outSteps, outputFloats, scratchFloats, emit);

    public bool PerStep { get; }
    public Func<string, string>? OutSteps { get; }
    /// <summary>Floats of the output buffer, and of scratch, from the input and output steps.</summary>
    public Func<string, string, string>? OutputFloats { get; }
    public Func<string, string, string>? ScratchFloats { get; }
    public Action<StepsContext>? Emit { get; }
}

/// <summary>What a windowed layer's emission works with: the buffers (names of <c>ref float</c> locals), the weights,
/// the input steps and (when the output has them) the output steps, as names of <c>int</c> locals. The statements
/// share the method's scope with the other layers', so locals a layer declares go in a block of its own.</summary>
internal sealed class StepsContext
{
    public StepsContext(CodeWriter w, LayerPlan layer, IReadOnlyList<PlacedWeight> weights, string input, string output, string scratch, string inSteps, string outSteps)
    {
        W = w;
        Layer = layer;
        Weights = weights;
        Input = input;
        Output = output;
        Scratch = scratch;
        InSteps = inSteps;
        OutSteps = outSteps;
    }

    public CodeWriter W { get; }
    public LayerPlan Layer { get; }
    public IReadOnlyList<PlacedWeight> Weights { get; }
    public string Input { get; }
    public string Output { get; }
    public string Scratch { get; }
    public string InSteps { get; }
    public string OutSteps { get; }

    public string Weight(int index, string? skip = null) => Literals.At("w", Weights[index].Offset, skip);
}
