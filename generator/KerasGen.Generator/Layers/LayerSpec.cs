using System.Collections.Generic;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers;

/// <summary>
/// One layer kind, in one place: a record per kind (its Keras arguments as plain equatable values, with no ISymbol or
/// Location, so the pipeline stays cacheable) that also owns the kind's shape rule and diagnostics, its weights in
/// Keras' <c>get_weights</c> order, its forward and backward emission, and what <c>Summary()</c> and the exporters
/// read. Every concern is abstract: a kind that forgets one does not compile, so no layer can silently act as the
/// identity. <see cref="LayerRegistry"/> is the only list of kinds.
/// </summary>
internal abstract record LayerSpec
{
    /// <summary>Index of the layer attribute in source order (diagnostics point back at it).</summary>
    public int AttributeIndex { get; init; }

    /// <summary>Keras <c>name</c> as given, or null for Keras' automatic name.</summary>
    public string? Name { get; init; }

    /// <summary>The per-sample input shape this layer declares (only the first layer may); −1 is Keras' None.</summary>
    public EquatableArray<int>? InputShape { get; init; }

    /// <summary>How the input shape was written (InputShape, InputDim…), for the diagnostic's location.</summary>
    public string? InputShapeArgument { get; init; }

    /// <summary>Keras' class name, as <c>Summary()</c> prints it (Dense, Conv1D, MaxPooling2D).</summary>
    public abstract string ClassName { get; }

    /// <summary>The activation this layer applies to its output (linear for layers without one).</summary>
    public abstract string Activation { get; }

    /// <summary>The layer's regularizers and constraints (Dense and the convolutions take them; the weight ones also
    /// reach its <see cref="WeightSpec"/>s, the activity one is applied by the training passes).</summary>
    public virtual Regularization Regularization => Regularization.None;

    /// <summary>Whether training normalizes over the batch (BatchNormalization): a batch must then go through the
    /// training passes whole, never in chunks.</summary>
    public virtual bool UsesBatchStatistics => false;

    /// <summary>Whether training draws random numbers (Dropout's masks): then a batch cut across cores gives each chunk
    /// a stream of its own, and the bits depend on how many chunks there are (TrainingSpec.ChunkIndependent).</summary>
    public virtual bool DrawsRandomNumbers => false;

    /// <summary>The multiply-adds of one sample through this layer, roughly: how Predict and training decide whether a
    /// batch is worth cutting across cores. A layer without a kernel touches each value about once.</summary>
    public virtual long MultiplyAdds(LayerPlan layer) => System.Math.Max(layer.InputSize, layer.OutputSize);

    /// <summary>Whether Predict's batch path reads this layer's kernel (its first weight: rows × columns) from a copy
    /// packed into panels (<see cref="Emit.InferencePanels"/>), handed to <see cref="EmitForward"/> as
    /// <see cref="Emit.ForwardContext.Packed"/>.</summary>
    public virtual bool PacksKernel(LayerPlan layer) => false;

    /// <summary>How to add the input shape to this layer when it is first and has none (the KG0003 message).</summary>
    public virtual string InputShapeHint => "InputShape = new[] { … }";

