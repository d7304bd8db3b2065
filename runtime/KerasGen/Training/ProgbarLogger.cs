using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace KerasGen.Training;

/// <summary>
/// Keras 3's progress output (KERAS_SPEC §7.4), byte for byte: <c>Epoch e/E</c> when there is more than one epoch,
/// then a bar redrawn in place (backspaces + carriage return, 0.05 s throttle, final update always) with bold counts,
/// a green/white bar of 20 cells, ETA or elapsed time, time per step and the logs. <c>verbose: 2</c> prints one plain
/// line per epoch. When the output is not a terminal the bar degrades to plain lines: each update on its own line,
/// without ANSI styles.
/// </summary>
public sealed class ProgbarLogger : ICallback
{
    private const int Width = 20;
    private readonly TextWriter _output;
    private readonly Func<double> _clock;
    private readonly bool _dynamic;
    private int _verbose, _epochs, _target;
    private double _start, _lastUpdate;
    private double? _afterFirstStep;
    private int _previousWidth;

    /// <param name="verbose">1: the bar; 2: one line per epoch.</param>
    /// <param name="output">Where to write (default: the console).</param>
    /// <param name="clock">Seconds from an arbitrary origin (default: a stopwatch); tests pass a fake.</param>
    /// <param name="dynamicDisplay">Redraw in place (default: when the console is not redirected).</param>
    public ProgbarLogger(int verbose = 1, TextWriter? output = null, Func<double>? clock = null, bool? dynamicDisplay = null)
    {
        _verbose = verbose;
        _output = output ?? Console.Out;
        var stopwatch = Stopwatch.StartNew();
        _clock = clock ?? (() => stopwatch.Elapsed.TotalSeconds);
        _dynamic = dynamicDisplay ?? (output is null && !Console.IsOutputRedirected);
    }

    internal int Verbose { set => _verbose = value; }

    public void OnTrainBegin(TrainingContext context) => (_epochs, _target) = (context.Epochs, context.Steps);

    public void OnEpochBegin(TrainingContext context, int epoch)
    {
        (_start, _lastUpdate, _afterFirstStep, _previousWidth) = (_clock(), double.NegativeInfinity, null, 0);
        if (_verbose != 0 && _epochs > 1) _output.Write($"Epoch {epoch + 1}/{_epochs}\n");
    }

    public void OnTrainBatchEnd(TrainingContext context, int batch, IReadOnlyList<KeyValuePair<string, double>> logs) => Update(batch + 1, logs, finalize: false);

    public void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyList<KeyValuePair<string, double>> logs) => Update(_target, logs, finalize: true);

    private void Update(int current, IReadOnlyList<KeyValuePair<string, double>> logs, bool finalize)
    {
        double now = _clock();
        double perStep = StepDuration(current, now);
        if (_verbose == 1)
        {
            if (now - _lastUpdate < 0.05 && !finalize) return;
            var message = new StringBuilder();
            message.Append(_dynamic ? new string('\b', _previousWidth) + "\r" : "\n");
            int digits = (int)Math.Floor(Math.Log10(_target)) + 1;
            string count = current.ToString(CultureInfo.InvariantCulture).PadLeft(digits) + "/" + _target.ToString(CultureInfo.InvariantCulture);
            int filled = (int)(Width * (double)current / _target);
            var bar = new StringBuilder(Style("1", count) + " ");
            if (filled > 0) bar.Append(Style("32", new string('━', filled)));
            bar.Append(Style("37", new string('━', Width - filled)));
            int visible = count.Length + 1 + Width;
            string time = finalize ? Round(now - _start) + "s" : Eta(perStep * (_target - current));
            var info = new StringBuilder(" " + Style("1", time) + StepTime(perStep));
            visible += 1 + time.Length + StepTime(perStep).Length;
            foreach (var (key, value) in logs)
            {
                string item = $" - {key}: {(Math.Abs(value) > 1e-3 ? Fixed4(value) : Exponent4(value))}";
                info.Append(item);
                visible += item.Length;
            }
            if (_previousWidth > visible) info.Append(' ', _previousWidth - visible);
            if (finalize) info.Append('\n');
            _output.Write(message.Append(bar).Append(info).ToString());
            _output.Flush();
            _previousWidth = visible;
        }
        else if (_verbose == 2 && finalize)
        {
            int digits = (int)Math.Floor(Math.Log10(_target)) + 1;
            var line = new StringBuilder($"{current.ToString(CultureInfo.InvariantCulture).PadLeft(digits)}/{_target} - {Round(now - _start)}s -{StepTime(perStep)}");
            foreach (var (key, value) in logs) line.Append($" - {key}: {(value > 1e-3 ? Fixed4(value) : Exponent4(value))}");
            _output.Write(line.Append('\n').ToString());
            _output.Flush();
        }
        _lastUpdate = now;
    }

    /// <summary>Keras: after the first (compile-heavy) step, the mean over the later steps.</summary>
    private double StepDuration(int current, double now)
    {
        if (current == 0) return 0;
        double perStep = _afterFirstStep is double first && current > 1 ? (now - first) / (current - 1) : (now - _start) / current;
        if (current == 1) _afterFirstStep = now;
        return perStep;
    }

    private string Style(string code, string text) => _dynamic ? $"\u001b[{code}m{text}\u001b[0m" : text;

    private static string StepTime(double seconds) =>
        seconds >= 1 || seconds == 0 ? $" {Round(seconds)}s/step" :
        seconds >= 1e-3 ? $" {Round(seconds * 1e3)}ms/step" :
        $" {Round(seconds * 1e6)}us/step";

    private static string Eta(double eta) =>
        eta > 3600 ? $"{(int)(eta / 3600)}:{(int)(eta % 3600 / 60):00}:{(int)(eta % 60):00}" :
        eta > 60 ? $"{(int)(eta / 60)}:{(int)(eta % 60):00}" :
        $"{(int)eta}s";

    /// <summary>Python's {:.0f}: round half to even.</summary>
    private static string Round(double value) => Math.Round(value, MidpointRounding.ToEven).ToString("F0", CultureInfo.InvariantCulture);

    private static string Fixed4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Python's {:.4e}: four decimals and a signed exponent of at least two digits.</summary>
    private static string Exponent4(double value) => value.ToString("0.0000e+00", CultureInfo.InvariantCulture);
}
