using System.Collections.Generic;
using System.Linq;

namespace KerasGen.Tests.Support;

internal static class ModelRunner
{
    /// <summary>Every kernel path, Auto included: each must give Keras' values on any machine.</summary>
    public static IEnumerable<object[]> Paths() =>
        new[] { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar }
            .Select(p => new object[] { p });

    public static float[] Predict(IModel model, float[] x, int outputLength, KernelPath path)
    {
        var y = new float[outputLength];
        model.Predict(x, y, path);
        return y;
    }
}