    /// <summary>Keras' output shape rule: the per-sample output shape of <paramref name="input"/>, or null after
    /// reporting why there is none. <paramref name="input"/> may hold <see cref="ShapeMath.None"/>.</summary>
    public abstract List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics);

    /// <summary>The layer's weights in Keras' get_weights order, for an input of <paramref name="input"/>.</summary>
    public abstract IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input);

    /// <summary>Keras config entries beyond name, class and activation (kernel_size, strides…), for exporters and
    /// config checks; tuples are written as comma-separated integers.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer);

    /// <summary>The memory the layer needs: whether it computes (or its output is its input, reinterpreted), the
    /// floats its output buffer spans, scratch floats per sample, and a dropout mask.</summary>
    public abstract LayerMemory Memory(LayerPlan layer);

    /// <summary>Predict on one sample on one kernel path: emits the statements, returns the buffer with the output.</summary>
    public abstract string EmitSample(SampleContext context);

    /// <summary>The forward pass over <c>n</c> samples, generic over the register width: Predict's batch path and
    /// training's forward pass (which keeps the pre-activation and output for the backward pass).</summary>
    public abstract void EmitForward(ForwardContext context);

    /// <summary>How the layer runs when its input's steps are None, known only when Predict is called; null when it
    /// needs them at compile time (the shape loop then reports it at the layer).</summary>
    public abstract StepsKernel? OverSteps(LayerPlan layer);

    /// <summary>The backward pass: weight gradients (accumulated into <c>g</c>) and, when asked, the input gradient.
    /// Returns true when the input gradient was written to the spare buffer instead of in place.</summary>
    public abstract bool EmitBackward(BackwardContext context);

    /// <summary>Where the layer's weights lie as one block of rows (offset, rows, stride), when each row's gradient
    /// is a sum over the batch's rows, so training can cut the weight gradient by rows across cores
    /// (<see cref="Emit.RowSplitGradients"/>); null (the default) when it cannot. A layer that gives a block leaves
    /// its weight gradient out of <see cref="EmitBackward"/> when the context defers it, and emits it in
    /// <see cref="EmitWeightGradientRows"/>.</summary>
    public virtual (int Offset, int Rows, int Stride)? WeightRowBlock(LayerPlan layer, IReadOnlyList<PlacedWeight> weights) => null;

    /// <summary>The weight gradient of the block's rows that lie in the floats <c>start</c> … <c>end</c> − 1 (on row
    /// boundaries), added into <c>g</c> from the inputs and the padded output gradient the backward pass left.</summary>
    public virtual void EmitWeightGradientRows(BackwardContext context) =>
        throw new System.InvalidOperationException(ClassName + " gives no weight row block.");
}

/// <summary>A weight as Keras lists it: name, Keras shape, initializer, and whether the optimizer updates it, with
/// its regularizer and constraint (canonical texts, null: none).
/// Internally it is a matrix of <see cref="Rows"/> × <see cref="Columns"/> (the last axis), each row padded; a
/// grouped convolution's weights are <see cref="Groups"/> such matrices of <see cref="GroupColumns"/> each.</summary>
internal sealed record WeightSpec(string Name, EquatableArray<int> Shape, string Initializer, bool Trainable = true, int Groups = 1, string? Regularizer = null, string? Constraint = null, bool StaggerRows = false)
{
    public int Columns => Shape[Shape.Count - 1];

    public int GroupColumns => Columns / Groups;

    public int Rows => ShapeMath.Product(Shape) / Columns;
}

/// <summary>See <see cref="LayerSpec.Memory"/>. <paramref name="OutputSpan"/> can exceed the output's size (a
/// Dense before glu halves it); <paramref name="PaddedGradient"/> is what the layer's output gradient spans per
/// sample with rows padded to the kernel stride (weighted layers).</summary>
internal readonly record struct LayerMemory(bool Computes, int OutputSpan, int ScratchPerSample = 0, bool Mask = false, int PaddedGradient = 0)
{
    /// <summary>A layer whose output is its input as it lies in memory (Flatten, Reshape).</summary>
    public static LayerMemory Reinterprets => new(false, 0);
}

/// <summary>Diagnostics of one layer, located at its attribute.</summary>
internal sealed class LayerDiagnostics
{
    private readonly List<ModelDiagnostic> _list;

    public LayerDiagnostics(List<ModelDiagnostic> list, int attributeIndex) => (_list, AttributeIndex) = (list, attributeIndex);

    public int AttributeIndex { get; }

    public void Add(string id, string message, string? argument = null) =>
        _list.Add(new ModelDiagnostic(id, message, AttributeIndex, argument));
}
