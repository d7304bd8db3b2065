using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Generator.Shapes;

internal static class ShapeMath
{
    /// <summary>Dimension value that stands for Keras' None.</summary>
    public const int None = -1;

    /// <summary>The product of dimensions that are known to fit an int (checked by shape inference in long first).</summary>
    public static int Product(IEnumerable<int> dims) => checked((int)LongProduct(dims));

    /// <summary>The product in long, saturating at long.MaxValue, so no shape can wrap before it is checked.</summary>
    public static long LongProduct(IEnumerable<int> dims)
    {
        long product = 1;
        foreach (int d in dims)
            product = d > 0 && product > long.MaxValue / d ? long.MaxValue : product * d;
        return product;
    }

    /// <summary>Keras' tuple with the batch axis first: (None, 5, 16).</summary>
    public static string Keras(IEnumerable<int> sampleShape) => "(None" + string.Concat(sampleShape.Select(d => ", " + Dim(d))) + ")";

    /// <summary>A Keras tuple without the batch axis: (12,) or (3, 4).</summary>
    public static string Tuple(IReadOnlyList<int> dims) => dims.Count == 1 ? $"({Dim(dims[0])},)" : "(" + string.Join(", ", dims.Select(Dim)) + ")";

    private static string Dim(int d) => d == None ? "None" : d.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
