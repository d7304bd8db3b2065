using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Convolution;

/// <summary>
/// The geometry convolution and pooling share (KERAS_SPEC §1.1): per spatial axis, the output length for each
/// padding and where the padding goes (same: the odd cell at the end; causal: all before; full: dk − 1 each side),
/// and the layout of a feature map in either data format.
/// </summary>
internal static class SlidingWindow
{
    /// <summary>Output length of one axis (may be ≤ 0: the caller reports it); None stays None.</summary>
    public static int Output(int length, int window, int stride, int dilation, string padding, out int padBefore)
    {
        int dk = (window - 1) * dilation + 1;
        padBefore = 0;
        if (length == ShapeMath.None) return ShapeMath.None;
        switch (padding)
        {
            case "same":
                int output = (length + stride - 1) / stride;
                int total = System.Math.Max((output - 1) * stride + dk - length, 0);
                padBefore = total / 2;
                return output;
            case "causal":
                padBefore = dk - 1;
                return (length + stride - 1) / stride;
            case "full":
                padBefore = dk - 1;
                return (length + dk - 2) / stride + 1;
            default: // valid
                return length - dk < 0 ? 0 : (length - dk) / stride + 1;
        }
    }

    /// <summary>The zero padding of one axis, before and after: from the lengths when they are known; for an unknown
    /// (None) length from the padding alone, or null where it depends on the length (same with strides &gt; 1: ONNX's
    /// SAME_UPPER).</summary>
    public static (int Before, int After)? Pads(int input, int output, int window, int stride, int dilation, string padding)
    {
        int dk = (window - 1) * dilation + 1;
        Output(input, window, stride, dilation, padding, out int before);
        if (input != ShapeMath.None) return (before, System.Math.Max((output - 1) * stride + dk - input - before, 0));
        return padding switch
        {
            "valid" => (0, 0),
            "causal" => (dk - 1, 0),
            "full" => (dk - 1, dk - 1),
            _ when stride == 1 => ((dk - 1) / 2, dk - 1 - (dk - 1) / 2),
            _ => null,
        };
    }

    /// <summary>Config entries of the padding: "pads" (before and after per axis), or "auto_pad" = SAME_UPPER when
    /// it depends on an unknown length.</summary>
    public static KeyValuePair<string, string> PadsConfig(IReadOnlyList<(int Before, int After)?> pads) =>
        pads.Any(p => p is null)
            ? new KeyValuePair<string, string>("auto_pad", "SAME_UPPER")
            : new KeyValuePair<string, string>("pads", Config(pads.SelectMany(p => new[] { p!.Value.Before, p.Value.After })));

    /// <summary>The spatial axes and channels of an input of <paramref name="rank"/> spatial axes, or null after
    /// reporting a wrong rank.</summary>
    public static (List<int> Spatial, int Channels)? Split(IReadOnlyList<int> input, int rank, bool channelsFirst, string layer, LayerDiagnostics diagnostics)
    {
        if (input.Count != rank + 1)
        {
            diagnostics.Add(DiagnosticCatalog.IncompatibleInputRank,
                $"Input 0 of layer \"{layer}\" is incompatible with the layer: expected ndim={rank + 2}, found ndim={input.Count + 1}. Full shape received: {ShapeMath.Keras(input)}");
            return null;
        }
        return channelsFirst ? (input.Skip(1).ToList(), input[0]) : (input.Take(rank).ToList(), input[rank]);
    }

    /// <summary>A feature map's shape from its spatial axes and channels.</summary>
    public static List<int> Join(IEnumerable<int> spatial, int channels, bool channelsFirst) =>
        channelsFirst ? new[] { channels }.Concat(spatial).ToList() : spatial.Append(channels).ToList();

    /// <summary>The runtime's WindowGeometry for a 1-D or 2-D window (1-D: height 1) over a channels_last map.</summary>
    public static string Geometry(IReadOnlyList<int> inSpatial, int channels, IReadOnlyList<int> outSpatial, EquatableArray<int> window,
        EquatableArray<int> strides, EquatableArray<int> dilation, IReadOnlyList<int> padBefore, int groups = 1)
    {
        int rank = inSpatial.Count;
        int At(IReadOnlyList<int> v, int axis, int one) => rank == 1 ? (axis == 0 ? one : v[0]) : v[axis];
        var values = new[]
        {
            At(inSpatial, 0, 1), At(inSpatial, 1, 1), channels, At(outSpatial, 0, 1), At(outSpatial, 1, 1),
            At(window, 0, 1), At(window, 1, 1), At(strides, 0, 1), At(strides, 1, 1), At(dilation, 0, 1), At(dilation, 1, 1),
            At(padBefore, 0, 0), At(padBefore, 1, 0),
        };
        if (groups != 1) values = values.Append(groups).ToArray();
        return $"new global::KerasGen.Kernels.WindowGeometry({string.Join(", ", values)})";
    }

    /// <summary>A region of the layers' scratch: <paramref name="offset"/> floats per sample past its start, for
    /// <paramref name="n"/> samples.</summary>
    public static string Region(string scratch, string n, int offset) =>
        offset == 0 ? scratch : $"global::System.Runtime.CompilerServices.Unsafe.Add(ref {scratch}, {n} * {offset})";

    /// <summary>Keras' tuple text of a config entry: "3,3".</summary>
    public static string Config(IEnumerable<int> values) => string.Join(",", values);
}
