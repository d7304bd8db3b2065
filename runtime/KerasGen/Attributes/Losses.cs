namespace KerasGen;

/// <summary>Keras loss identifiers, spelled as Keras spells them.</summary>
public static class Losses
{
    public const string MeanSquaredError = "mean_squared_error";
    public const string MeanAbsoluteError = "mean_absolute_error";
    public const string MeanAbsolutePercentageError = "mean_absolute_percentage_error";
    public const string MeanSquaredLogarithmicError = "mean_squared_logarithmic_error";
    public const string BinaryCrossentropy = "binary_crossentropy";
    public const string CategoricalCrossentropy = "categorical_crossentropy";
    public const string SparseCategoricalCrossentropy = "sparse_categorical_crossentropy";
    public const string Huber = "huber";
    public const string LogCosh = "log_cosh";
    public const string Hinge = "hinge";
    public const string SquaredHinge = "squared_hinge";
    public const string CategoricalHinge = "categorical_hinge";
    public const string KLDivergence = "kl_divergence";
    public const string Poisson = "poisson";
    public const string CosineSimilarity = "cosine_similarity";
}
