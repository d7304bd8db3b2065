using System;
using BenchmarkDotNet.Attributes;

namespace KerasGen.Benchmarks;

/// <summary>Predict on the same model and weights in every peer. <see cref="Samples"/> = 1: single-sample latency;
/// 64: batch throughput (reported per sample through OperationsPerInvoke). The scalar C# peer exists for the
/// Dense models only.</summary>
public abstract class InferenceBenchmark<TModel> where TModel : ISequentialModel
{
    private IModel _model = null!, _model1Thread = null!;
    private OrtPeer _ort1 = null!, _ortDefault = null!;
    private ScalarMlp? _scalar;
    private float[] _x = null!, _y = null!, _ortInput = null!, _ortOutput = null!;

    protected abstract int Samples { get; }
    protected abstract IModel Create();
    protected virtual ScalarMlp? Scalar(float[][] weights) => null;

    [GlobalSetup]
    public void Setup()
    {
        _model = Create();
        _model1Thread = Create();
        _model1Thread.MaxDegreeOfParallelism = 1;
        _x = Check.Random(Samples * TModel.InputSize, 1);
        _y = new float[Samples * TModel.OutputSize];
        _ortInput = (float[])_x.Clone();
        _ortOutput = new float[_y.Length];
        _ort1 = new OrtPeer(_model, Samples, threads: 1, _ortInput, _ortOutput);
        _ortDefault = new OrtPeer(_model, Samples, threads: 0, _ortInput, _ortOutput);
        _scalar = Scalar(_model.GetWeights());

        _model1Thread.Predict(_x, _y);
        var parallel = new float[_y.Length];
        _model.Predict(_x, parallel);
        Check.Same("KerasGen on every core", _y, parallel);
        _ort1.Run();
        Check.Same("ONNX Runtime (1 thread)", _y, _ortOutput);
        Array.Clear(_ortOutput);
        _ortDefault.Run();
        Check.Same("ONNX Runtime (default threads)", _y, _ortOutput);
        if (_scalar is null) return;
        var scalar = new float[_y.Length];
        _scalar.Predict(_x, scalar);
        Check.Same("scalar C#", _y, scalar);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ort1.Dispose();
        _ortDefault.Dispose();
    }

    protected void RunKerasGen() => _model.Predict(_x, _y);
    protected void RunKerasGen1Thread() => _model1Thread.Predict(_x, _y);
    protected void RunOrt1() => _ort1.Run();
    protected void RunOrtDefault() => _ortDefault.Run();
    protected void RunScalar() => _scalar!.Predict(_x, _y);
}

/// <summary>One sample per call: latency, against ONNX Runtime.</summary>
public abstract class OrtLatencyBenchmark<TModel> : InferenceBenchmark<TModel> where TModel : ISequentialModel
{
    protected override int Samples => 1;
    [Benchmark(Baseline = true)] public void KerasGen() => RunKerasGen();
    [Benchmark] public void OnnxRuntime1Thread() => RunOrt1();
    [Benchmark] public void OnnxRuntimeDefaultThreads() => RunOrtDefault();
}

/// <summary>64 samples per call, against ONNX Runtime; times are per sample. KerasGen uses every core by default
/// (MaxDegreeOfParallelism), as ONNX Runtime's default threading does; the 1-thread rows compare one core each.</summary>
public abstract class OrtBatch64Benchmark<TModel> : InferenceBenchmark<TModel> where TModel : ISequentialModel
{
    protected const int Batch = 64;
    protected override int Samples => Batch;
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)] public void KerasGen() => RunKerasGen();
    [Benchmark(OperationsPerInvoke = Batch)] public void KerasGen1Thread() => RunKerasGen1Thread();
    [Benchmark(OperationsPerInvoke = Batch)] public void OnnxRuntime1Thread() => RunOrt1();
    [Benchmark(OperationsPerInvoke = Batch)] public void OnnxRuntimeDefaultThreads() => RunOrtDefault();
}

/// <summary>Latency, with the hand-written scalar loop as a third peer (Dense models).</summary>
public abstract class LatencyBenchmark<TModel> : OrtLatencyBenchmark<TModel> where TModel : ISequentialModel
{
    [Benchmark] public void ScalarCSharp() => RunScalar();
}

/// <summary>Batch 64, with the scalar loop (Dense models).</summary>
public abstract class Batch64Benchmark<TModel> : OrtBatch64Benchmark<TModel> where TModel : ISequentialModel
{
    [Benchmark(OperationsPerInvoke = Batch)] public void ScalarCSharp() => RunScalar();
}

public class PimaLatency : LatencyBenchmark<PimaNet>
{
    protected override IModel Create() => new PimaNet(7);
    protected override ScalarMlp? Scalar(float[][] weights) => new(new[] { 8, 12, 8, 1 }, new[] { "relu", "relu", "sigmoid" }, weights);
}

public class MnistLatency : LatencyBenchmark<MnistMlp>
{
    protected override IModel Create() => new MnistMlp(7);
    protected override ScalarMlp? Scalar(float[][] weights) => new(new[] { 784, 512, 256, 10 }, new[] { "relu", "relu", "softmax" }, weights);
}

public class MnistBatch64 : Batch64Benchmark<MnistMlp>
{
    protected override IModel Create() => new MnistMlp(7);
    protected override ScalarMlp? Scalar(float[][] weights) => new(new[] { 784, 512, 256, 10 }, new[] { "relu", "relu", "softmax" }, weights);
}

/// <summary>Issue 8's "conv1d": one sample.</summary>
public class Conv1DLatency : OrtLatencyBenchmark<Conv1DNet>
{
    protected override IModel Create() => new Conv1DNet(7);
}

/// <summary>Issue 8's "conv2d": one sample.</summary>
public class Conv2DLatency : OrtLatencyBenchmark<Conv2DNet>
{
    protected override IModel Create() => new Conv2DNet(7);
}

/// <summary>Issue 8's "conv2d": batch 64.</summary>
public class Conv2DBatch64 : OrtBatch64Benchmark<Conv2DNet>
{
    protected override IModel Create() => new Conv2DNet(7);
}
