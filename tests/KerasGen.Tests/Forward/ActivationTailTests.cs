using System;
using System.Linq;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

[Sequential, Dense(13, InputDim = 6, Activation = "tanh"), Dense(11, Activation = "sigmoid")]
public partial class ActivationTailNet;

/// <summary>
/// An element-wise activation gives a value the same bits wherever it falls in a batch buffer: the generated loops run
/// whole registers, then the last few values through the same register code (TailTile). A scalar tail computed exp and
/// multiply-adds differently, so the same sample's outputs could differ by its place in the batch, and training's bits
/// by the core count (seen with a tanh layer on three cores).
/// </summary>
public class ActivationTailTests
{
    [Theory]
    [InlineData(KernelPath.Vector512)]
    [InlineData(KernelPath.Vector256)]
    [InlineData(KernelPath.Vector128)]
    [InlineData(KernelPath.Scalar)]
    public void The_same_sample_gives_the_same_bits_at_every_place_in_a_batch(KernelPath path)
    {
        var model = new ActivationTailNet(3) { MaxDegreeOfParallelism = 1 };
        const int copies = 7; // 7 × 13 and 7 × 11 values: neither a whole number of registers on any path
        for (int sample = 0; sample < 40; sample++)
        {
            var one = TestData.Uniform(6, 100 + sample).Select(v => 4 * v).ToArray();
            var batch = Enumerable.Range(0, copies).SelectMany(_ => one).ToArray();
            var output = new float[copies * 11];
            model.Predict(batch, output, path);
            for (int r = 1; r < copies; r++)
                for (int j = 0; j < 11; j++)
                    Assert.True(BitConverter.SingleToInt32Bits(output[j]) == BitConverter.SingleToInt32Bits(output[r * 11 + j]),
                        $"{path}, sample {sample}: output {j} is {output[r * 11 + j]:R} at row {r}, {output[j]:R} at row 0");
        }
    }
}
