using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Pooling;

internal enum PoolKind
{
    Max,
    Average,
}

/// <summary>
/// Keras <c>MaxPooling1D/2D</c> and <c>AveragePooling1D/2D</c> (KERAS_SPEC §1.7): windows of <c>pool_size</c>
/// moved by <c>strides</c> (default: the pool size), <c>valid</c> or <c>same</c>, in either data format
/// (channels_first is pooled through a transpose to channels_last and back).
/// </summary>
internal sealed record PoolingLayer(PoolKind Kind, int Rank, EquatableArray<int> PoolSize, EquatableArray<int> Strides, string Padding, string DataFormat) : LayerSpec
{
    private const string Kernels = "global::KerasGen.Kernels";

    private bool ChannelsFirst => DataFormat == "channels_first";

    public override string ClassName => (Kind == PoolKind.Max ? "MaxPooling" : "AveragePooling") + Rank + "D";

    public override string Activation => "linear";

    public override string InputShapeHint => Rank == 1 ? "InputShape = new[] { steps, channels }" : "InputShape = new[] { height, width, channels }";

    public static LayerSpec? Parse(LayerArguments a, PoolKind kind, int rank)
    {
        var (pool, poolArgument) = a.Tuple(rank, Enumerable.Repeat(2, rank).ToArray(), "pool_size", "PoolSize", "PoolLength");
        bool valid = a.Positive("pool_size", pool, poolArgument);
        var (strides, stridesArgument) = a.Tuple(rank, pool?.ToArray(), "strides", "Strides", "Stride");
        valid &= a.Positive("strides", strides, stridesArgument);
        string padding = a.Option("padding", "valid", new[] { "valid", "same" }, "Padding", "BorderMode");
        string format = a.DataFormat();
        // A layer with wrong arguments is kept (so the model still has its layers); the shape loop stops at it.
        var ones = new EquatableArray<int>(Enumerable.Repeat(1, rank));
        return new PoolingLayer(kind, rank, valid && pool is { } p ? p : ones, valid && strides is { } s ? s : ones, padding, format);
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (SlidingWindow.Split(input, Rank, ChannelsFirst, KerasNames.SnakeCase(ClassName), diagnostics) is not var (spatial, channels)) return null;
        var output = new List<int>();
        for (int axis = 0; axis < Rank; axis++)
        {
            int length = SlidingWindow.Output(spatial[axis], PoolSize[axis], Strides[axis], 1, Padding, out _);
            if (length != ShapeMath.None && length <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyOutput,
                    $"Computed output size would be zero or negative. Received: `inputs.shape={ShapeMath.Keras(input)}`, `pool_size={ShapeMath.Tuple(PoolSize)}`, `strides={ShapeMath.Tuple(Strides)}`, `padding={Padding}`.");
                return null;
            }
            output.Add(length);
        }
        return SlidingWindow.Join(output, channels, ChannelsFirst);
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["pool_size"] = SlidingWindow.Config(PoolSize),
        ["strides"] = SlidingWindow.Config(Strides),
        ["padding"] = Padding,
        ["data_format"] = DataFormat,
    }.Append(SlidingWindow.PadsConfig(Pads(layer)));

    private (List<int> Spatial, int Channels) Spatial(IReadOnlyList<int> shape) =>
        ChannelsFirst ? (shape.Skip(1).ToList(), shape[0]) : (shape.Take(Rank).ToList(), shape[Rank]);

    private List<(int Before, int After)?> Pads(LayerPlan layer)
    {
        var (inSpatial, _) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(layer.OutputShape);
        return Enumerable.Range(0, Rank).Select(axis => SlidingWindow.Pads(inSpatial[axis], outSpatial[axis], PoolSize[axis], Strides[axis], 1, Padding)).ToList();
    }

    private string Geometry(LayerPlan layer)
    {
        var (inSpatial, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(layer.OutputShape);
        var ones = new EquatableArray<int>(Enumerable.Repeat(1, Rank));
        return SlidingWindow.Geometry(inSpatial, channels, outSpatial, PoolSize, Strides, ones, Pads(layer).Select(p => p!.Value.Before).ToList());
    }

    /// <summary>channels_first: the input, then the output (or their gradients), in channels_last.</summary>
    /// <summary>Over a run-time number of steps: 1-D pooling in channels_last.</summary>
    public override StepsKernel? OverSteps(LayerPlan layer)
    {
        if (Rank != 1 || ChannelsFirst) return null;
        int channels = layer.InputLast;
        string window = $"{PoolSize[0]}, {Strides[0]}, 1, {Kernels}.StepWindow.{(Padding == "same" ? "Same" : "Valid")}";
        return StepsKernel.Windowed(
            steps => $"{Kernels}.StepWindow.Checked({Literals.Quote(layer.Name)}, {steps}, {window})",
            (_, outSteps) => $"{outSteps} * {channels}",
            (_, _) => "0",
            c => c.W.Line($"{Kernels}.Pooling.Forward(ref {c.Input}, ref {c.Output}, 1, {Kernels}.StepWindow.Geometry({c.InSteps}, {channels}, {window}), {Literals.Bool(Kind == PoolKind.Max)});"));
    }

    public override LayerMemory Memory(LayerPlan layer) =>
        new(true, layer.OutputSize, ChannelsFirst ? ModelLayout.RoundUp(layer.InputSize) + ModelLayout.RoundUp(layer.OutputSize) : 0);

    public override string EmitSample(SampleContext c) => c.ViaForward();

    public override void EmitForward(ForwardContext c)
    {
        var layer = c.Layer;
        var (inSpatial, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(layer.OutputShape);
        string max = Literals.Bool(Kind == PoolKind.Max);
        if (!ChannelsFirst)
        {
            c.W.Line($"{Kernels}.Pooling.Forward(ref {c.Input}, ref {c.Output}, {c.N}, {Geometry(layer)}, {max});");
            return;
        }
        string inLast = SlidingWindow.Region(c.Scratch, c.N, 0), outLast = SlidingWindow.Region(c.Scratch, c.N, ModelLayout.RoundUp(layer.InputSize));
        c.W.Line($"{Kernels}.Convolution.ToChannelsLast(ref {c.Input}, ref {inLast}, {c.N}, {channels}, {ShapeMath.Product(inSpatial)});");
        c.W.Line($"{Kernels}.Pooling.Forward(ref {inLast}, ref {outLast}, {c.N}, {Geometry(layer)}, {max});");
        c.W.Line($"{Kernels}.Convolution.ToChannelsFirst(ref {outLast}, ref {c.Output}, {c.N}, {channels}, {ShapeMath.Product(outSpatial)});");
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var layer = c.Layer;
        var (inSpatial, channels) = Spatial(layer.InputShape);
        var (outSpatial, _) = Spatial(layer.OutputShape);
        string max = Literals.Bool(Kind == PoolKind.Max);
        if (!ChannelsFirst)
        {
            c.W.Line($"{Kernels}.Pooling.Backward(ref {c.Input}, ref {c.Gradient}, ref {c.Spare}, n, {Geometry(layer)}, {max});");
            return true;
        }
        string inLast = SlidingWindow.Region(c.Scratch, "n", 0), dyLast = SlidingWindow.Region(c.Scratch, "n", ModelLayout.RoundUp(layer.InputSize));
        c.W.Line($"{Kernels}.Convolution.ToChannelsLast(ref {c.Input}, ref {inLast}, n, {channels}, {ShapeMath.Product(inSpatial)});");
        c.W.Line($"{Kernels}.Convolution.ToChannelsLast(ref {c.Gradient}, ref {dyLast}, n, {channels}, {ShapeMath.Product(outSpatial)});");
        c.W.Line($"{Kernels}.Pooling.Backward(ref {inLast}, ref {dyLast}, ref {c.Gradient}, n, {Geometry(layer)}, {max});");
        c.W.Line($"{Kernels}.Convolution.ToChannelsFirst(ref {c.Gradient}, ref {c.Spare}, n, {channels}, {ShapeMath.Product(inSpatial)});");
        return true;
    }
}
