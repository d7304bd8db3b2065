using System;
using Microsoft.ML.OnnxRuntime;
using KerasGen.Export;

namespace KerasGen.Benchmarks;

/// <summary>
/// ONNX Runtime on the same model and weights (exported with KerasGen's ONNX exporter), through its fastest honest
/// API: OrtValues over pinned managed buffers bound once with IoBinding, so a run copies nothing and allocates
/// nothing on the managed side.
/// </summary>
public sealed class OrtPeer : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly OrtValue _input, _output;
    private readonly RunOptions _runOptions = new();

    /// <param name="threads">IntraOpNumThreads; 0 = ONNX Runtime's default.</param>
    public OrtPeer(IModel model, int samples, int threads, float[] input, float[] output)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
            options.InterOpNumThreads = 1;
            options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        }
        _session = new InferenceSession(OnnxExporter.ToBytes(model), options);
        // The tensors have the model's shapes (a conv model's input is (N, steps, channels)), over the flat buffers.
        var layers = ((Weights.IWeightLayout)model).Layers;
        _input = OrtValue.CreateTensorValueFromMemory(input, Shape(samples, layers[0].InputShape));
        _output = OrtValue.CreateTensorValueFromMemory(output, Shape(samples, layers[^1].OutputShape));
        _binding = _session.CreateIoBinding();
        _binding.BindInput("input", _input);
        _binding.BindOutput("output", _output);
    }

    private static long[] Shape(int samples, int[] sampleShape)
    {
        var shape = new long[sampleShape.Length + 1];
        shape[0] = samples;
        for (int i = 0; i < sampleShape.Length; i++) shape[i + 1] = sampleShape[i];
        return shape;
    }

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
