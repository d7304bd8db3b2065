using KerasGen.Generator.Catalog;

namespace KerasGen.Generator.Layers;

/// <summary>
/// A weighted layer's regularizers and constraints (KERAS_SPEC §6), as canonical texts (null: none). Keras 3 divides
/// the activity penalty by the batch size; Keras 1 sums it over the batch: <see cref="Keras1"/> when the layer is
/// written in Keras 1's form (a Keras 1 attribute, or the <c>WRegularizer</c>/<c>BRegularizer</c>/<c>WConstraint</c>/
/// names), which also selects Keras 1's identifiers (<c>"l1l2"</c> is 0.01 + 0.01 there, 0 + 0 in
/// Keras 3).
/// </summary>
internal sealed record Regularization(string? Kernel, string? Bias, string? Activity, string? KernelConstraint, string? BiasConstraint, bool Keras1)
{
    public static readonly Regularization None = new(null, null, null, null, null, false);

    /// <summary>Reads the five arguments (Keras 3 names and Keras 1 aliases) of a Dense or convolution attribute whose
    /// kernel has <paramref name="kernelRank"/> axes (the bias has one). Keras 1's regularizer names
    /// (<c>WRegularizer</c>, <c>BRegularizer</c>) or a Keras 1 attribute select Keras 1's identifiers; a name only Keras 1
    /// has (<c>activity_l2</c>) means Keras 1 wherever it is written, and so does its activity penalty.
    /// <paramref name="keras1KernelAxes"/> maps a Keras 1 convolution's kernel axes onto Keras 3's layout.</summary>
    public static Regularization Parse(LayerArguments a, bool keras1Attribute, int kernelRank, int[]? keras1KernelAxes = null)
    {
        bool keras1 = keras1Attribute || a.Find("WRegularizer", "BRegularizer").Argument is not null;
        string? Read(params string[] names)
        {
            var (text, _) = a.String(names);
            return a.Regularizer(keras1 || text is not null && RegularizerCatalog.IsKeras1Only(text), names);
        }
        var (activityText, _) = a.String("ActivityRegularizer");
        return new Regularization(
            Read("KernelRegularizer", "WRegularizer"),
            Read("BiasRegularizer", "BRegularizer"),
            Read("ActivityRegularizer"),
            a.Constraint(kernelRank, keras1KernelAxes, "KernelConstraint", "WConstraint"),
            a.Constraint(1, "BiasConstraint", "BConstraint"),
            keras1 || activityText is not null && RegularizerCatalog.IsKeras1Only(activityText));
    }
}
