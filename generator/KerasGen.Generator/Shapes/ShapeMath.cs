using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Shapes;

internal static class ShapeMath
{
    public static int Product(IEnumerable<int> dims) => dims.Aggregate(1, (a, b) => a * b);

    public static long LongProduct(IEnumerable<int> dims) => dims.Aggregate(1L, (a, b) => a * b);

    /// <summary>Keras' tuple with the batch axis first: (None, 5, 16).</summary>
    public static string Keras(IEnumerable<int> sampleShape) => "(None" + string.Concat(sampleShape.Select(d => ", " + d)) + ")";

    /// <summary>A Keras tuple without the batch axis: (12,) or (3, 4).</summary>
    public static string Tuple(IReadOnlyList<int> dims) => dims.Count == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims) + ")";
}
