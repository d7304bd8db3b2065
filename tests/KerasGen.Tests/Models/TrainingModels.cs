using System;
using System.Collections.Generic;

namespace KerasGen.Tests.Models;

// The models of Fixtures/training.json (TF.js 4.22.0), with the same optimizers and hyperparameters.

[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainSgdMse;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.1, Momentum = 0.9)]
public partial class TrainMomentumMse;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.1, Momentum = 0.9, Nesterov = true)]
public partial class TrainNesterovMse;
[Sequential, Dense(6, InputDim = 4, Activation = "relu"), Dense(1, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "adam", LearningRate = 0.01)]
public partial class TrainAdamBce;
[Sequential, Dense(5, InputDim = 4, Activation = "relu"), Dense(3, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "rmsprop", LearningRate = 0.01)]
public partial class TrainRmspropCce;
[Sequential, Dense(5, InputDim = 4, Activation = "relu"), Dense(2), Compile(Loss = "mean_absolute_error", Optimizer = "adagrad", LearningRate = 0.1)]
public partial class TrainAdagradMae;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(2), Compile(Loss = "huber", Optimizer = "adamax", LearningRate = 0.01)]
public partial class TrainAdamaxHuber;
[Sequential, Dense(5, InputDim = 4, Activation = "relu"), Dense(3, Activation = "softmax"), Compile(Loss = "sparse_categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainSgdSparseCce;
[Sequential, Dense(3, InputDim = 4), Dense(2, Activation = "softplus"), Compile(Loss = "poisson", Optimizer = "sgd", LearningRate = 0.05)]
public partial class TrainSgdPoisson;
[Sequential, Dense(5, InputDim = 4, Activation = "relu"), Dense(3, Activation = "softmax"), Compile(Loss = "kl_divergence", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainSgdKld;
[Sequential, Dense(5, InputDim = 4, Activation = "tanh"), Dense(1, Activation = "tanh"), Compile(Loss = "hinge", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainSgdHinge;
[Sequential, Dense(5, InputShape = new[] { 3, 4 }, Activation = "relu"), Flatten, Dense(2), Compile(Loss = "mean_squared_error", Optimizer = "sgd", LearningRate = 0.1)]
public partial class TrainSgdPerStep;
[Sequential, Dense(12, InputDim = 8, Activation = "relu"), Dense(8, Activation = "relu"), Dense(1, Activation = "sigmoid"), Compile(Loss = "binary_crossentropy", Optimizer = "adam", Metrics = new[] { "accuracy" })]
public partial class TrainPima;

/// <summary>Fit behaviour: dropout, metrics, a small batch buffer so Fit's batches are processed in chunks.</summary>
[Sequential, Dense(16, InputDim = 4, Activation = "relu"), Dropout(0.25), Dense(3, Activation = "softmax"),
 Compile(Loss = "sparse_categorical_crossentropy", Optimizer = "adam", LearningRate = 0.01, Metrics = new[] { "accuracy" }, MaxBatchSize = 8)]
public partial class IrisLike;

[Sequential, Dense(512, InputDim = 784, Activation = "relu"), Dense(256, Activation = "relu"), Dense(10, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.01)]
public partial class MnistMlpTrainable;

internal static class TrainingModels
{
    public static readonly Dictionary<string, Func<ITrainableModel>> ByFixture = new()
    {
        ["sgd_mse"] = () => new TrainSgdMse(1),
        ["momentum_mse"] = () => new TrainMomentumMse(1),
        ["nesterov_mse"] = () => new TrainNesterovMse(1),
        ["adam_bce"] = () => new TrainAdamBce(1),
        ["rmsprop_cce"] = () => new TrainRmspropCce(1),
        ["adagrad_mae"] = () => new TrainAdagradMae(1),
        ["adamax_huber"] = () => new TrainAdamaxHuber(1),
        ["sgd_sparse_cce"] = () => new TrainSgdSparseCce(1),
        ["sgd_poisson"] = () => new TrainSgdPoisson(1),
        ["sgd_kld"] = () => new TrainSgdKld(1),
        ["sgd_hinge"] = () => new TrainSgdHinge(1),
        ["sgd_per_step"] = () => new TrainSgdPerStep(1),
        ["pima_adam_long_run"] = () => new TrainPima(1),
    };
}

/// <summary><see cref="IrisLike"/> with buffers for 32 samples: the same training in one chunk.</summary>
[Sequential, Dense(16, InputDim = 4, Activation = "relu"), Dropout(0.25), Dense(3, Activation = "softmax"),
 Compile(Loss = "sparse_categorical_crossentropy", Optimizer = "adam", LearningRate = 0.01, Metrics = new[] { "accuracy" })]
public partial class IrisLikeOneChunk;

/// <summary>A learning rate no model survives: training diverges within a few steps.</summary>
[Sequential, Dense(8, InputDim = 4, Activation = "relu"), Dense(1), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 1e20)]
public partial class Diverging;

/// <summary>More classes than fit a stack buffer: the crossentropy's per-row scratch must not allocate.</summary>
[Sequential, Dense(300, InputDim = 4, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
public partial class ManyClasses;

// Gradient clipping through [Compile] (SGD with lr 1, so a step is minus the clipped gradient).
[Sequential, Dense(6, InputDim = 4, Activation = "tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 1, ClipNorm = 1e-3)]
public partial class ClipNormNet;
[Sequential, Dense(6, InputDim = 4, Activation = "tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 1, ClipValue = 1e-4)]
public partial class ClipValueNet;
[Sequential, Dense(6, InputDim = 4, Activation = "tanh"), Dense(3), Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 1, GlobalClipNorm = 1e-3)]
public partial class GlobalClipNormNet;
