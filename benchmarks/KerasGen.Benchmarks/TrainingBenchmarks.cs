using BenchmarkDotNet.Attributes;

namespace KerasGen.Benchmarks;

/// <summary>One SGD step (lr 0.01) on a batch of 32, times per sample: KerasGen's TrainOnBatch on every core (the
/// default MaxDegreeOfParallelism) and on one, against the scalar C# trainer (ONNX Runtime's inference package does
/// not train). The conv models have no scalar peer.</summary>
public abstract class TrainingBenchmark<TModel> where TModel : ISequentialModel
{
    public const int Batch = 32;
    private ITrainableModel _model = null!, _model1Thread = null!;
    private ScalarMlp? _scalar;
    private float[] _x = null!, _y = null!;

    protected abstract ITrainableModel Create();
    protected virtual ScalarMlp? Scalar(float[][] weights) => null;
    protected abstract float[] Targets();

    [GlobalSetup]
    public void Setup()
    {
        _model = Create();
        _model1Thread = Create();
        _model1Thread.MaxDegreeOfParallelism = 1;
        _scalar = Scalar(_model.GetWeights());
        _x = Check.Random(Batch * TModel.InputSize, 2);
        _y = Targets();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public float KerasGen() => _model.TrainOnBatch(_x, _y);

    [Benchmark(OperationsPerInvoke = Batch)]
    public float KerasGen1Thread() => _model1Thread.TrainOnBatch(_x, _y);

    protected void RunScalar() => _scalar!.TrainOnBatch(_x, _y, 0.01f);
}

/// <summary>With the hand-written scalar trainer as a peer (Dense models).</summary>
public abstract class ScalarPeerTrainingBenchmark<TModel> : TrainingBenchmark<TModel> where TModel : ISequentialModel
{
    [Benchmark(OperationsPerInvoke = Batch)]
    public void ScalarCSharp() => RunScalar();
}

public class PimaTraining : ScalarPeerTrainingBenchmark<PimaNet>
{
    protected override ITrainableModel Create() => new PimaNet(7);
    protected override ScalarMlp? Scalar(float[][] weights) => new(new[] { 8, 12, 8, 1 }, new[] { "relu", "relu", "sigmoid" }, weights);
    protected override float[] Targets() => Check.Random(Batch, 3);
}

public class MnistTraining : ScalarPeerTrainingBenchmark<MnistMlp>
{
    protected override ITrainableModel Create() => new MnistMlp(7);
    protected override ScalarMlp? Scalar(float[][] weights) => new(new[] { 784, 512, 256, 10 }, new[] { "relu", "relu", "softmax" }, weights);

    protected override float[] Targets()
    {
        var y = new float[Batch * 10];
        for (int i = 0; i < Batch; i++) y[i * 10 + i % 10] = 1;
        return y;
    }
}

public class Conv1DTraining : TrainingBenchmark<Conv1DNet>
{
    protected override ITrainableModel Create() => new Conv1DNet(7);
    protected override float[] Targets() => Check.Random(Batch * Conv1DNet.OutputSize, 3);
}

public class Conv2DTraining : TrainingBenchmark<Conv2DNet>
{
    protected override ITrainableModel Create() => new Conv2DNet(7);

    protected override float[] Targets()
    {
        var y = new float[Batch * 10];
        for (int i = 0; i < Batch; i++) y[i * 10 + i % 10] = 1;
        return y;
    }
}
