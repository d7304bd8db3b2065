using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Layers.Core;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Convolution;

/// <summary>Which attribute declared the convolution: the Keras 3 names, or Keras 1's argument list.</summary>
internal enum ConvFlavor
{
    Conv1D,
    Convolution1D,
    Conv2D,
    Convolution2D,
}

/// <summary>
/// Keras <c>Conv1D</c> / <c>Conv2D</c> and Keras 1 <c>Convolution1D</c> / <c>Convolution2D</c> (KERAS_SPEC §1.3):
/// one unit for both ranks (a 1-D convolution is a 2-D one of height 1). The forward pass is im2col (each output
/// position's window as one row, in Keras' kernel order) followed by the Dense GEMM kernel against the kernel read as
/// a (window·channels, filters) matrix — so Keras' kernel layout is the internal one — then the activation. A
/// channels_first map is transposed to channels_last around that and back, so Flatten sees Keras' order.
/// </summary>
internal sealed record ConvLayer(
    ConvFlavor Flavor,
    int Filters,
    EquatableArray<int> KernelSize,
    EquatableArray<int> Strides,
    EquatableArray<int> DilationRate,
    string Padding,
    string DataFormat,
    int Groups,
    string ActivationName,
    bool UseBias,
    string KernelInitializer,
    string BiasInitializer,
    Regularization Regularizers) : LayerSpec
{
    private const string Kernels = "global::KerasGen.Kernels.Convolution";
    private const string Dense = "global::KerasGen.Training.DenseTraining";

    public int Rank => Flavor is ConvFlavor.Conv1D or ConvFlavor.Convolution1D ? 1 : 2;

    private bool ChannelsFirst => DataFormat == "channels_first";

    public override string ClassName => Rank == 1 ? "Conv1D" : "Conv2D";

    /// <summary>Every weight once per output position.</summary>
    public override long MultiplyAdds(LayerPlan layer) => layer.Params * (layer.OutputSize / Filters);

    public override string Activation => ActivationName;

    public override Regularization Regularization => Regularizers;

    public override string InputShapeHint => Flavor == ConvFlavor.Convolution1D
        ? "InputDim = channels and InputLength = steps, or InputShape = new[] { steps, channels },"
        : Rank == 1 ? "InputShape = new[] { steps, channels }" : "InputShape = new[] { height, width, channels }";

    public static LayerSpec? Parse(LayerArguments a, ConvFlavor flavor)
    {
        int rank = flavor is ConvFlavor.Conv1D or ConvFlavor.Convolution1D ? 1 : 2;
        bool keras1 = flavor is ConvFlavor.Convolution1D or ConvFlavor.Convolution2D;
        var (filters, filtersArgument) = a.Int("Filters", "NbFilter");
        if (filters is null) Missing(a, "filters", filtersArgument);
        a.Positive(keras1 ? "nb_filter" : "filters", filters is int f ? new[] { f } : null, filtersArgument);

        EquatableArray<int>? kernel;
        string? kernelArgument;
        if (flavor == ConvFlavor.Convolution2D)
        {
            var (rows, rowsArgument) = a.Int("NbRow");
            var (columns, columnsArgument) = a.Int("NbCol");
            kernel = rows is int r && columns is int c ? new EquatableArray<int>(new[] { r, c }) : null;
            kernelArgument = rows is null ? rowsArgument : columnsArgument;
            if (a.Positive("nb_row", rows is int r2 ? new[] { r2 } : null, rowsArgument)) a.Positive("nb_col", columns is int c2 ? new[] { c2 } : null, columnsArgument);
        }
        else
        {
            (kernel, kernelArgument) = a.Tuple(rank, null, keras1 ? "filter_length" : "kernel_size", "KernelSize", "FilterLength");
            a.Positive(keras1 ? "filter_length" : "kernel_size", kernel, kernelArgument);
        }
        if (kernel is null && kernelArgument is null) Missing(a, keras1 ? (rank == 1 ? "filter_length" : "nb_row and nb_col") : "kernel_size", null);

        var ones = Enumerable.Repeat(1, rank).ToArray();
        var (strides, stridesArgument) = a.Tuple(rank, ones, keras1 ? (rank == 1 ? "subsample_length" : "subsample") : "strides", "Strides", "SubsampleLength", "Subsample");
        a.Positive("strides", strides, stridesArgument);
        var (dilation, dilationArgument) = a.Tuple(rank, ones, "dilation_rate", "DilationRate");
        a.Positive("dilation_rate", dilation, dilationArgument);
        if (strides is { } s && dilation is { } d && s.Any(v => v > 1) && d.Any(v => v > 1))
        {
            a.Diagnostics.Add(DiagnosticCatalog.InvalidArgumentCombination,
                $"`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides={ShapeMath.Tuple(s)} and dilation_rate={ShapeMath.Tuple(d)}", dilationArgument);
        }

        var paddings = rank == 1 ? (keras1 ? new[] { "valid", "same", "full" } : new[] { "valid", "same", "causal" }) : new[] { "valid", "same" };
        string padding = ParsePadding(a, paddings, flavor);
        var (groups, groupsArgument) = a.Int("Groups");
        a.Positive("groups", groups is int g ? new[] { g } : null, groupsArgument);
        string activation = a.OptionalActivation("Activation");
        string dataFormat = a.DataFormat();
        // Keras 1 laid the kernel out as Convolution1D (k, 1, in, out) and, for "th", Convolution2D (out, in, rows,
        // cols): constraint axes written for those layouts are mapped onto Keras 3's (k…, in, out).
        int[]? keras1Axes = flavor == ConvFlavor.Convolution1D ? new[] { 0, -1, 1, 2 }
            : flavor == ConvFlavor.Convolution2D && dataFormat == "channels_first" ? new[] { 3, 2, 0, 1 } : null;
        var layer = new ConvLayer(flavor, filters ?? 0, kernel ?? new EquatableArray<int>(ones), strides ?? new EquatableArray<int>(ones),
            dilation ?? new EquatableArray<int>(ones), padding, dataFormat, groups ?? 1, activation, a.Bool("UseBias", "Bias").Value ?? true,
            a.Initializer("glorot_uniform", "KernelInitializer", "Init"), a.Initializer("zeros", "BiasInitializer"), Regularization.Parse(a, keras1, kernelRank: rank + 2, keras1Axes));
        // A layer with wrong arguments is kept, so the model still has its layers; the shape loop stops at it.
        if (flavor == ConvFlavor.Convolution1D)
        {
            // Keras 1: input_shape = (input_length, input_dim); a missing input_length is None.
            var (dim, dimArgument) = a.Int("InputDim");
            var (length, lengthArgument) = a.Int("InputLength");
            if (dim is int channels && channels != 0)
                return layer with { InputShape = new EquatableArray<int>(new[] { length is int l && l != 0 ? l : ShapeMath.None, channels }), InputShapeArgument = length is null ? dimArgument : lengthArgument };
            if (length is not null)
                a.Diagnostics.Add(DiagnosticCatalog.NoInputShape, "InputLength needs InputDim (the channels) beside it: Keras 1's input shape is (input_length, input_dim)", lengthArgument);
        }
        return layer;
    }

    private static void Missing(LayerArguments a, string what, string? argument) =>
        a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, $"The convolution needs its `{what}`", argument);

    /// <summary>Keras' padding names for this flavor; a name Keras knows for another convolution (causal on Conv2D,
    /// full outside Convolution1D) is reported as such.</summary>
    private static string ParsePadding(LayerArguments a, string[] allowed, ConvFlavor flavor)
    {
        var (value, argument) = a.String("Padding", "BorderMode");
        string lower = value?.ToLowerInvariant() ?? "valid";
        if (value is not null && !allowed.Contains(lower) && lower is "causal" or "full" or "valid" or "same")
        {
            a.Diagnostics.Add(DiagnosticCatalog.InvalidArgumentCombination, lower == "causal"
                ? $"Causal padding is only for 1-D convolutions (Conv1D); {flavor} takes {string.Join(" or ", allowed.Select(p => $"\"{p}\""))}"
                : $"\"full\" padding is Keras 1's Convolution1D border_mode (Theano only); {flavor} takes {string.Join(" or ", allowed.Select(p => $"\"{p}\""))}", argument);
            return "valid";
        }
        return a.Option(flavor is ConvFlavor.Convolution1D or ConvFlavor.Convolution2D ? "border_mode" : "padding", "valid", allowed, "Padding", "BorderMode");
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (SlidingWindow.Split(input, Rank, ChannelsFirst, KerasNames.SnakeCase(ClassName), diagnostics) is not var (spatial, channels)) return null;
        if (channels == ShapeMath.None)
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension, $"{ClassName} needs the number of input channels, but its input is {ShapeMath.Keras(input)}: it sets the kernel's shape");
            return null;
        }
        if (Filters % Groups != 0 || channels % Groups != 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidArgumentCombination,
                Filters % Groups != 0
                    ? $"The number of filters must be evenly divisible by the number of groups. Received: groups={Groups}, filters={Filters}"
                    : $"The number of input channels must be evenly divisible by the number of groups. Received groups={Groups}, but the input has {channels} channels (full input shape is {ShapeMath.Keras(input)})",
                "Groups");
            return null;
        }
        var output = new List<int>();
        for (int axis = 0; axis < Rank; axis++)
        {
            int length = SlidingWindow.Output(spatial[axis], KernelSize[axis], Strides[axis], DilationRate[axis], Padding, out _);
            if (length != ShapeMath.None && length <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyOutput,
                    $"Computed output size would be zero or negative. Received `inputs shape={ShapeMath.Keras(input)}`, `kernel shape={ShapeMath.Tuple(KernelShape(channels))}`, `dilation_rate={ShapeMath.Tuple(DilationRate)}`, `strides={ShapeMath.Tuple(Strides)}`, `padding={Padding}`.",
                    Flavor == ConvFlavor.Convolution2D ? null : "#1");
                return null;
            }
            output.Add(length);
        }
        // glu halves the last axis of the convolution's output (the channels, or channels_first's last spatial axis).
        return ActivationShapes.Apply(ActivationName, SlidingWindow.Join(output, Filters, ChannelsFirst), diagnostics, "Activation");
    }

    /// <summary>The convolution's output before its activation: the layer's output, except that glu halved it.</summary>
    private List<int> PreActivationShape(LayerPlan layer)
    {
        var shape = layer.OutputShape.ToList();
        if (ActivationCatalog.TryGet(ActivationName, out _, out var kind) && kind == ActivationShape.Halving) shape[shape.Count - 1] *= 2;
        return shape;
    }

    private int PreActivationSize(LayerPlan layer) => ShapeMath.Product(PreActivationShape(layer));

    private List<int> KernelShape(int channels) => KernelSize.Append(channels / Groups).Append(Filters).ToList();

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input)
    {
        int channels = ChannelsFirst ? input[0] : input[input.Count - 1];
        var kernel = new WeightSpec("kernel", new EquatableArray<int>(KernelShape(channels)), KernelInitializer, Groups: Groups,
            Regularizer: Regularizers.Kernel, Constraint: Regularizers.KernelConstraint);
        return UseBias
            ? new[] { kernel, new WeightSpec("bias", new EquatableArray<int>(new[] { Filters }), BiasInitializer, Groups: Groups, Regularizer: Regularizers.Bias, Constraint: Regularizers.BiasConstraint) }
            : new[] { kernel };
    }

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["filters"] = Filters.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kernel_size"] = SlidingWindow.Config(KernelSize),
        ["strides"] = SlidingWindow.Config(Strides),
        ["padding"] = Padding,
        ["data_format"] = DataFormat,
        ["dilation_rate"] = SlidingWindow.Config(DilationRate),
        ["groups"] = Groups.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["use_bias"] = UseBias ? "true" : "false",
    }.Append(SlidingWindow.PadsConfig(Pads(layer)));

    /// <summary>The zero padding of each spatial axis, before and after (null: it depends on an unknown length).</summary>
    private List<(int Before, int After)?> Pads(LayerPlan layer)
    {
        var (inSpatial, _) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        return Enumerable.Range(0, Rank).Select(axis => SlidingWindow.Pads(inSpatial[axis], outSpatial[axis], KernelSize[axis], Strides[axis], DilationRate[axis], Padding)).ToList();
    }

    private (List<int> Spatial, int Channels) Spatial(IReadOnlyList<int> shape) =>
        ChannelsFirst ? (shape.Skip(1).ToList(), shape[0]) : (shape.Take(Rank).ToList(), shape[Rank]);

    /// <summary>A 1×1 window with unit strides and no padding reads each position alone: the input is its own im2col
    /// (unless groups read slices of its channels).</summary>
    private bool Pointwise => KernelSize.All(k => k == 1) && Strides.All(s => s == 1) && Groups == 1;

    private int GroupFilters => Filters / Groups;

    /// <summary>The forward product reads the windows in place (ImplicitGemm) rather than through im2col; grouped
    /// convolutions keep im2col, which slices the channels.</summary>
    private bool Implicit => !Pointwise && Groups == 1;

    /// <summary>ImplicitGemm.ScratchFloats, at build time.</summary>
    private int ImplicitScratch(IReadOnlyList<int> outSpatial, int channels, int patch) =>
        patch + System.Math.Max(BorderedFloats(outSpatial, channels), outSpatial[outSpatial.Count - 1] * patch);

    /// <summary>Floats of one sample's zero-bordered input in the implicit GEMM (ImplicitGemm.BorderedHeight ×
    /// BorderedWidth × channels).</summary>
    private int BorderedFloats(IReadOnlyList<int> outSpatial, int channels)
    {
        int Bordered(int axis) => (outSpatial[axis] - 1) * Strides[axis] + (KernelSize[axis] - 1) * DilationRate[axis] + 1;
        return (outSpatial.Count == 1 ? 1 : Bordered(0)) * Bordered(outSpatial.Count - 1) * channels;
    }

    /// <summary>How Predict's batch path can stream this layer's output rows into a Dense after it (the runtime's
    /// StreamedDense), or null when it cannot: the implicit GEMM's rows (channels_last, one group, at least four
    /// positions wide), with linear or relu stores.</summary>
    internal RowStream? Rows(LayerPlan layer)
    {
        if (!Implicit || ChannelsFirst || ActivationName is not ("linear" or "relu")) return null;
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        var (_, _, channels, patch) = Sizes(layer);
        int outWidth = outSpatial[Rank - 1];
        if (outWidth < 4) return null;
        return new RowStream(Geometry(layer), outWidth * Filters, Rank == 1 ? 1 : outSpatial[0], patch, BorderedFloats(outSpatial, channels), ActivationName == "relu");
    }

    /// <summary>Per sample: the im2col columns, then (channels_first) the input and the output in channels_last.</summary>
    private (int Columns, int Input, int Output) ScratchRegions(LayerPlan layer)
    {
        var (_, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        int positions = ShapeMath.Product(outSpatial);
        int patch = KernelSize.Aggregate(1, (p, k) => p * k) * channels / Groups;
        // im2col's columns, or the implicit GEMM's offsets and bordered input (ImplicitGemm.ScratchFloats).
        int columns = Pointwise ? 0 : ModelLayout.RoundUp(System.Math.Max(positions * patch, Implicit ? ImplicitScratch(outSpatial, channels, patch) : 0));
        return (columns, ChannelsFirst ? ModelLayout.RoundUp(layer.InputSize) : 0, ChannelsFirst ? ModelLayout.RoundUp(PreActivationSize(layer)) : 0);
    }

    /// <summary>Over a run-time number of steps: Conv1D in channels_last.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer)
    {
        if (Rank != 1 || ChannelsFirst) return null;
        int channels = layer.InputLast, patch = KernelSize[0] * channels / Groups;
        string window = $"{KernelSize[0]}, {Strides[0]}, {DilationRate[0]}, global::KerasGen.Kernels.StepWindow.{char.ToUpperInvariant(Padding[0])}{Padding.Substring(1)}";
        return StepsKernel.Windowed(
            steps => $"global::KerasGen.Kernels.StepWindow.Checked({Literals.Quote(layer.Name)}, {steps}, {window})",
            (_, outSteps) => $"{outSteps} * {Filters}",
            (inSteps, outSteps) => Implicit
                ? $"global::KerasGen.Kernels.ImplicitGemm<float, global::KerasGen.Kernels.SimdScalar>.ScratchFloats(global::KerasGen.Kernels.StepWindow.Geometry({inSteps}, {channels}, {window}))"
                : Pointwise ? "0" : $"{outSteps} * {patch}",
            c =>
            {
                using var scope = c.W.Block("");
                string cols = c.Input;
                if (!Pointwise) c.W.Line($"var geometry = global::KerasGen.Kernels.StepWindow.Geometry({c.InSteps}, {channels}, {window}, {Groups});");
                if (Implicit)
                {
                    // As the fixed-length forward pass: the implicit GEMM, with relu in its stores.
                    bool relu = ActivationName == "relu";
                    c.W.Line($"global::KerasGen.Kernels.ImplicitGemm<TV, TS>.Forward{(relu ? "<global::KerasGen.Kernels.ReluEpilogue<TV, TS>>" : "")}(ref {c.Input}, ref {c.Weight(0)}, ref {(UseBias ? c.Weight(1) : c.Weight(0))}, {Literals.Bool(UseBias)}, ref {c.Output}, ref {c.Scratch}, 1, geometry, {Filters}, {c.Weights[0].Stride});");
                    if (!relu && ActivationName != "linear")
                        ActivationCode.Forward(c.W, "TV", "TS", ActivationName, c.Output, c.Output, $"{c.OutSteps} * {Filters}", c.OutSteps, Filters);
                    return;
                }
                using (GroupLoop(c.W))
                {
                    if (!Pointwise)
                    {
                        cols = c.Scratch;
                        c.W.Line($"{Kernels}.Im2Col(ref {c.Input}, ref {cols}, 1, geometry{(Groups == 1 ? "" : ", group")});");
                    }
                    string kernel = Groups == 1 ? c.Weight(0) : c.Weight(0, GroupBlock(c.Weights[0]));
                    string bias = !UseBias ? kernel : Groups == 1 ? c.Weight(1) : c.Weight(1, GroupBlock(c.Weights[1]));
                    string z = Groups == 1 ? c.Output : Literals.At(c.Output, 0, $"group * {GroupFilters}");
                    c.W.Line($"{Dense}<TV, TS>.Forward(ref {cols}, ref {kernel}, ref {bias}, {Literals.Bool(UseBias)}, ref {z}, {c.OutSteps}, {patch}, {GroupFilters}, {c.Weights[0].Stride}{(Groups == 1 ? "" : $", {Filters}")});");
                }
                if (ActivationName != "linear")
                    ActivationCode.Forward(c.W, "TV", "TS", ActivationName, c.Output, c.Output, $"{c.OutSteps} * {Filters}", c.OutSteps, Filters);
            });
    }

    public override LayerMemory Memory(LayerPlan layer)
    {
        var (columns, input, output) = ScratchRegions(layer);
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        return new LayerMemory(true, PreActivationSize(layer), columns + input + output, PaddedGradient: ShapeMath.Product(outSpatial) * Groups * ModelLayout.RoundUp(GroupFilters));
    }

    public override string EmitSample(SampleContext c) => c.ViaForward();

    private string Geometry(LayerPlan layer)
    {
        var (inSpatial, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        return SlidingWindow.Geometry(inSpatial, channels, outSpatial, KernelSize, Strides, DilationRate, Pads(layer).Select(p => p!.Value.Before).ToList(), Groups);
    }

    /// <summary>Output positions, input positions, input channels, and the im2col row length (window × one group's
    /// channels).</summary>
    private (int Positions, int InPositions, int Channels, int Patch) Sizes(LayerPlan layer)
    {
        var (inSpatial, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(PreActivationShape(layer));
        return (ShapeMath.Product(outSpatial), ShapeMath.Product(inSpatial), channels, KernelSize.Aggregate(1, (p, k) => p * k) * channels / Groups);
    }

    /// <summary>Emits the input's channels_last copy (channels_first only); returns the channels_last input.</summary>
    private string ChannelsLastInput(CodeWriter w, LayerPlan layer, string input, string scratch, string n)
    {
        if (!ChannelsFirst) return input;
        var (columns, _, _) = ScratchRegions(layer);
        var (_, inPositions, channels, _) = Sizes(layer);
        string inLast = SlidingWindow.Region(scratch, n, columns);
        w.Line($"{Kernels}.ToChannelsLast(ref {input}, ref {inLast}, {n}, {channels}, {inPositions});");
        return inLast;
    }

    /// <summary>Emits the im2col of <paramref name="source"/> (of the group in <c>group</c> when there are several);
    /// returns the rows the GEMM reads (the input itself for a pointwise layer).</summary>
    private string EmitColumns(CodeWriter w, LayerPlan layer, string source, string scratch, string n)
    {
        if (Pointwise) return source;
        string cols = SlidingWindow.Region(scratch, n, 0);
        w.Line($"{Kernels}.Im2Col(ref {source}, ref {cols}, {n}, {Geometry(layer)}{(Groups == 1 ? "" : ", group")});");
        return cols;
    }

    /// <summary>The GEMMs of a grouped convolution run one group at a time, in a loop over <c>group</c>: each
    /// group's kernel and bias are a block of their own (see WeightSpec.Groups), its columns a slice of the output.</summary>
    private IDisposable? GroupLoop(CodeWriter w) => Groups == 1 ? null : w.Block($"for (int group = 0; group < {Groups}; group++)");

    /// <summary>Floats from a grouped weight's start to the current group's block.</summary>
    private static string GroupBlock(PlacedWeight weight) => $"group * {weight.Spec.Rows * weight.Stride}";

    public override void EmitForward(ForwardContext c)
    {
        var layer = c.Layer;
        var (columns, input, _) = ScratchRegions(layer);
        var (positions, _, _, patch) = Sizes(layer);
        string source = ChannelsLastInput(c.W, layer, c.Input, c.Scratch, c.N);
        string z = ChannelsFirst ? SlidingWindow.Region(c.Scratch, c.N, columns + input) : c.PreActivation;
        // Predict keeps no pre-activation, so relu goes into the product's stores.
        bool fused = Implicit && ActivationName == "relu" && c.PreActivation == c.Output;
        if (Implicit)
            c.W.Line($"global::KerasGen.Kernels.ImplicitGemm<{c.Generic}>.Forward{(fused ? $"<global::KerasGen.Kernels.ReluEpilogue<{c.Generic}>>" : "")}(ref {source}, ref {c.Weight(0)}, ref {(UseBias ? c.Weight(1) : c.Weight(0))}, {Literals.Bool(UseBias)}, ref {z}, ref {SlidingWindow.Region(c.Scratch, c.N, 0)}, {c.N}, {Geometry(layer)}, {Filters}, {c.Weights[0].Stride});");
        else
        {
            using (GroupLoop(c.W))
            {
                string cols = EmitColumns(c.W, layer, source, c.Scratch, c.N);
                string kernel = c.Weight(0), bias = UseBias ? c.Weight(1) : kernel, tail = "";
                if (Groups != 1)
                {
                    (kernel, bias) = (c.Weight(0, GroupBlock(c.Weights[0])), UseBias ? c.Weight(1, GroupBlock(c.Weights[1])) : c.Weight(0));
                    z = Literals.At(z, 0, $"group * {GroupFilters}");
                    tail = $", {Filters}";
                }
                c.W.Line($"{Dense}<{c.Generic}>.Forward(ref {cols}, ref {kernel}, ref {bias}, {Literals.Bool(UseBias)}, ref {z}, {c.N} * {positions}, {patch}, {GroupFilters}, {c.Weights[0].Stride}{tail});");
            }
        }
        if (ChannelsFirst) c.W.Line($"{Kernels}.ToChannelsFirst(ref {SlidingWindow.Region(c.Scratch, c.N, columns + input)}, ref {c.PreActivation}, {c.N}, {Filters}, {positions});");
        if (ActivationName != "linear" && !fused)
        {
            int size = PreActivationSize(layer), last = PreActivationShape(layer)[layer.OutputShape.Count - 1];
            ActivationCode.Forward(c.W, c.TV, c.TS, ActivationName, c.PreActivation, c.Output, $"{c.N} * {size}", $"{c.N} * {size / last}", last);
        }
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var layer = c.Layer;
        var (columns, input, _) = ScratchRegions(layer);
        var (positions, inPositions, channels, patch) = Sizes(layer);
        int size = PreActivationSize(layer), last = PreActivationShape(layer)[layer.OutputShape.Count - 1], stride = c.Weights[0].Stride;
        // glu's gradient (twice as long as the output's) lands in the spare buffer; the input gradient still goes to
        // the gradient buffer.
        bool spare = ActivationCode.Backward(c.W, ActivationName, c.IsLast, c.PreActivation, c.Output, c.Gradient, c.Spare, $"n * {size}", $"n * {size / last}", last);
        string dz = spare ? c.Spare : c.Gradient;
        if (ChannelsFirst)
        {
            dz = SlidingWindow.Region(c.Scratch, "n", columns + input);
            c.W.Line($"{Kernels}.ToChannelsLast(ref {(spare ? c.Spare : c.Gradient)}, ref {dz}, n, {Filters}, {positions});");
        }
        // Every group's output gradient is padded before any group writes the input gradient, which (channels_last)
        // goes to the buffer dz is read from.
        string padded = c.PaddedGradient;
        if (Groups == 1) c.W.Line($"{Dense}<TV, TS>.Pad(ref {dz}, ref {padded}, n * {positions}, {Filters}, {stride});");
        else
        {
            padded = Literals.At(c.PaddedGradient, 0, $"group * n * {positions * stride}");
            using (GroupLoop(c.W))
                c.W.Line($"{Dense}<TV, TS>.Pad(ref {Literals.At(dz, 0, $"group * {GroupFilters}")}, ref {padded}, n * {positions}, {GroupFilters}, {stride}, {Filters});");
        }
        string source = ChannelsLastInput(c.W, layer, c.Input, c.Scratch, "n");
        // dx in channels_last goes straight to the gradient buffer (dz is safe in the padded copy), or via the
        // input's scratch region for channels_first (im2col of a later group still reads it: each group's col2im
        // writes only its own channels). The columns' gradient reuses the columns' region.
        string dxLast = ChannelsFirst ? SlidingWindow.Region(c.Scratch, "n", columns) : c.Gradient;
        using (GroupLoop(c.W))
        {
            string cols = EmitColumns(c.W, layer, source, c.Scratch, "n");
            string kernel = c.Weight(0), dKernel = c.WeightGradient(0), dBias = UseBias ? c.WeightGradient(1) : dKernel;
            if (Groups != 1)
                (kernel, dKernel, dBias) = (c.Weight(0, GroupBlock(c.Weights[0])), c.WeightGradient(0, GroupBlock(c.Weights[0])),
                    UseBias ? c.WeightGradient(1, GroupBlock(c.Weights[1])) : c.WeightGradient(0));
            c.W.Line($"{Dense}<TV, TS>.AccumulateGradients(ref {cols}, ref {padded}, ref {dKernel}, ref {dBias}, {Literals.Bool(UseBias)}, n * {positions}, {patch}, {stride});");
            if (c.NeedsInputGradient)
            {
                if (Pointwise) c.W.Line($"{Dense}<TV, TS>.InputGradient(ref {padded}, ref {kernel}, ref {dxLast}, n * {positions}, {patch}, {stride});");
                else
                {
                    c.W.Line($"{Dense}<TV, TS>.InputGradient(ref {padded}, ref {kernel}, ref {cols}, n * {positions}, {patch}, {stride});");
                    c.W.Line($"{Kernels}.Col2Im(ref {cols}, ref {dxLast}, n, {Geometry(layer)}{(Groups == 1 ? "" : ", group")});");
                }
            }
        }
        if (c.NeedsInputGradient && ChannelsFirst) c.W.Line($"{Kernels}.ToChannelsFirst(ref {dxLast}, ref {c.Gradient}, n, {channels}, {inPositions});");
        return false;
    }
}

/// <summary>A convolution's output as rows Predict can stream (<see cref="ConvLayer.Rows"/>): the geometry literal,
/// floats per output row (width × filters), output rows, the window's length (im2col row), the floats of one sample's
/// bordered input, and whether relu goes into the stores.</summary>
internal sealed record RowStream(string Geometry, int RowFloats, int OutRows, int Patch, int MapFloats, bool Relu);
