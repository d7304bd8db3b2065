using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using KerasGen.Weights;

namespace KerasGen.Export;

/// <summary>
/// Writes a generated model and its current weights as an ONNX model (opset 13): Dense → MatMul (+ Add) with the
/// activation as its ONNX operator, Conv1D/2D → Conv (kernel permuted to OIHW), pooling → MaxPool / AveragePool
/// (count_include_pad 0, as Keras), global pooling → ReduceMax / ReduceMean, ZeroPadding → Pad, Cropping → Slice, UpSampling → Resize (nearest) — channels_last layers between two
/// Transposes, since ONNX's operators take channels first —, Flatten → Flatten, Reshape → Reshape, Dropout → nothing. The input is
/// "input" with a symbolic batch axis "N", the output "output". Activations without an ONNX operator of the same
/// definition throw <see cref="NotSupportedException"/> naming the layer.
/// </summary>
public static class OnnxExporter
{
    private const int Float = 1, Int64 = 7;
    private const int AttributeFloat = 1, AttributeInt = 2, AttributeInts = 7, AttributeString = 3;

    public static void Save(IModel model, string path) => File.WriteAllBytes(path, ToBytes(model));

    public static byte[] ToBytes(IModel model)
    {
        var layout = model as IWeightLayout ?? throw new ArgumentException("ONNX export needs a KerasGen-generated model.", nameof(model));
        var weights = model.GetWeights();
        var graph = new ProtoWriter();
        string current = "input";
        int counter = 0;
        string Next(string what) => $"{what}_{counter++}";

        foreach (var layer in layout.Layers)
        {
            switch (layer.ClassName)
            {
                case "Dense":
                {
                    var kernel = layout.WeightSlots[layer.KernelWeight];
                    string kernelName = $"{layer.Name}/kernel";
                    graph.Message(5, Tensor(kernelName, kernel.Shape, weights[layer.KernelWeight]));
                    string product = Next(layer.Name + "_matmul");
                    graph.Message(1, Node("MatMul", layer.Name + "/MatMul", new[] { current, kernelName }, product));
                    current = product;
                    if (layer.BiasWeight >= 0)
                    {
                        string biasName = $"{layer.Name}/bias", sum = Next(layer.Name + "_add");
                        graph.Message(5, Tensor(biasName, layout.WeightSlots[layer.BiasWeight].Shape, weights[layer.BiasWeight]));
                        graph.Message(1, Node("Add", layer.Name + "/Add", new[] { current, biasName }, sum));
                        current = sum;
                    }
                    current = Activation(graph, layer, current, Next);
                    break;
                }
                case "Activation":
                    current = Activation(graph, layer, current, Next);
                    break;
                case "Flatten":
                {
                    string flat = Next(layer.Name);
                    graph.Message(1, Node("Flatten", layer.Name, new[] { current }, flat, Attribute("axis", 1)));
                    current = flat;
                    break;
                }
                case "Reshape":
                {
                    string shapeName = $"{layer.Name}/shape", reshaped = Next(layer.Name);
                    var target = new long[layer.OutputShape.Length + 1]; // 0 keeps the batch axis
                    for (int i = 0; i < layer.OutputShape.Length; i++) target[i + 1] = layer.OutputShape[i];
                    graph.Message(5, Int64Tensor(shapeName, target));
                    graph.Message(1, Node("Reshape", layer.Name, new[] { current, shapeName }, reshaped));
                    current = reshaped;
                    break;
                }
                case "Dropout":
                    break;
                case "Conv1D" or "Conv2D":
                    current = Activation(graph, layer, ChannelsLastAround(graph, layer, current, Next, input => Convolution(graph, layout, weights, layer, input, Next)), Next);
                    break;
                case "MaxPooling1D" or "MaxPooling2D" or "AveragePooling1D" or "AveragePooling2D":
                    current = ChannelsLastAround(graph, layer, current, Next, input =>
                    {
                        string pooled = Next(layer.Name);
                        graph.Message(1, Node(layer.ClassName.StartsWith("Max", StringComparison.Ordinal) ? "MaxPool" : "AveragePool", layer.Name, new[] { input }, pooled,
                            Attribute("kernel_shape", Spatial(layer.Ints("pool_size"))), Attribute("strides", Spatial(layer.Ints("strides"))), Padding(layer)));
                        return pooled;
                    });
                    break;
                case "ZeroPadding1D" or "ZeroPadding2D" or "Cropping1D" or "Cropping2D" or "UpSampling1D" or "UpSampling2D":
                    current = Resampling(graph, layer, current, Next);
                    break;
                case "GlobalMaxPooling1D" or "GlobalMaxPooling2D" or "GlobalAveragePooling1D" or "GlobalAveragePooling2D":
                {
                    // Keras' axes are the spatial ones of its data format; the channels stay.
                    int rank = layer.InputShape.Length - 1;
                    var axes = new long[rank];
                    for (int i = 0; i < rank; i++) axes[i] = layer.Option("data_format") == "channels_first" ? i + 2 : i + 1;
                    string reduced = Next(layer.Name);
                    graph.Message(1, Node(layer.ClassName.StartsWith("GlobalMax", StringComparison.Ordinal) ? "ReduceMax" : "ReduceMean", layer.Name, new[] { current }, reduced,
                        Attribute("axes", axes), Attribute("keepdims", layer.Option("keepdims") == "true" ? 1 : 0)));
                    current = reduced;
                    break;
                }
                default:
                    throw new NotSupportedException($"Layer {layer.Name} ({layer.ClassName}) has no ONNX export yet.");
            }
        }
        // The graph output must be produced by a node: name the last value "output" through an Identity.
        graph.Message(1, Node("Identity", "output", new[] { current }, "output"));
        graph.String(2, "kerasgen");
        graph.Message(11, ValueInfo("input", layout.Layers[0].InputShape));
        graph.Message(12, ValueInfo("output", layout.Layers[^1].OutputShape));

        return new ProtoWriter()
            .Int(1, 8)                                                   // ir_version
            .String(2, "KerasGen")
            .String(3, "0.1.0")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int(2, 13))     // opset_import: ai.onnx 13
            .ToArray();
    }

    /// <summary>ONNX's Conv and pooling take channels first (N, C, spatial…): a channels_last layer gets a Transpose
    /// on each side.</summary>
    private static string ChannelsLastAround(ProtoWriter graph, LayerDescription layer, string input, Func<string, string> next, Func<string, string> body)
    {
        if (layer.Option("data_format") == "channels_first") return body(input);
        int rank = layer.InputShape.Length + 1;
        var toFirst = new long[rank];
        var toLast = new long[rank];
        toFirst[1] = rank - 1;
        for (int i = 2; i < rank; i++) toFirst[i] = i - 1;
        for (int i = 1; i < rank - 1; i++) toLast[i] = i + 1;
        toLast[rank - 1] = 1;
        string first = next(layer.Name + "_channels_first");
        graph.Message(1, Node("Transpose", layer.Name + "/ToChannelsFirst", new[] { input }, first, Attribute("perm", toFirst)));
        string result = body(first), last = next(layer.Name + "_channels_last");
        graph.Message(1, Node("Transpose", layer.Name + "/ToChannelsLast", new[] { result }, last, Attribute("perm", toLast)));
        return last;
    }

    /// <summary>Keras' kernel (k…, C_in, filters) becomes ONNX's (filters, C_in, k…).</summary>
    private static string Convolution(ProtoWriter graph, IWeightLayout layout, float[][] weights, LayerDescription layer, string input, Func<string, string> next)
    {
        var slot = layout.WeightSlots[layer.KernelWeight];
        int[] shape = slot.Shape;
        int spatial = shape.Length - 2, channels = shape[^2], filters = shape[^1], window = slot.Count / (channels * filters);
        var kernel = weights[layer.KernelWeight];
        var permuted = new float[kernel.Length];
        for (int w = 0; w < window; w++)
            for (int c = 0; c < channels; c++)
                for (int f = 0; f < filters; f++)
                    permuted[(f * channels + c) * window + w] = kernel[(w * channels + c) * filters + f];
        var onnxShape = new int[shape.Length];
        onnxShape[0] = filters;
        onnxShape[1] = channels;
        for (int i = 0; i < spatial; i++) onnxShape[i + 2] = shape[i];
        string kernelName = layer.Name + "/kernel";
        graph.Message(5, Tensor(kernelName, onnxShape, permuted));
        var inputs = new List<string> { input, kernelName };
        if (layer.BiasWeight >= 0)
        {
            graph.Message(5, Tensor(layer.Name + "/bias", layout.WeightSlots[layer.BiasWeight].Shape, weights[layer.BiasWeight]));
            inputs.Add(layer.Name + "/bias");
        }
        string output = next(layer.Name + "_conv");
        graph.Message(1, Node("Conv", layer.Name + "/Conv", inputs.ToArray(), output,
            Attribute("kernel_shape", Spatial(layer.Ints("kernel_size"))), Attribute("strides", Spatial(layer.Ints("strides"))),
            Attribute("dilations", Spatial(layer.Ints("dilation_rate"))), Padding(layer), Attribute("group", long.Parse(layer.Option("groups")!, System.Globalization.CultureInfo.InvariantCulture))));
        return output;
    }

    /// <summary>ZeroPadding → Pad, Cropping → Slice, UpSampling → Resize (nearest, floor of output / size), on the
    /// spatial axes of the layer's data format.</summary>
    private static string Resampling(ProtoWriter graph, LayerDescription layer, string input, Func<string, string> next)
    {
        int rank = layer.InputShape.Length + 1, spatial = rank - 2, first = layer.Option("data_format") == "channels_first" ? 2 : 1;
        string output = next(layer.Name);
        if (layer.ClassName.StartsWith("UpSampling", StringComparison.Ordinal))
        {
            var scales = new float[rank];
            Array.Fill(scales, 1f);
            int[] size = layer.Ints("size");
            for (int i = 0; i < spatial; i++) scales[first + i] = size[i];
            graph.Message(5, Tensor(layer.Name + "/scales", new[] { rank }, scales));
            graph.Message(1, Node("Resize", layer.Name, new[] { input, "", layer.Name + "/scales" }, output,
                Attribute("mode", "nearest"), Attribute("coordinate_transformation_mode", "asymmetric"), Attribute("nearest_mode", "floor")));
            return output;
        }
        bool padding = layer.ClassName.StartsWith("ZeroPadding", StringComparison.Ordinal);
        int[] sides = layer.Ints(padding ? "padding" : "cropping");
        if (padding)
        {
            var pads = new long[2 * rank];
            for (int i = 0; i < spatial; i++) (pads[first + i], pads[rank + first + i]) = (sides[2 * i], sides[2 * i + 1]);
            graph.Message(5, Int64Tensor(layer.Name + "/pads", pads));
            graph.Message(1, Node("Pad", layer.Name, new[] { input, layer.Name + "/pads" }, output));
            return output;
        }
        long[] starts = new long[spatial], ends = new long[spatial], axes = new long[spatial];
        for (int i = 0; i < spatial; i++)
            (starts[i], ends[i], axes[i]) = (sides[2 * i], layer.InputShape[first - 1 + i] - sides[2 * i + 1], first + i);
        graph.Message(5, Int64Tensor(layer.Name + "/starts", starts));
        graph.Message(5, Int64Tensor(layer.Name + "/ends", ends));
        graph.Message(5, Int64Tensor(layer.Name + "/axes", axes));
        graph.Message(1, Node("Slice", layer.Name, new[] { input, layer.Name + "/starts", layer.Name + "/ends", layer.Name + "/axes" }, output));
        return output;
    }

    private static ProtoWriter Int64Tensor(string name, long[] values) =>
        new ProtoWriter().Int(1, values.Length).Int(2, Int64).String(8, name).Bytes(9, MemoryMarshal.AsBytes(values.AsSpan()));

    private static long[] Spatial(int[] values) => Array.ConvertAll(values, v => (long)v);

    /// <summary>KerasGen's config lists (before, after) per axis; ONNX wants every axis' start, then every end.</summary>
    /// <summary>Explicit pads, or auto_pad where the padding depends on an unknown number of steps.</summary>
    private static ProtoWriter Padding(LayerDescription layer) =>
        layer.Option("auto_pad") is { } auto ? Attribute("auto_pad", auto) : Attribute("pads", Pads(layer));

    private static long[] Pads(LayerDescription layer)
    {
        int[] pads = layer.Ints("pads");
        int axes = pads.Length / 2;
        var onnx = new long[pads.Length];
        for (int i = 0; i < axes; i++) (onnx[i], onnx[axes + i]) = (pads[2 * i], pads[2 * i + 1]);
        return onnx;
    }

    private static string Activation(ProtoWriter graph, LayerDescription layer, string input, Func<string, string> next)
    {
        if (layer.Activation == "linear") return input;
        if (layer.Activation == "glu") return Glu(graph, layer, input, next);
        var (op, attributes) = layer.Activation switch
        {
            "relu" => ("Relu", Array.Empty<ProtoWriter>()),
            "sigmoid" => ("Sigmoid", Array.Empty<ProtoWriter>()),
            "tanh" => ("Tanh", Array.Empty<ProtoWriter>()),
            "softmax" => ("Softmax", new[] { Attribute("axis", -1) }),
            "log_softmax" => ("LogSoftmax", new[] { Attribute("axis", -1) }),
            "elu" => ("Elu", Array.Empty<ProtoWriter>()),
            "selu" => ("Selu", Array.Empty<ProtoWriter>()),
            "softplus" => ("Softplus", Array.Empty<ProtoWriter>()),
            "softsign" => ("Softsign", Array.Empty<ProtoWriter>()),
            "exponential" => ("Exp", Array.Empty<ProtoWriter>()),
            "leaky_relu" => ("LeakyRelu", new[] { Attribute("alpha", 0.2f) }),
            "hard_sigmoid" => ("HardSigmoid", new[] { Attribute("alpha", 1f / 6), Attribute("beta", 0.5f) }),
            _ => throw new NotSupportedException($"Layer {layer.Name}: activation '{layer.Activation}' has no ONNX operator in the exporter yet."),
        };
        string output = next(layer.Name + "_" + layer.Activation);
        graph.Message(1, Node(op, layer.Name + "/" + op, new[] { input }, output, attributes));
        return output;
    }

    /// <summary>Keras' glu, a · sigmoid(b) for the two halves of the last axis: Split, Sigmoid, Mul.</summary>
    private static string Glu(ProtoWriter graph, LayerDescription layer, string input, Func<string, string> next)
    {
        string a = layer.Name + "_glu_a", b = layer.Name + "_glu_b", gate = layer.Name + "_glu_gate";
        graph.Message(1, Node("Split", layer.Name + "/Split", new[] { input }, new[] { a, b }, Attribute("axis", -1)));
        graph.Message(1, Node("Sigmoid", layer.Name + "/Sigmoid", new[] { b }, gate));
        string output = next(layer.Name + "_glu");
        graph.Message(1, Node("Mul", layer.Name + "/Mul", new[] { a, gate }, output));
        return output;
    }

    private static ProtoWriter Node(string op, string name, string[] inputs, string output, params ProtoWriter[] attributes) =>
        Node(op, name, inputs, new[] { output }, attributes);

    private static ProtoWriter Node(string op, string name, string[] inputs, string[] outputs, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs) node.String(1, input);
        foreach (var output in outputs) node.String(2, output);
        node.String(3, name).String(4, op);
        foreach (var attribute in attributes) node.Message(5, attribute);
        return node;
    }

    private static ProtoWriter Attribute(string name, long value) => new ProtoWriter().String(1, name).Int(3, value).Int(20, AttributeInt);

    private static ProtoWriter Attribute(string name, long[] values)
    {
        var attribute = new ProtoWriter().String(1, name);
        foreach (long v in values) attribute.Int(8, v);
        return attribute.Int(20, AttributeInts);
    }

    private static ProtoWriter Attribute(string name, string value) => new ProtoWriter().String(1, name).String(4, value).Int(20, AttributeString);

    private static ProtoWriter Attribute(string name, float value) => new ProtoWriter().String(1, name).Float(2, value).Int(20, AttributeFloat);

    private static ProtoWriter Tensor(string name, int[] shape, float[] values)
    {
        var tensor = new ProtoWriter();
        foreach (int d in shape) tensor.Int(1, d);
        return tensor.Int(2, Float).String(8, name).Bytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static ProtoWriter ValueInfo(string name, int[] sampleShape)
    {
        var shape = new ProtoWriter().Message(1, new ProtoWriter().String(2, "N"));
        // None (an unknown number of steps) is a symbolic dimension.
        foreach (int d in sampleShape) shape.Message(1, d < 0 ? new ProtoWriter().String(2, "steps") : new ProtoWriter().Int(1, d));
        var tensorType = new ProtoWriter().Int(1, Float).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
