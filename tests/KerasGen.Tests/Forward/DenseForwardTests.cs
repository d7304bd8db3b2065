using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>Dense layers and whole models against TF.js forward passes with the same weights
/// (Fixtures/dense.json, Fixtures/models.json), on every kernel path.</summary>
public class DenseForwardTests
{
    private static readonly System.Text.Json.JsonElement DenseCases = Fixture.Load("dense.json");
    private static readonly System.Text.Json.JsonElement ModelCases = Fixture.Load("models.json");

    private static readonly Dictionary<string, Func<IModel>> DenseModels = new()
    {
        ["pima_first"] = () => new DensePimaFirst(),
        ["odd_sigmoid"] = () => new DenseOddSigmoid(),
        ["wide_tanh"] = () => new DenseWideTanh(),
        ["per_step"] = () => new DensePerStep(),
        ["softmax10"] = () => new DenseSoftmax10(),
        ["no_bias"] = () => new DenseNoBias(),
        ["big"] = () => new DenseBig(),
        ["tiny"] = () => new DenseTiny(),
        ["per_step_softmax"] = () => new DensePerStepSoftmax(),
    };

    private static readonly Dictionary<string, Func<IModel>> Models = new()
    {
        ["flatten_example"] = () => new FlattenExample(),
        ["per_step"] = () => new PerStep(),
        ["pima"] = () => new PimaModel(),
        ["reshape_chain"] = () => new ReshapeChain(),
        ["dropout_inference"] = () => new DropoutInference(),
        ["activation_layers"] = () => new ActivationLayers(),
    };

    public static IEnumerable<object[]> DenseCaseNames() =>
        from name in DenseModels.Keys from path in Paths select new object[] { name, path };

    public static IEnumerable<object[]> ModelNames() =>
        from name in Models.Keys from path in Paths select new object[] { name, path };

    private static readonly KernelPath[] Paths = { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar };

    [Theory]
    [MemberData(nameof(DenseCaseNames))]
    public void Dense_matches_tfjs(string name, KernelPath path)
    {
        var c = Fixture.Case(DenseCases, "cases", name);
        var model = DenseModels[name]();
        var weights = new List<float[]> { c.GetProperty("kernel").Floats() };
        if (c.GetProperty("use_bias").GetBoolean()) weights.Add(c.GetProperty("bias").Floats());
        model.SetWeights(weights);
        var expected = c.GetProperty("y").Floats();
        var y = ModelRunner.Predict(model, c.GetProperty("x").Floats(), expected.Length, path);
        Tolerance.AssertKeras(expected, y, $"{name} on {path}");
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Model_matches_tfjs(string name, KernelPath path)
    {
        var c = Fixture.Case(ModelCases, "models", name);
        var model = Models[name]();
        model.SetWeights(c.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("values").Floats()).ToList());
        var expected = c.GetProperty("y").Floats();
        var y = ModelRunner.Predict(model, c.GetProperty("x").Floats(), expected.Length, path);
        Tolerance.AssertKeras(expected, y, $"{name} on {path}");
    }

    [Fact]
    public void Fixture_shapes_match_the_declared_models()
    {
        foreach (var name in Models.Keys)
        {
            var c = Fixture.Case(ModelCases, "models", name);
            var model = Models[name]();
            var shapes = c.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("shape").Ints().Aggregate(1, (a, b) => a * b));
            Assert.Equal(shapes, model.GetWeights().Select(w => w.Length));
        }
    }
}
