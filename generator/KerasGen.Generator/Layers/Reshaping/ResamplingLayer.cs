using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Emit;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Reshaping;

internal enum ResamplingKind
{
    ZeroPadding,
    Cropping,
    UpSampling,
}

/// <summary>
/// Keras <c>ZeroPadding1D/2D</c> (KERAS_SPEC §1.12), <c>Cropping1D/2D</c> and <c>UpSampling1D/2D</c> (nearest): each
/// output cell copies one input cell or is zero, so one unit and one runtime kernel (Kernels/Resampling) serve all
/// six. Per spatial axis: cells added or removed before and after, or the repeat size. The 1-D layers are
/// channels_last only, as in Keras.
/// </summary>
internal sealed record ResamplingLayer(ResamplingKind Kind, int Rank, EquatableArray<int> Before, EquatableArray<int> After, EquatableArray<int> Size, string DataFormat) : LayerSpec
{
    private bool ChannelsFirst => DataFormat == "channels_first";

    public override string ClassName => Kind switch
    {
        ResamplingKind.ZeroPadding => "ZeroPadding",
        ResamplingKind.Cropping => "Cropping",
        _ => "UpSampling",
    } + Rank + "D";

    public override string Activation => "linear";

    public override string InputShapeHint => Rank == 1 ? "InputShape = new[] { steps, channels }" : "InputShape = new[] { height, width, channels }";

    public static LayerSpec? Parse(LayerArguments a, ResamplingKind kind, int rank)
    {
        var none = new EquatableArray<int>(Enumerable.Repeat(0, rank));
        var ones = new EquatableArray<int>(Enumerable.Repeat(1, rank));
        string format = rank == 1 ? "channels_last" : a.DataFormat();
        if (kind == ResamplingKind.UpSampling)
        {
            var (size, sizeArgument) = a.Tuple(rank, Enumerable.Repeat(2, rank).ToArray(), "size", "Size", "Length");
            a.Positive("size", size, sizeArgument);
            var (interpolation, interpolationArgument) = a.String("Interpolation");
            if (interpolation is not null && interpolation != "nearest")
                a.Diagnostics.Add(DiagnosticCatalog.NotSupportedYet,
                    $"UpSampling2D's interpolation \"{interpolation}\" is valid Keras, but KerasGen compiles only \"nearest\" yet", interpolationArgument);
            return new ResamplingLayer(kind, rank, none, none, size ?? ones, format);
        }
        string keras = kind == ResamplingKind.ZeroPadding ? "padding" : "cropping";
        var (values, argument) = a.Ints(kind == ResamplingKind.ZeroPadding ? "Padding" : "Cropping");
        values ??= kind == ResamplingKind.ZeroPadding || rank == 1 ? new[] { 1 } : new[] { 0 };
        // An int for every side; one value per axis (both sides); or before and after of each axis.
        int[]? pairs = values.Length == 1 ? Enumerable.Repeat(values[0], 2 * rank).ToArray()
            : values.Length == rank && rank > 1 ? values.SelectMany(v => new[] { v, v }).ToArray()
            : values.Length == 2 * rank ? values : null;
        if (pairs is null || pairs.Any(v => v < 0))
        {
            a.Diagnostics.Add(DiagnosticCatalog.InvalidSize, pairs is null
                ? $"`{keras}` should be an int, {(rank > 1 ? $"a tuple of {rank} ints (one per axis), or " : "")}a tuple of {2 * rank} ints (before and after{(rank > 1 ? " each axis" : "")}). Received: {keras}=({string.Join(", ", values)})"
                : $"`{keras}` must be non-negative. Received: {keras}=({string.Join(", ", values)})", argument);
            return new ResamplingLayer(kind, rank, none, none, ones, format);
        }
        return new ResamplingLayer(kind, rank, new EquatableArray<int>(Enumerable.Range(0, rank).Select(i => pairs[2 * i])),
            new EquatableArray<int>(Enumerable.Range(0, rank).Select(i => pairs[2 * i + 1])), ones, format);
    }

    public override List<int>? Output(IReadOnlyList<int> input, LayerDiagnostics diagnostics)
    {
        if (SlidingWindow.Split(input, Rank, ChannelsFirst, KerasNames.SnakeCase(ClassName), diagnostics) is not var (spatial, channels)) return null;
        var output = new List<int>();
        for (int axis = 0; axis < Rank; axis++)
        {
            int length = spatial[axis];
            if (length == ShapeMath.None) { output.Add(length); continue; }
            length = Kind switch
            {
                ResamplingKind.ZeroPadding => length + Before[axis] + After[axis],
                ResamplingKind.Cropping => length - Before[axis] - After[axis],
                _ => length * Size[axis],
            };
            if (length <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyOutput,
                    $"`cropping` parameter of `{ClassName}` layer must be smaller than the input size. Received: inputs.shape={ShapeMath.Keras(input)}, cropping=({string.Join(", ", Before.Zip(After, (b, e) => $"({b}, {e})"))})");
                return null;
            }
            output.Add(length);
        }
        return SlidingWindow.Join(output, channels, ChannelsFirst);
    }

    public override IReadOnlyList<WeightSpec> Weights(IReadOnlyList<int> input) => System.Array.Empty<WeightSpec>();

    public override IEnumerable<KeyValuePair<string, string>> Config(LayerPlan layer) => Kind == ResamplingKind.UpSampling
        ? new Dictionary<string, string> { ["size"] = SlidingWindow.Config(Size), ["data_format"] = DataFormat }
        : new Dictionary<string, string>
        {
            [Kind == ResamplingKind.ZeroPadding ? "padding" : "cropping"] = SlidingWindow.Config(Before.Zip(After, (b, e) => new[] { b, e }).SelectMany(p => p)),
            ["data_format"] = DataFormat,
        };

    public override StepsKernel? OverSteps(LayerPlan layer) => null;

    public override LayerMemory Memory(LayerPlan layer) => new(true, layer.OutputSize);

    public override string EmitSample(SampleContext c) => c.ViaForward();

    private string Geometry(LayerPlan layer)
    {
        List<int> Spatial(IReadOnlyList<int> shape) => ChannelsFirst ? shape.Skip(1).ToList() : shape.Take(Rank).ToList();
        var (inSpatial, outSpatial) = (Spatial(layer.InputShape), Spatial(layer.OutputShape));
        int channels = ChannelsFirst ? layer.InputShape[0] : layer.InputShape[Rank];
        int At(IReadOnlyList<int> v, int axis, int one) => Rank == 1 ? (axis == 0 ? one : v[0]) : v[axis];
        int Shift(int axis) => Kind switch
        {
            ResamplingKind.ZeroPadding => -At(Before, axis, 0),
            ResamplingKind.Cropping => At(Before, axis, 0),
            _ => 0,
        };
        var values = new[]
        {
            At(inSpatial, 0, 1), At(inSpatial, 1, 1), At(outSpatial, 0, 1), At(outSpatial, 1, 1), channels,
            Shift(0), Shift(1), At(Size, 0, 1), At(Size, 1, 1),
        };
        return $"new global::KerasGen.Kernels.Resampling({string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}, {Literals.Bool(ChannelsFirst)})";
    }

    public override void EmitForward(ForwardContext c) =>
        c.W.Line($"{Geometry(c.Layer)}.Forward(ref {c.Input}, ref {c.Output}, {c.N});");

    public override bool EmitBackward(BackwardContext c)
    {
        c.W.Line($"{Geometry(c.Layer)}.Backward(ref {c.Gradient}, ref {c.Spare}, n);");
        return true;
    }
}
