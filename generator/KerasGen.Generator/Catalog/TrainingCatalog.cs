using System.Collections.Generic;

namespace KerasGen.Generator.Catalog;

/// <summary>The losses, optimizers and metrics <c>[Compile]</c> accepts (KERAS_SPEC §4, §5, §7.2), mapped to the
/// canonical ids the runtime implements. Mirrors runtime/KerasGen/Training (the generator cannot reference it).</summary>
internal static class TrainingCatalog
{
    public static readonly Dictionary<string, string> Losses = new()
    {
        ["mean_squared_error"] = "mean_squared_error", ["mse"] = "mean_squared_error", ["MSE"] = "mean_squared_error",
        ["mean_absolute_error"] = "mean_absolute_error", ["mae"] = "mean_absolute_error", ["MAE"] = "mean_absolute_error",
        ["mean_absolute_percentage_error"] = "mean_absolute_percentage_error", ["mape"] = "mean_absolute_percentage_error", ["MAPE"] = "mean_absolute_percentage_error",
        ["mean_squared_logarithmic_error"] = "mean_squared_logarithmic_error", ["msle"] = "mean_squared_logarithmic_error", ["MSLE"] = "mean_squared_logarithmic_error",
        ["binary_crossentropy"] = "binary_crossentropy",
        ["categorical_crossentropy"] = "categorical_crossentropy",
        ["sparse_categorical_crossentropy"] = "sparse_categorical_crossentropy",
        ["huber"] = "huber",
        ["log_cosh"] = "log_cosh", ["logcosh"] = "log_cosh",
        ["hinge"] = "hinge",
        ["squared_hinge"] = "squared_hinge",
        ["categorical_hinge"] = "categorical_hinge",
        ["kl_divergence"] = "kl_divergence", ["kld"] = "kl_divergence", ["KLD"] = "kl_divergence", ["kullback_leibler_divergence"] = "kl_divergence",
        ["poisson"] = "poisson",
        ["cosine_similarity"] = "cosine_similarity",
    };

    public static readonly Dictionary<string, string> Optimizers = new()
    {
        ["sgd"] = "sgd", ["SGD"] = "sgd",
        ["adam"] = "adam", ["Adam"] = "adam",
        ["adamw"] = "adamw", ["AdamW"] = "adamw",
        ["rmsprop"] = "rmsprop", ["RMSprop"] = "rmsprop",
        ["adagrad"] = "adagrad", ["Adagrad"] = "adagrad",
        ["adadelta"] = "adadelta", ["Adadelta"] = "adadelta",
        ["adamax"] = "adamax", ["Adamax"] = "adamax",
        ["nadam"] = "nadam", ["Nadam"] = "nadam",
    };

    public static readonly string[] Metrics =
    {
        "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
        "mae", "mean_absolute_error", "mse", "mean_squared_error",
    };
}
