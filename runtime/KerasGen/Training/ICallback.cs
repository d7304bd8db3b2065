using System.Collections.Generic;

namespace KerasGen.Training;

/// <summary>What a callback sees of the model being trained.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(IModel model, int epochs, int steps) => (Model, Epochs, Steps) = (model, epochs, steps);

    public IModel Model { get; }

    public int Epochs { get; }

    /// <summary>Batches per epoch.</summary>
    public int Steps { get; }

    /// <summary>Keras <c>model.stop_training</c>: set it to end training after the current epoch.</summary>
    public bool StopTraining { get; set; }
}

/// <summary>
/// Keras callbacks: hooks <c>Fit</c> calls in Keras' order (train begin, per epoch begin, per batch end, per epoch end
/// with the epoch's logs, train end). Implement only the hooks you need. Logs are (key, value) pairs in Keras' order.
/// </summary>
public interface ICallback
{
    void OnTrainBegin(TrainingContext context) { }

    void OnEpochBegin(TrainingContext context, int epoch) { }

    void OnTrainBatchEnd(TrainingContext context, int batch, IReadOnlyList<KeyValuePair<string, double>> logs) { }

    void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs) { }

    void OnTrainEnd(TrainingContext context) { }
}
