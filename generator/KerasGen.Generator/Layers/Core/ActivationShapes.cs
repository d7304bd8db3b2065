using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Layers.Core;

/// <summary>What an activation does to a shape: glu halves the last axis; every other activation keeps it.</summary>
internal static class ActivationShapes
{
    public static List<int>? Apply(string activation, List<int> shape, LayerDiagnostics diagnostics, string argument)
    {
        if (!ActivationCatalog.TryGet(activation, out _, out var kind) || kind != ActivationShape.Halving) return shape;
        int last = shape[shape.Count - 1];
        if (last % 2 != 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidSize, $"glu splits the last axis in two halves, but it has odd length {last} in {ShapeMath.Keras(shape)}", argument);
            return null;
        }
        return shape.Take(shape.Count - 1).Append(last / 2).ToList();
    }
}
