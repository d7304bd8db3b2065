using KerasGen.Tests.Models;
using Xunit;

namespace KerasGen.Tests.Forward;

public class ShapeAndSummaryTests
{
    [Fact]
    public void Output_shapes_print_as_keras_tuples()
    {
        Assert.Equal("(None, 8)", PimaModel.InputShape.ToString());
        Assert.Equal("(None, 1)", PimaModel.OutputShape.ToString());
        Assert.Equal("(None, 3, 2)", FlattenExample.InputShape.ToString());
        Assert.Equal("(None, 4)", FlattenExample.OutputShape.ToString());
        Assert.Equal("(None, 5, 3)", PerStep.InputShape.ToString());
        Assert.Equal("(None, 5, 16)", PerStep.OutputShape.ToString());
        Assert.Equal((6, 4), (FlattenExample.InputSize, FlattenExample.OutputSize));
        Assert.Equal((15, 80), (PerStep.InputSize, PerStep.OutputSize));
        Assert.Equal("(None, 5, 4)", GluLayer.OutputShape.ToString()); // glu halves the last axis
    }

    [Fact]
    public void Parameter_counts_follow_keras()
    {
        Assert.Equal(221, new PimaModel(1).CountParams());           // 8·12+12 + 12·8+8 + 8·1+1
        Assert.Equal(16 * 7 + 4 * 17, new FlattenExample(1).CountParams());
        Assert.Equal(3 * 16 + 16, new PerStep(1).CountParams());
        Assert.Equal(20 * 33, new DenseNoBias(1).CountParams());
    }

    /// <summary>Byte for byte what Keras 3 printed (KERAS_SPEC §7.7, the 76-column fallback width).</summary>
    [Fact]
    public void Summary_matches_keras_capture_at_76_columns()
    {
        const string keras = """
            Model: "sequential"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ dense (Dense)                   │ (None, 12)             │           108 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense_1 (Dense)                 │ (None, 1)              │            13 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 121 (484.00 B)
             Trainable params: 121 (484.00 B)
             Non-trainable params: 0 (0.00 B)
            """;
        Assert.Equal(keras.Replace("\r\n", "\n"), new SpecSummaryModel(1).Summary(76));
    }

    /// <summary>At Keras' default 88 columns: the header and rules are the captured ones of KERAS_SPEC §7.7.</summary>
    [Fact]
    public void Summary_of_the_flatten_example_at_88_columns()
    {
        const string keras = """
            Model: "sequential"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
            │ flatten (Flatten)                    │ (None, 6)                   │               0 │
            ├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
            │ dense (Dense)                        │ (None, 16)                  │             112 │
            ├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
            │ activation (Activation)              │ (None, 16)                  │               0 │
            ├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
            │ dense_1 (Dense)                      │ (None, 4)                   │              68 │
            └──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
             Total params: 180 (720.00 B)
             Trainable params: 180 (720.00 B)
             Non-trainable params: 0 (0.00 B)
            """;
        Assert.Equal(keras.Replace("\r\n", "\n"), new FlattenExample(1).Summary());
    }

    [Theory]
    [InlineData(88, new[] { 38, 29, 17 })]
    [InlineData(76, new[] { 33, 24, 15 })]
    [InlineData(56, new[] { 24, 17, 11 })]
    public void Column_widths_reproduce_rich(int lineLength, int[] widths) =>
        Assert.Equal(widths, ModelSummary.ColumnWidths(lineLength));

    [Fact]
    public void Large_counts_use_thousands_separators_and_binary_units()
    {
        string text = ModelSummary.Format("m", new[] { new LayerDescription("dense", "Dense", "linear", new[] { 1352 }, new[] { 10 }, 13_642) });
        Assert.Contains("│ dense (Dense)                        │ (None, 10)                  │          13,642 │", text);
        Assert.Contains(" Total params: 13,642 (53.29 KB)", text);
    }

    [Fact]
    public void Long_cells_wrap_at_spaces_as_rich_does()
    {
        string text = ModelSummary.Format("m", new[] { new LayerDescription("batch_normalization", "BatchNormalization", "linear", new[] { 13, 13, 8 }, new[] { 13, 13, 8 }, 32) });
        Assert.Contains("│ batch_normalization                  │ (None, 13, 13, 8)           │              32 │\n│ (BatchNormalization)                 │                             │                 │", text);
    }
}
