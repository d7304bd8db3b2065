using BenchmarkDotNet.Attributes;

namespace KerasGen.Benchmarks;

/// <summary>What BatchNormalization costs at inference (issue 9: "a Conv → BatchNormalization pair costs one conv"),
/// batch 64 per sample: the folded pair against the conv alone, and an unfoldable normalization (after the relu) as its
/// own pass. Ratios against the conv alone. There is no ONNX Runtime peer: the ONNX exporter has no
/// BatchNormalization yet.</summary>
public class BatchNormalizationInference
{
    private const int Samples = 64;
    private readonly IModel _plain = new ConvNoNormNet(1), _folded = new ConvBatchNormNet(1), _separate = new ConvReluBatchNormNet(1);
    private readonly float[] _x = Check.Random(Samples * ConvNoNormNet.InputSize, 1);
    private readonly float[] _y = new float[Samples * ConvNoNormNet.OutputSize];

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)] public void ConvAlone() => _plain.Predict(_x, _y);

    [Benchmark(OperationsPerInvoke = Samples)] public void ConvBatchNormFolded() => _folded.Predict(_x, _y);

    [Benchmark(OperationsPerInvoke = Samples)] public void ConvReluBatchNormSeparate() => _separate.Predict(_x, _y);
}
