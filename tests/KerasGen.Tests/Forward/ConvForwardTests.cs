using System;
using System.Collections.Generic;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using Xunit;

namespace KerasGen.Tests.Forward;

/// <summary>Convolution and pooling models against TF.js forward passes with the same weights (Fixtures/conv.json),
/// on every kernel path, through both the batch path (all samples at once) and the single-sample path.</summary>
public class ConvForwardTests
{
    private static readonly System.Text.Json.JsonElement Cases = Fixture.Load("conv.json");

    internal static readonly Dictionary<string, Func<IModel>> Models = new()
    {
        ["conv1d_valid_relu"] = () => new Conv1DValidRelu(),
        ["conv1d_same_even_kernel"] = () => new Conv1DSameEvenKernel(),
        ["conv1d_strides_tanh"] = () => new Conv1DStridesTanh(),
        ["conv1d_strides_same"] = () => new Conv1DStridesSame(),
        ["conv1d_dilation_sigmoid"] = () => new Conv1DDilationSigmoid(),
        ["conv1d_channels_first"] = () => new Conv1DChannelsFirst(),
        ["conv1d_causal"] = () => new Conv1DCausal(),
        ["conv1d_causal_dilated"] = () => new Conv1DCausalDilated(),
        ["convolution1d_full"] = () => new Convolution1DFull(),
        ["conv1d_wide_no_bias"] = () => new Conv1DWideNoBias(),
        ["conv1d_pointwise"] = () => new Conv1DPointwise(),
        ["conv1d_softmax"] = () => new Conv1DSoftmax(),
        ["conv2d_valid_relu"] = () => new Conv2DValidRelu(),
        ["conv2d_same_strides"] = () => new Conv2DSameStrides(),
        ["conv2d_channels_first_same"] = () => new Conv2DChannelsFirstSame(),
        ["conv2d_dilation"] = () => new Conv2DDilation(),
        ["conv2d_wide_rows_same"] = () => new Conv2DWideRowsSame(),
        ["conv2d_narrow_rows_relu"] = () => new Conv2DNarrowRowsRelu(),
        ["conv2d_wide_rows_strided"] = () => new Conv2DWideRowsStrided(),
        ["conv2d_wide_rows_dilated"] = () => new Conv2DWideRowsDilated(),
        ["conv1d_groups_same_relu"] = () => new Conv1DGroupsSameRelu(),
        ["conv1d_groups_pointwise"] = () => new Conv1DGroupsPointwise(),
        ["conv1d_groups_dilation"] = () => new Conv1DGroupsDilation(),
        ["conv2d_groups_strides"] = () => new Conv2DGroupsStrides(),
        ["conv2d_groups_channels_first_same"] = () => new Conv2DGroupsChannelsFirstSame(),
        ["conv1d_glu"] = () => new Conv1DGlu(),
        ["conv2d_glu_channels_first"] = () => new Conv2DGluChannelsFirst(),
        ["conv1d_groups_glu"] = () => new Conv1DGroupsGlu(),
        ["conv1d_stack_flatten_dense"] = () => new Conv1DStackFlattenDense(),
        ["conv2d_flatten_dense"] = () => new Conv2DFlattenDense(),
        ["max_pooling1d_default"] = () => new MaxPooling1DDefault(),
        ["max_pooling1d_3_same"] = () => new MaxPooling1D3Same(),
        ["average_pooling1d_same_odd"] = () => new AveragePooling1DSameOdd(),
        ["average_pooling1d_strides1"] = () => new AveragePooling1DStrides1(),
        ["max_pooling2d_same"] = () => new MaxPooling2DSame(),
        ["max_pooling2d_strides"] = () => new MaxPooling2DStrides(),
        ["average_pooling2d_channels_first"] = () => new AveragePooling2DChannelsFirst(),
        ["average_pooling2d_same"] = () => new AveragePooling2DSame(),
        ["global_max_pooling1d"] = () => new GlobalMaxPooling1DModel(),
        ["global_average_pooling1d"] = () => new GlobalAveragePooling1DModel(),
        ["global_average_pooling2d"] = () => new GlobalAveragePooling2DModel(),
        ["global_max_pooling2d_channels_first"] = () => new GlobalMaxPooling2DChannelsFirst(),
        ["conv1d_pool_flatten_dense"] = () => new Conv1DPoolFlattenDense(),
        ["conv2d_channels_first_pool_flatten_dense"] = () => new Conv2DChannelsFirstPoolFlattenDense(),
        ["zero_padding1d"] = () => new ZeroPadding1DModel(),
        ["cropping1d"] = () => new Cropping1DModel(),
        ["up_sampling1d"] = () => new UpSampling1DModel(),
        ["zero_padding2d"] = () => new ZeroPadding2DModel(),
        ["zero_padding2d_channels_first"] = () => new ZeroPadding2DChannelsFirst(),
        ["cropping2d"] = () => new Cropping2DModel(),
        ["up_sampling2d"] = () => new UpSampling2DModel(),
        ["up_sampling2d_channels_first"] = () => new UpSampling2DChannelsFirst(),
        ["conv1d_zero_padding_up_sampling_chain"] = () => new Conv1DZeroPaddingUpSamplingChain(),
    };

    private static readonly KernelPath[] Paths = { KernelPath.Auto, KernelPath.Vector512, KernelPath.Vector256, KernelPath.Vector128, KernelPath.Scalar };

    public static IEnumerable<object[]> CaseNames() => from name in Models.Keys from path in Paths select new object[] { name, path };

    [Fact]
    public void Every_fixture_has_a_model()
    {
        var names = Cases.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);
        Assert.Equal(names.OrderBy(n => n), Models.Keys.OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_tfjs_in_batches_and_one_sample_at_a_time(string name, KernelPath path)
    {
        var c = Fixture.Case(Cases, "cases", name);
        var model = Models[name]();
        model.SetWeights(c.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("values").Floats()).ToList());
        float[] x = c.GetProperty("x").Floats(), expected = c.GetProperty("y").Floats();
        Tolerance.AssertClose(expected, ModelRunner.Predict(model, x, expected.Length, path), 1e-5, 1e-4, $"{name} on {path}, batch");
        int samples = 5, inputs = x.Length / samples, outputs = expected.Length / samples;
        for (int s = 0; s < samples; s++)
        {
            var y = new float[outputs];
            model.Predict(x.AsSpan(s * inputs, inputs), y, path);
            Tolerance.AssertClose(expected.AsSpan(s * outputs, outputs), y, 1e-5, 1e-4, $"{name} on {path}, sample {s}");
        }
    }
}
