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

    [Fact]
    public void A_model_with_unknown_steps_exports_them_as_a_symbolic_dimension()
    {
        // StepsKeras1Seed has `same` padding with strides 2, whose pads depend on the length: ONNX's SAME_UPPER.
        var seed = new KerasGen.Tests.Models.StepsKeras1Seed(5);
        var stack = new KerasGen.Tests.Models.StepsConvPoolDense(5);
        Check(stack, 5, KerasGen.Tests.Models.StepsConvPoolDense.OutputSizeFor, (x, y, steps) => stack.Predict(x, y, steps));
        Check(seed, 4, KerasGen.Tests.Models.StepsKeras1Seed.OutputSizeFor, (x, y, steps) => seed.Predict(x, y, steps));

        static void Check(IModel model, int channels, Func<int, int> outputSize, Action<float[], float[], int> predict)
        {
            using var session = new InferenceSession(OnnxExporter.ToBytes(model));
            foreach (int steps in new[] { 4, 19, 20 })
            {
                var x = Enumerable.Range(0, steps * channels).Select(i => MathF.Sin(i * 0.37f)).ToArray();
                var expected = new float[outputSize(steps)];
                predict(x, expected, steps);
                var input = new DenseTensor<float>(x, new[] { 1, steps, channels });
                using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("input", input) });
                Tolerance.AssertClose(expected, results.Single().AsEnumerable<float>().ToArray(), 1e-5, 1e-4, $"{model.GetType().Name}, {steps} steps");
            }
        }
    }
}
