using System.Collections.Generic;
using KerasGen.Generator.Layers;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>A weight placed in the model's weight buffer: <see cref="WeightSpec.Rows"/> rows of
/// <see cref="Stride"/> floats (the columns padded to whole 64-byte lines) from <see cref="Offset"/>. Gradients use
/// the same offsets in the gradient buffer.</summary>
internal sealed record PlacedWeight(WeightSpec Spec, int Offset, int Stride);

/// <summary>What a layer's single-sample Predict emission works with, on one kernel path. Buffers are names of
/// <c>ref float</c> locals: <c>x</c> (the caller's input: never written), the ping-pong buffers <c>a</c> and
/// <c>b</c>, and the scratch <c>s</c>; weights are offsets from <c>w</c>.</summary>
internal sealed class SampleContext
{
    public SampleContext(CodeWriter body, CodeWriter helpers, Isa isa, LayerPlan layer, IReadOnlyList<PlacedWeight> weights, string source, int? panelOffset = null)
    {
        PanelOffset = panelOffset;
        Body = body;
        Helpers = helpers;
        Isa = isa;
        Layer = layer;
        Weights = weights;
        Source = source;
    }

    public CodeWriter Body { get; }

    /// <summary>Where the layer's own kernel methods go (after the forward pass of this path).</summary>
    public CodeWriter Helpers { get; }

    public Isa Isa { get; }
    public LayerPlan Layer { get; }
    public IReadOnlyList<PlacedWeight> Weights { get; }
    public string Source { get; }

    /// <summary>Where the layer's kernel starts in the packed panels <c>p</c> when its kernel may read them there
    /// (<see cref="InferencePanels.InSingle"/>; the layer decides per path: DenseRowKernel.ReadsPanels), else null.</summary>
    public int? PanelOffset { get; }

    /// <summary>The ping-pong buffer the layer writes (never <see cref="Source"/>, never the caller's input).</summary>
    public string Target => Source == "a" ? "b" : "a";

    /// <summary>A name for this layer's kernel method on this path, e.g. <c>Conv1d1V256</c>.</summary>
    public string Method => Layer.Identifier + Isa.Suffix;

    /// <summary>Runs the layer's generic forward pass for one sample on this path's register type: the single-sample
    /// Predict of every layer that has no specialised per-sample kernel.</summary>
    public string ViaForward()
    {
        var forward = new ForwardContext(Body, Layer, Weights, Isa.Register, Isa.Simd, "1", Source, Target, Target, "s", mask: null, training: false);
        Layer.Spec.EmitForward(forward);
        return Target;
    }
}

/// <summary>What a layer's forward emission works with: generic over the register type <see cref="TV"/> and its
/// ISimd <see cref="TS"/> (type parameters in generic methods, concrete types on a single-sample path), over
/// <see cref="N"/> samples. Buffers are ref expressions; in Predict <see cref="PreActivation"/> and
/// <see cref="Output"/> are one buffer.</summary>
internal sealed class ForwardContext
{
    public ForwardContext(CodeWriter w, LayerPlan layer, IReadOnlyList<PlacedWeight> weights, string tv, string ts, string n,
        string input, string preActivation, string output, string scratch, string? mask, bool training, string? packed = null)
    {
        Packed = packed;
        W = w;
        Layer = layer;
        Weights = weights;
        TV = tv;
        TS = ts;
        N = n;
        Input = input;
        PreActivation = preActivation;
        Output = output;
        Scratch = scratch;
        Mask = mask;
        Training = training;
    }

    public CodeWriter W { get; }
    public LayerPlan Layer { get; }
    public IReadOnlyList<PlacedWeight> Weights { get; }
    public string TV { get; }
    public string TS { get; }
    public string N { get; }
    public string Input { get; }
    public string PreActivation { get; }
    public string Output { get; }
    public string Scratch { get; }
    public string? Mask { get; }

    /// <summary>True in training's forward pass, where the local <c>training</c> (a DeterministicRandom, or null for
    /// evaluation) is in scope.</summary>
    public bool Training { get; }

    /// <summary><c>{TV}, {TS}</c>, for generic runtime kernels.</summary>
    public string Generic => TV + ", " + TS;

    /// <summary>A ref to this layer's kernel packed into panels (Predict's batch path, when the layer asks for it
    /// with <see cref="Layers.LayerSpec.PacksKernel"/>), or null: read the kernel's rows.</summary>
    public string? Packed { get; }

    /// <summary>A ref to weight <paramref name="index"/> of this layer in <c>w</c>.</summary>
    /// <summary>Weight <paramref name="index"/>, or <paramref name="skip"/> floats into it (a group's block).</summary>
    public string Weight(int index, string? skip = null) => Literals.At("w", Weights[index].Offset, skip);
}

/// <summary>What a layer's backward emission works with. <see cref="Gradient"/> holds dLoss/dOutput for the
/// layer's <see cref="Output"/>; the layer leaves dLoss/dInput there or in <see cref="Spare"/>. Weight gradients add
/// into <c>g</c> at the weights' offsets. All buffers are ref expressions into the training memory <c>t</c>.</summary>
internal sealed class BackwardContext
{
    public BackwardContext(CodeWriter w, LayerPlan layer, IReadOnlyList<PlacedWeight> weights, string input, string preActivation, string output,
        string? mask, string scratch, string gradient, string spare, string paddedGradient, bool needsInputGradient, bool isLast, bool defersWeightGradient = false)
    {
        DefersWeightGradient = defersWeightGradient;
        W = w;
        Layer = layer;
        Weights = weights;
        Input = input;
        PreActivation = preActivation;
        Output = output;
        Mask = mask;
        Scratch = scratch;
        Gradient = gradient;
        Spare = spare;
        PaddedGradient = paddedGradient;
        NeedsInputGradient = needsInputGradient;
        IsLast = isLast;
    }

    public CodeWriter W { get; }
    public LayerPlan Layer { get; }
    public IReadOnlyList<PlacedWeight> Weights { get; }
    public string Input { get; }
    public string PreActivation { get; }
    public string Output { get; }
    public string? Mask { get; }
    public string Scratch { get; }
    public string Gradient { get; }
    public string Spare { get; }

    /// <summary>A buffer for the output gradient with rows padded to the kernels' stride (zeros in the padding).</summary>
    public string PaddedGradient { get; }

    /// <summary>False for the first layer with weights: nothing below it needs its input gradient.</summary>
    public bool NeedsInputGradient { get; }

    /// <summary>The model's last layer, whose activation gradient a fused loss may already have applied.</summary>
    public bool IsLast { get; }

    /// <summary>The weight gradient is left to <see cref="Layers.LayerSpec.EmitWeightGradientRows"/> (a row split,
    /// <see cref="RowSplitGradients"/>): <see cref="PaddedGradient"/> is then the layer's own buffer, kept for it.</summary>
    public bool DefersWeightGradient { get; }

    /// <summary>Weight <paramref name="index"/>, or <paramref name="skip"/> floats into it (a group's block).</summary>
    public string Weight(int index, string? skip = null) => Literals.At("w", Weights[index].Offset, skip);

    public string WeightGradient(int index, string? skip = null) => Literals.At("g", Weights[index].Offset, skip);
}
