namespace KerasGen.Generator.Layers;

/// <summary>
/// A weighted layer's regularizers and constraints (KERAS_SPEC §6), as canonical texts (null: none). Keras 3 divides
/// the activity penalty by the batch size; Keras 1 sums it over the batch: <see cref="Keras1"/> when the layer is
/// written in Keras 1's form (a Keras 1 attribute, or the <c>WRegularizer</c>/<c>BRegularizer</c>/<c>WConstraint</c>/
/// <c>BConstraint</c> names), which also selects Keras 1's identifiers (<c>"l1l2"</c> is 0.01 + 0.01 there, 0 + 0 in
/// Keras 3).
/// </summary>
internal sealed record Regularization(string? Kernel, string? Bias, string? Activity, string? KernelConstraint, string? BiasConstraint, bool Keras1)
{
    public static readonly Regularization None = new(null, null, null, null, null, false);

    /// <summary>Reads the five arguments (Keras 3 names and Keras 1 aliases) of a Dense or convolution attribute whose
    /// kernel has <paramref name="kernelRank"/> axes (the bias has one).</summary>
    public static Regularization Parse(LayerArguments a, bool keras1Attribute, int kernelRank)
    {
        bool keras1 = keras1Attribute || a.Find("WRegularizer", "BRegularizer", "WConstraint", "BConstraint").Argument is not null;
        return new Regularization(
            a.Regularizer(keras1, "KernelRegularizer", "WRegularizer"),
            a.Regularizer(keras1, "BiasRegularizer", "BRegularizer"),
            a.Regularizer(keras1, "ActivityRegularizer"),
            a.Constraint(kernelRank, "KernelConstraint", "WConstraint"),
            a.Constraint(1, "BiasConstraint", "BConstraint"),
            keras1);
    }
}
