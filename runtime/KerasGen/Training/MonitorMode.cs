using System;

namespace KerasGen.Training;

/// <summary>Whether a monitored quantity should go down or up (Keras' <c>mode</c>).</summary>
public enum MonitorMode
{
    Auto,
    Min,
    Max,
}

internal static class Monitor
{
    /// <summary>Keras' "auto": losses and errors go down, accuracies up; anything else must be told.</summary>
    public static MonitorMode Resolve(MonitorMode mode, string monitor, string callback)
    {
        if (mode != MonitorMode.Auto) return mode;
        string name = monitor.StartsWith("val_", StringComparison.Ordinal) ? monitor[4..] : monitor;
        if (name.EndsWith("loss", StringComparison.Ordinal) || name is "mae" or "mse" or "mean_absolute_error" or "mean_squared_error") return MonitorMode.Min;
        if (name.Contains("acc", StringComparison.Ordinal)) return MonitorMode.Max;
        throw new ArgumentException(
            $"{callback} callback received monitor={monitor}, but Keras isn't able to automatically determine whether that metric should be maximized or minimized. Pass `mode='max'` in order to monitor based on the highest metric value, or pass `mode='min'` in order to use the lowest value.");
    }

    public static double? Find(System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, double>> logs, string key)
    {
        foreach (var (k, v) in logs) if (k == key) return v;
        return null;
    }
}
