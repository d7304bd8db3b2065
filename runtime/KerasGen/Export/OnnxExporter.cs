using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using KerasGen.Weights;

namespace KerasGen.Export;

/// <summary>
/// Writes a generated model and its current weights as an ONNX model (opset 13): Dense → MatMul (+ Add) with the
/// activation as its ONNX operator, Flatten → Flatten, Reshape → Reshape, Dropout → nothing (inference). The input is
/// "input" with a symbolic batch axis "N", the output "output". Activations without an ONNX operator of the same
/// definition throw <see cref="NotSupportedException"/> naming the layer.
/// </summary>
public static class OnnxExporter
{
    private const int Float = 1, Int64 = 7;
    private const int AttributeFloat = 1, AttributeInt = 2;

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
                    graph.Message(5, new ProtoWriter().Int(1, target.Length).Int(2, Int64).String(8, shapeName).Bytes(9, MemoryMarshal.AsBytes(target.AsSpan())));
                    graph.Message(1, Node("Reshape", layer.Name, new[] { current, shapeName }, reshaped));
                    current = reshaped;
                    break;
                }
                case "Dropout":
                    break;
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

    private static string Activation(ProtoWriter graph, LayerDescription layer, string input, Func<string, string> next)
    {
        if (layer.Activation == "linear") return input;
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

    private static ProtoWriter Node(string op, string name, string[] inputs, string output, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs) node.String(1, input);
        node.String(2, output).String(3, name).String(4, op);
        foreach (var attribute in attributes) node.Message(5, attribute);
        return node;
    }

    private static ProtoWriter Attribute(string name, long value) => new ProtoWriter().String(1, name).Int(3, value).Int(20, AttributeInt);

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
        foreach (int d in sampleShape) shape.Message(1, new ProtoWriter().Int(1, d));
        var tensorType = new ProtoWriter().Int(1, Float).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
