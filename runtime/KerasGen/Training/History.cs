using System.Collections.Generic;

namespace KerasGen.Training;

/// <summary>Keras' <c>History</c>: per epoch the loss, the metrics and their <c>val_</c> counterparts, in Keras' key
/// order (loss, metrics, then val_loss, val_metrics).</summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = new();
    private readonly List<string> _keys = new();

    /// <summary>Keras <c>history.epoch</c>: the indices of the epochs run (0-based).</summary>
    public List<int> Epoch { get; } = new();

    /// <summary>The keys in Keras' order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Keras <c>history.history[key]</c>.</summary>
    public IReadOnlyList<double> this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    internal void Add(int epoch, IReadOnlyList<KeyValuePair<string, double>> logs)
    {
        Epoch.Add(epoch);
        foreach (var (key, value) in logs)
        {
            if (!_values.TryGetValue(key, out var list))
            {
                _values[key] = list = new List<double>();
                _keys.Add(key);
            }
            list.Add(value);
        }
    }
}
