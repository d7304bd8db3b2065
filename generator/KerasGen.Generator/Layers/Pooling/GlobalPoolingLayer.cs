using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Pooling;

/// <summary>Keras <c>GlobalMaxPooling1D/2D</c> and <c>GlobalAveragePooling1D/2D</c> (KERAS_SPEC §1.8): the max or
/// mean of each channel over all positions; <c>keepdims</c> keeps the spatial axes as 1s.</summary>
internal sealed record GlobalPoolingLayer(PoolKind Kind, int Rank, string DataFormat, bool KeepDims) : LayerSpec
{
    private bool ChannelsFirst => DataFormat == "channels_first";

    public override string ClassName => (Kind == PoolKind.Max ? "GlobalMaxPooling" : "GlobalAveragePooling") + Rank + "D";

    public override string Activation => "linear";

    public override string InputShapeHint => Rank == 1 ? "InputShape = new[] { steps, channels }" : "InputShape = new[] { height, width, channels }";

    public static LayerSpec? Parse(LayerArguments a, PoolKind kind, int rank) =>
        new GlobalPoolingLayer(kind, rank, a.DataFormat(), a.Bool("KeepDims").Value ?? false);

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (SlidingWindow.Split(input, Rank, ChannelsFirst, KerasNames.SnakeCase(ClassName), diagnostics) is not var (_, channels)) return null;
        if (channels == ShapeMath.None)
        {
            diagnostics.Add(DiagnosticCatalog.UndefinedDimension, $"{ClassName} needs the number of channels of its input {ShapeMath.Keras(input)}");
            return null;
        }
        return KeepDims ? SlidingWindow.Join(Enumerable.Repeat(1, Rank), channels, ChannelsFirst) : new List<int> { channels };
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => new Dictionary<string, string>
    {
        ["data_format"] = DataFormat,
        ["keepdims"] = KeepDims ? "true" : "false",
    };

    /// <summary>Over a run-time number of steps: 1-D global pooling in channels_last (its output has no steps).</summary>
    public override StepsKernel? OverSteps(LayerPlan layer)
    {
        if (Rank != 1 || ChannelsFirst) return null;
        int channels = layer.OutputSize;
        return StepsKernel.Windowed(null, (_, _) => $"{channels}", (_, _) => "0",
            c => c.W.Line($"global::KerasGen.Kernels.Pooling.GlobalForward(ref {c.Input}, ref {c.Output}, 1, {c.InSteps}, {channels}, {channels}, 1, {Literals.Bool(Kind == PoolKind.Max)});"));
    }

    public override LayerMemory Memory(LayerPlan layer) => new(true, layer.OutputSize);

    public override string EmitSample(SampleContext c) => c.ViaForward();

    /// <summary>(positions, channels, position stride, channel stride) of the input.</summary>
    private (int, int, int, int) Layout(LayerPlan layer)
    {
        int channels = layer.OutputSize, positions = layer.InputSize / channels;
        return ChannelsFirst ? (positions, channels, 1, positions) : (positions, channels, channels, 1);
    }

    public override void EmitForward(ForwardContext c)
    {
        var (positions, channels, positionStride, channelStride) = Layout(c.Layer);
        c.W.Line($"global::KerasGen.Kernels.Pooling.GlobalForward(ref {c.Input}, ref {c.Output}, {c.N}, {positions}, {channels}, {positionStride}, {channelStride}, {Literals.Bool(Kind == PoolKind.Max)});");
    }

    public override bool EmitBackward(BackwardContext c)
    {
        var (positions, channels, positionStride, channelStride) = Layout(c.Layer);
        c.W.Line($"global::KerasGen.Kernels.Pooling.GlobalBackward(ref {c.Input}, ref {c.Gradient}, ref {c.Spare}, n, {positions}, {channels}, {positionStride}, {channelStride}, {Literals.Bool(Kind == PoolKind.Max)});");
        return true;
    }
}
