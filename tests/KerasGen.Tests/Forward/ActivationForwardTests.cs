using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>Every Keras 3 activation against TF.js-computed reference values (Fixtures/activations.json), as an
/// Activation layer and fused into Dense, on every kernel path.</summary>
public class ActivationForwardTests
{
    private static readonly System.Text.Json.JsonElement Reference = Fixture.Load("activations.json");

    public static IEnumerable<object[]> Cases() =>
        from name in ActivationModels.ByName.Keys.Concat(ActivationModels.Parameterized.Keys)
        from path in new[] { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar }
        from fused in new[] { false, true }
        select new object[] { name, path, fused };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_reference(string name, KernelPath path, bool fused)
    {
        var (x, expected) = ReferenceValues(name);
        var factory = ActivationModels.ByName.TryGetValue(name, out var plain) ? plain : ActivationModels.Parameterized[name];
        var model = fused ? factory.Fused() : factory.Layer();
        var y = ModelRunner.Predict(model, x, expected.Length, path);
        Tolerance.AssertKeras(expected, y, $"{name} ({(fused ? "fused in Dense" : "Activation layer")}, {path})");
    }

    private static (float[] X, float[] Expected) ReferenceValues(string name)
    {
        var rows = Reference.GetProperty("rows");
        if (name == "glu") return (rows.GetProperty("glu").GetProperty("x").Floats(), rows.GetProperty("glu").GetProperty("y").Floats());
        if (Reference.GetProperty("parameterized").TryGetProperty(name, out var parameterized)) return (Reference.GetProperty("x").Floats(), parameterized.Floats());
        if (rows.TryGetProperty(name, out var rowValues)) return (rows.GetProperty("x").Floats(), rowValues.Floats());
        return (Reference.GetProperty("x").Floats(), Reference.GetProperty("elementwise").GetProperty(name).Floats());
    }

    [Fact]
    public void Every_catalog_activation_has_a_reference_case()
    {
        var covered = ActivationModels.ByName.Keys.ToHashSet();
        var catalog = typeof(Activations).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        var missing = catalog.Where(n => !covered.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "No reference case for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Gelu_approximate_matches_reference()
    {
        var x = Reference.GetProperty("x").Floats();
        var expected = Reference.GetProperty("elementwise").GetProperty("gelu_approximate").Floats();
        var y = x.Select(v => KerasGen.Kernels.Activation<float, KerasGen.Kernels.SimdScalar>.GeluApproximate(v)).ToArray();
        Tolerance.AssertKeras(expected, y, "gelu(approximate=True)");
    }
}
