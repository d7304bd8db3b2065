using System.Linq;
using KerasGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KerasGen.Tests.Generator;

/// <summary>Each diagnostic at its exact span: the text between [| and |] in the snippet.</summary>
public class AnalyzerTests
{
    [Theory]
    [InlineData("KG0001", "[Sequential, Dense(1, InputDim = 2)] public class [|M|];")]
    [InlineData("KG0002", "[Sequential] public partial class [|M|];")]
    [InlineData("KG0003", "[Sequential, [|Dense(4)|], Dense(1)] public partial class M;")]
    [InlineData("KG0004", "[Sequential, Dense(4, InputDim = 3), Dense(1, [|InputDim = 4|])] public partial class M;")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"rleu\"|])] public partial class M;")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3), Activation([|\"softmaxx\"|])] public partial class M;")]
    [InlineData("KG0006", "[Sequential, Dense(4, InputDim = 3, [|Init = \"glorot\"|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense([|0|], InputDim = 3)] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(4, InputDim = 3), Dropout([|1.5|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(4, [|InputShape = new[] { 3, 0 }|])] public partial class M;")]
    [InlineData("KG0008", "[Sequential, Dense(12, InputDim = 3), Reshape([|5, 3|])] public partial class M;")]
    [InlineData("KG0009", "[Sequential, Dense(12, InputDim = 3), [|Flatten|]] public partial class M;")]
    [InlineData("KG0010", "[Sequential, Dense(100000, InputDim = 100000)] public partial class [|M|];")]
    [InlineData("KG0011", "[[|Dense(1, InputDim = 2)|]] public partial class M;")]
    [InlineData("KG0012", "[Sequential, Dense(4, InputShape = new[] { -1, 8 }), [|Flatten|], Dense(1)] public partial class M;")]
    [InlineData("KG0023", "[Sequential, Dense(4, [|InputShape = new[] { 3, -1, 8 }|])] public partial class M;")]
    [InlineData("KG0023", "[Sequential, Dense(4, InputShape = new[] { -1, 8 }), [|ZeroPadding1D|]] public partial class M;")]
    [InlineData("KG0021", "[Sequential, Dense(4, InputDim = 3, Name = \"hidden\"), Dense(2, [|Name = \"hidden\"|])] public partial class M;")]
    [InlineData("KG0012", "[Sequential, Convolution1D(64, 3, BorderMode = \"same\", InputDim = 32), Convolution1D(32, 3, BorderMode = \"same\"), [|Flatten|], Dense(1)] public partial class M;")]
    [InlineData("KG0023", "[Sequential, Convolution1D(4, 3, InputDim = 8), [|Compile(Loss = \"mse\")|]] public partial class M;")]
    [InlineData("KG0020", "[Sequential, Conv1D(4, 3, [|Padding = \"smae\"|], InputShape = new[] { 10, 8 })] public partial class M;")]
    [InlineData("KG0020", "[Sequential, Conv2D(4, 3, [|DataFormat = \"channels_frist\"|], InputShape = new[] { 8, 8, 3 })] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Conv1D(4, 3, Strides = 2, [|DilationRate = 2|], InputShape = new[] { 10, 8 })] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Conv2D(4, 3, [|Padding = \"causal\"|], InputShape = new[] { 8, 8, 3 })] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Conv1D(4, 3, [|Padding = \"full\"|], InputShape = new[] { 10, 8 })] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Conv1D(6, 3, [|Groups = 4|], InputShape = new[] { 10, 8 })] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Conv1D(3, 3, [|Groups = 2|], InputShape = new[] { 10, 8 })] public partial class M;")]
    [InlineData("KG0024", "[Sequential, Conv1D(4, [|5|], InputShape = new[] { 3, 8 })] public partial class M;")]
    [InlineData("KG0024", "[Sequential, Conv1D(4, 2, InputShape = new[] { 3, 8 }), [|MaxPooling1D(3)|]] public partial class M;")]
    [InlineData("KG0024", "[Sequential, Conv1D(4, 2, InputShape = new[] { 5, 8 }), [|Cropping1D(new[] { 2, 2 })|]] public partial class M;")]
    [InlineData("KG0007", "[Sequential, ZeroPadding2D([|new[] { 1, -1 }|], InputShape = new[] { 5, 5, 3 })] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Cropping2D([|new[] { 1, 1, 1 }|], InputShape = new[] { 5, 5, 3 })] public partial class M;")]
    [InlineData("KG0023", "[Sequential, UpSampling2D([|Interpolation = \"bilinear\"|], InputShape = new[] { 5, 5, 3 })] public partial class M;")]
    [InlineData("KG0025", "[Sequential, Dense(4, InputDim = 3), [|Conv1D(2, 2)|]] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Conv2D(4, [|new[] { 3, 0 }|], InputShape = new[] { 8, 8, 3 })] public partial class M;")]
    [InlineData("KG0013", "[Sequential, Dense(1, InputDim = 2)] public partial class [|M|]<T>;")]
    [InlineData("KG0014", "[Sequential, Dense(1, InputDim = 2), [|Compile(Optimizer = \"sgd\")|]] public partial class M;")]
    [InlineData("KG0015", "[Sequential, Dense(1, InputDim = 2), Compile([|Loss = \"mean_square_error\"|])] public partial class M;")]
    [InlineData("KG0016", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|Optimizer = \"adamm\"|])] public partial class M;")]
    [InlineData("KG0017", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|Metrics = new[] { \"acuracy\" }|])] public partial class M;")]
    [InlineData("KG0018", "[Sequential, Dense(1, InputDim = 2, Activation = \"sigmoid\"), Compile([|Loss = \"categorical_crossentropy\"|])] public partial class M;")]
    [InlineData("KG0018", "[Sequential, Dense(3, InputDim = 2, Activation = \"softmax\"), Compile([|Loss = \"binary_crossentropy\"|])] public partial class M;")]
    [InlineData("KG0019", "[Sequential, Dense(4, InputDim = 2)] public partial class M; [[|Dense(1)|]] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", ClipNorm = 1.0, [|ClipValue = 0.5|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|GlobalClipNorm = -1.0|])] public partial class M;")]
    [InlineData("KG0005", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"rleu(max_value=6)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"relu(max_valu=6)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"relu(max_value=6\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3), Activation([|\"threshold\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3), Activation([|\"softmax(axis=1)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"leaky_relu('a')\"|])] public partial class M;")]
    [InlineData("KG0006", "[Sequential, Dense(4, InputDim = 3, [|KernelInitializer = \"RandomUnifrom(minval=-1)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|KernelInitializer = \"RandomUniform(min=-1)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|KernelInitializer = \"VarianceScaling(mode='fan_middle')\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|KernelInitializer = \"VarianceScaling(scale=0)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|KernelInitializer = \"Constant(1, 2)\"|])] public partial class M;")]
    [InlineData("KG0027", "[Sequential, Dense(4, InputDim = 3, [|KernelRegularizer = \"l3(0.1)\"|])] public partial class M;")]
    [InlineData("KG0027", "[Sequential, Dense(4, InputDim = 3, [|WRegularizer = \"L1L2\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|BiasRegularizer = \"l2(-1)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Conv1D(2, 3, InputShape = new[] { 8, 2 }, [|ActivityRegularizer = \"l1(l=0.1)\"|])] public partial class M;")]
    [InlineData("KG0028", "[Sequential, Dense(4, InputDim = 3, [|KernelConstraint = \"max_nrom(2)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|KernelConstraint = \"max_norm(2, axis=2)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Conv2D(2, 3, InputShape = new[] { 8, 8, 2 }, [|BiasConstraint = \"unit_norm(axis=[0, 1])\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Convolution1D(2, 3, InputDim = 2, InputLength = 8, [|WConstraint = \"MinMaxNorm(min_value=2, max_value=1)\"|])] public partial class M;")]
    [InlineData("KG0025", "[Sequential, Dense(4, InputDim = 3), BatchNormalization([|Axis = 2|])] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Dense(4, InputDim = 3), BatchNormalization([|Mode = 1|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(4, InputDim = 3), BatchNormalization([|Momentum = 1.5|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(4, InputDim = 3), LayerNormalization([|Epsilon = 0|])] public partial class M;")]
    [InlineData("KG0025", "[Sequential, Dense(4, InputShape = new[] { 3, 5 }), LayerNormalization([|Axis = new[] { 1, 3 }|])] public partial class M;")]
    [InlineData("KG0022", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|LearningRate = 0.1|], LearningRateSchedule = \"CosineDecay(0.1, 100)\")] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|LearningRateSchedule = \"ExponentalDecay(0.1, 100, 0.9)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|LearningRateSchedule = \"ExponentialDecay(0.1, 0, 0.9)\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(1, InputDim = 2), Compile(Loss = \"mse\", [|LearningRateSchedule = \"PiecewiseConstantDecay([10], [0.1])\"|])] public partial class M;")]
    [InlineData("KG0026", "[Sequential, Dense(4, InputDim = 3, [|Activation = \"leaky_relu(1e39)\"|])] public partial class M;")]
    [InlineData("KG0007", "[Sequential, Dense(4, InputDim = 3), BatchNormalization([|Epsilon = 1e-46|])] public partial class M;")]
    [InlineData("KG0023", "[Sequential, Dense(4, InputShape = new[] { 3, 5 }), LayerNormalization([|Axis = new[] { -1, -2 }|])] public partial class M;")]
    public void Reports_the_diagnostic_at_the_responsible_syntax(string id, string markedSource)
    {
        int start = markedSource.IndexOf("[|"), end = markedSource.IndexOf("|]") - 2;
        string source = "using KerasGen;\n" + markedSource.Replace("[|", "").Replace("|]", "");
        var diagnostics = CompilerHarness.Analyze(source);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        int offset = "using KerasGen;\n".Length;
        Assert.Equal(source.Substring(start + offset, end - start), source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void Suggests_the_closest_name()
    {
        var diagnostic = Assert.Single(CompilerHarness.Analyze("using KerasGen; [Sequential, Dense(4, InputDim = 3, Activation = \"sigmod\")] public partial class M;"));
        Assert.Contains("Could not interpret activation function identifier: sigmod. Did you mean 'sigmoid'?", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("relu(max_valu=6)", "Could not interpret activation function identifier 'relu(max_valu=6)': relu() got an unexpected keyword argument 'max_valu'. Did you mean 'max_value'?")]
    [InlineData("relu(max_value=6", "Could not interpret activation function identifier 'relu(max_value=6': expected ')' at character 17")]
    [InlineData("threshold", "Could not interpret activation function identifier 'threshold': threshold() missing 1 required positional argument: 'threshold'")]
    [InlineData("elu(1, 2)", "Could not interpret activation function identifier 'elu(1, 2)': elu() takes 1 positional argument but 2 were given")]
    [InlineData("softmax(axis=1)", "Could not interpret activation function identifier 'softmax(axis=1)': KerasGen applies softmax over the last axis only (axis=-1). Received: axis=1")]
    public void Constructor_form_errors_say_what_python_would(string activation, string message)
    {
        var diagnostic = Assert.Single(CompilerHarness.Analyze($"using KerasGen; [Sequential, Dense(4, InputDim = 3, Activation = \"{activation}\")] public partial class M;"));
        Assert.Equal(message, diagnostic.GetMessage());
    }

    /// <summary>Keras 3's schedule signatures, <c>name</c> included (CosineDecay's fourth positional argument).</summary>
    [Fact]
    public void Schedules_take_keras_signatures_with_their_name()
    {
        Assert.Empty(CompilerHarness.Analyze("""
            using KerasGen;
            [Sequential, Dense(1, InputDim = 2), Compile(Loss = "mse", LearningRateSchedule = "CosineDecay(0.1, 1000, 0.0, 'cosine', 0.5, 100)")] public partial class A;
            [Sequential, Dense(1, InputDim = 2), Compile(Loss = "mse", LearningRateSchedule = "ExponentialDecay(0.1, 10, 0.9, name='decay')")] public partial class B;
            """));
    }

    /// <summary>A hostile identifier (deeply nested brackets) is a diagnostic, not a stack overflow in the compiler.</summary>
    [Fact]
    public void Nested_lists_in_an_identifier_are_refused_without_recursion()
    {
        string nested = "max_norm(2, axis=" + new string('[', 200_000) + "0" + new string(']', 200_000) + ")";
        var diagnostic = Assert.Single(CompilerHarness.Analyze($"using KerasGen; [Sequential, Dense(4, InputDim = 3, KernelConstraint = \"{nested}\")] public partial class M;"));
        Assert.Equal("KG0026", diagnostic.Id);
    }

    [Fact]
    public void Valid_models_get_no_diagnostics_and_compile_cleanly()
    {
        const string source = """
            using KerasGen;
            [Sequential]
            [Dense(12, InputDim = 8, Init = "uniform", Activation = "relu")]
            [Dense(12, Activation = "relu(max_value=6, negative_slope=0.01)", KernelInitializer = "VarianceScaling(2.0, 'fan_out', 'uniform', seed=1)")]
            [Dense(12, Activation = " leaky_relu( 0.1 , ) ", BiasInitializer = "TruncatedNormal(mean=0.1, stddev=1e-2)")]
            [Dense(12, KernelRegularizer = "l2", BiasRegularizer = "L1L2(l1=1e-3)", ActivityRegularizer = "l1(0.01)", KernelConstraint = "MaxNorm(3, axis=[0, 1])", BiasConstraint = "non_neg")]
            [Dense(12, WRegularizer = "l1l2(l1=0.01, l2=0.01)", ActivityRegularizer = "activity_l2", WConstraint = "maxnorm(m=2)", BConstraint = "nonneg")]
            [BatchNormalization(Momentum = 0.9, GammaRegularizer = "l2", BetaConstraint = "non_neg")]
            [LayerNormalization(Epsilon = 1e-5, Center = false)]
            [Dense(12, Activation = "relu(max_value=inf)", ActivityRegularizer = "activity_l2(0.01)")]
            [Dropout(0.2)]
            [Dense(6, Activation = "sparsemax")]
            [Reshape(3, -1)]
            [Activation("glu")]
            [Flatten]
            public partial class M;
            """;
        Assert.Empty(CompilerHarness.Analyze(source));
        var (_, _, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>Models whose steps are None: per-step layers, windows over the steps, global pooling then fixed
    /// layers again, Keras 1 arguments.</summary>
    [Theory]
    [InlineData("[Sequential, Dense(4, InputShape = new[] { -1, 3 }), Dropout(0.2), Activation(\"softmax\")] public partial class M;")]
    [InlineData("[Sequential, Conv1D(4, 3, Strides = 2, Padding = \"same\", Groups = 2, InputShape = new[] { -1, 6 }), MaxPooling1D(2, Padding = \"same\"), GlobalAveragePooling1D(KeepDims = true), Flatten, Dense(2), Reshape(2, 1)] public partial class M;")]
    [InlineData("[Sequential, Convolution1D(8, 5, BorderMode = \"full\", InputDim = 2), AveragePooling1D(PoolLength = 3, Stride = 1), Conv1D(2, 1, Activation = \"glu\")] public partial class M;")]
    public void Models_with_unknown_steps_get_no_diagnostics_and_compile_cleanly(string snippet)
    {
        string source = "using KerasGen;\n" + snippet + "\npublic static class Use { public static int Size() => M.OutputSizeFor(12); }";
        Assert.Empty(CompilerHarness.Analyze(source));
        var (_, _, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    /// <summary>Generated helpers carry a KerasGen prefix, so ordinary names in the user's class do not collide.</summary>
    [Fact]
    public void User_names_do_not_collide_with_generated_members()
    {
        const string source = """
            using KerasGen;
            [Sequential, Dense(3, InputDim = 2), Dropout(0.5), Dense(1), Compile(Loss = "mse", Optimizer = "sgd")]
            public partial class Trainer
            {
                public int WeightSize => 1;
                public int BufferSize => 2;
                public void Backward() { }
                public void TrainForward() { }
                public void PredictBatch() { }
                public object? TrainingSpec => null;
            }
            """;
        Assert.Empty(CompilerHarness.Analyze(source));
        var (_, _, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Invalid_models_still_get_their_public_surface_so_only_the_kg_error_shows()
    {
        const string source = """
            using KerasGen;
            [Sequential, Dense(4, InputDim = 3, Activation = "nope")] public partial class M;
            public static class User
            {
                public static float Use() { var m = new M(1); var y = new float[4]; m.Predict(new float[3], y); return m.CountParams() + M.InputSize; }
            }
            """;
        var (_, sources, diagnostics) = CompilerHarness.Generate(CompilerHarness.Compile(source));
        Assert.Single(sources);
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
