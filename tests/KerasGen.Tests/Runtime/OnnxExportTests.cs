using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Export;
using KerasGen.Tests.Forward;
using KerasGen.Tests.Support;
using KerasGen.Weights;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>Exported models run in ONNX Runtime and give KerasGen's outputs: every conv and pooling fixture model (both
/// data formats, causal and full padding, strides, dilation) with their TF.js weights.</summary>
public class OnnxExportTests
{
    private static readonly System.Text.Json.JsonElement Cases = Fixture.Load("conv.json");

    public static IEnumerable<object[]> ConvCases() => ConvForwardTests.Models.Keys.Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(ConvCases))]
    public void Onnx_runtime_runs_the_exported_model_to_kerasgens_outputs(string name)
    {
        var c = Fixture.Case(Cases, "cases", name);
        var model = ConvForwardTests.Models[name]();
        model.SetWeights(c.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("values").Floats()).ToList());
        float[] x = c.GetProperty("x").Floats(), expected = new float[c.GetProperty("y").GetArrayLength()];
        model.Predict(x, expected);
        var layers = ((IWeightLayout)model).Layers;
        using var session = new InferenceSession(OnnxExporter.ToBytes(model));
        var input = new DenseTensor<float>(x, new[] { 5 }.Concat(layers[0].InputShape).ToArray());
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("input", input) });
        var actual = results.Single().AsEnumerable<float>().ToArray();
        Tolerance.AssertClose(expected, actual, 1e-5, 1e-4, name);
    }
}
