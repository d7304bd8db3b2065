using KerasGen;

namespace KerasGen.Tests.Models;

// Models with enough multiply-adds per sample that a batch of a few dozen is cut across cores
// (Parallelism.MinMultiplyAddsPerChunk), and training buffers smaller than the batches, so each chunk runs in pieces.

/// <summary>~100 k multiply-adds per sample: Predict chunks from 10 samples each, training from 4.</summary>
[Sequential, Dense(256, InputDim = 128, Activation = "relu"), Dense(256, Activation = "relu"), Dense(10, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.05, Metrics = new[] { "accuracy" }, MaxBatchSize = 16)]
public partial class ParallelMlp;

/// <summary>Dropout (a random stream per chunk) and an activity regularizer (a penalty per chunk).</summary>
[Sequential, Dense(64, InputDim = 512, Activation = "relu", ActivityRegularizer = "l2"), Dropout(0.3), Dense(4, Activation = "sigmoid"),
 Compile(Loss = "binary_crossentropy", Optimizer = "adam", Metrics = new[] { "accuracy" }, MaxBatchSize = 8)]
public partial class ParallelDropoutNet;

/// <summary>A convolution's training memory (im2col scratch) per chunk.</summary>
[Sequential, Conv1D(16, 3, Activation = "relu", InputShape = new[] { 64, 8 }), Flatten, Dense(3, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "rmsprop", MaxBatchSize = 16)]
public partial class ParallelConvNet;

/// <summary>BatchNormalization: a training batch is normalized whole, so it is never cut across cores.</summary>
[Sequential, Dense(256, InputDim = 256), BatchNormalization, Activation("relu"), Dense(2),
 Compile(Loss = "mse", Optimizer = "sgd", LearningRate = 0.1, MaxBatchSize = 64)]
public partial class ParallelBatchNormNet;

/// <summary>Every weighted layer a Dense (~87 k multiply-adds per sample), so training cuts the weight gradient by
/// rows (IRowSplitGradients): a bias-free layer, a kernel regularizer, AdamW's decoupled decay. (No Dropout: each
/// chunk draws its own stream, so dropout's bits depend on the core count.)</summary>
[Sequential, Dense(257, InputDim = 300, Activation = "relu", KernelRegularizer = "l2(0.001)"), Dense(35, Activation = "tanh", UseBias = false),
 Dense(11, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "adamw", LearningRate = 0.01)]
public partial class RowSplitNet;

/// <summary>The row split with clipping (the optimizer then steps on the calling thread) and Nesterov momentum.</summary>
[Sequential, Dense(200, InputDim = 400, Activation = "relu"), Dense(3, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "sgd", LearningRate = 0.05, Momentum = 0.9, Nesterov = true, ClipNorm = 0.5)]
public partial class RowSplitClippedNet;

/// <summary>The row split with nothing between the gradient and the update (no regularizer, no clipping): each part of
/// the weights is stepped right after its gradient is summed, in the same work (ChunkedBatch.Run with a step).</summary>
[Sequential, Dense(96, InputDim = 300, Activation = "relu"), Dense(40, Activation = "tanh", UseBias = false),
 Dense(11, Activation = "softmax"), Compile(Loss = "categorical_crossentropy", Optimizer = "adam", LearningRate = 0.01)]
public partial class RowSplitFusedNet;

/// <summary>The row split through a Dense on a (steps, features) input: 8 rows of the kernel product per sample.</summary>
[Sequential, Dense(128, InputShape = new[] { 8, 100 }, Activation = "relu"), Flatten, Dense(5, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "nadam")]
public partial class RowSplitStepsNet;

/// <summary>A Dense model with Dropout: its weight gradient is cut by rows, but each chunk draws its own masks, so its
/// bits depend on the chunk count and the trainer never chooses the count by timing.</summary>
[Sequential, Dense(64, InputDim = 300, Activation = "relu"), Dropout(0.2), Dense(11, Activation = "softmax"),
 Compile(Loss = "categorical_crossentropy", Optimizer = "sgd")]
public partial class RowSplitDropoutNet;
