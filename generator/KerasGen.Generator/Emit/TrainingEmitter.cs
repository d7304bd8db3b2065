using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Emits what <c>[Compile]</c> adds: TrainOnBatch / Fit / Evaluate (forwarding to the runtime's Trainer) and the
/// model's side of training — a batch forward pass that keeps every layer's pre-activation and output, and the
/// backward pass, layer by layer in reverse: the activation's derivative, then for Dense the weight, bias and input
/// gradients. Both are generic over the register width (ISimd), so one text serves every kernel path.
/// </summary>
internal static class TrainingEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string Training = "global::KerasGen.Training";
    private const string Constraints = "where TV : struct where TS : struct, global::KerasGen.Kernels.ISimd<TV>";

    public static void Emit(CodeWriter w, ModelPlan plan, ModelLayout layout, CompileSpec compile)
    {
        var memory = new TrainingLayout(plan, compile.MaxBatchSize);
        var last = plan.Layers[plan.Layers.Count - 1];
        string lastActivation = last.Spec.Kind is LayerKind.Dense or LayerKind.Activation ? last.Spec.Activation : "linear";
        int outputWidth = plan.OutputShape[plan.OutputShape.Count - 1];
        string metrics = compile.Metrics.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", compile.Metrics.Select(Literals.Quote)) + " }";

        w.Line();
        w.Line("// ---- Training ([Compile]) ----");
        w.Line($"private const int KerasGenTrainingSize = {memory.Size};");
        w.Line($"private {Training}.Trainer? _trainer;");
        w.Line("private global::KerasGen.Kernels.AlignedBuffer? _trainingMemory, _gradients;");
        w.Line();
        w.Line($"private {Training}.TrainingSpec KerasGenTrainingSpec => new(");
        w.Line($"    {Literals.Quote(compile.Loss)}, {Literals.Bool(compile.FromLogits)}, {metrics},");
        w.Line($"    new {Training}.Optimizers.OptimizerSettings({Literals.Quote(compile.Optimizer)}, {Literals.Float(compile.LearningRate)}, {Literals.Float(compile.Momentum)}, {Literals.Bool(compile.Nesterov)}, " +
               $"{Literals.Float(compile.Beta1)}, {Literals.Float(compile.Beta2)}, {Literals.Float(compile.Epsilon)}, {Literals.Float(compile.Rho)}, {Literals.Bool(compile.Amsgrad)}, {Literals.Bool(compile.Centered)}, " +
               $"{Literals.Float(compile.InitialAccumulatorValue)}, {Literals.Float(compile.WeightDecay)}),");
        w.Line($"    {compile.MaxBatchSize}, {ShapeMath.Product(plan.InputShape)}, {ShapeMath.Product(plan.OutputShape)}, {outputWidth}, {Literals.Quote(lastActivation)}, _seed);");
        w.Line();
        w.Line($"/// <summary>The optimizer, with its step count and learning rate (Keras <c>model.optimizer</c>).</summary>");
        w.Line($"public {Training}.Optimizers.Optimizer Optimizer => KerasGenTrainer.Optimizer;");
        w.Line();
        w.Line($"private {Training}.Trainer KerasGenTrainer => _trainer ??= new {Training}.Trainer(this, KerasGenTrainingSpec);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public float TrainOnBatch(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y) => KerasGenTrainer.TrainOnBatch(x, y);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public {Training}.History Fit(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y, int epochs = 1, int batchSize = 32, float validationSplit = 0, bool shuffle = true, int verbose = 1, params {Training}.ICallback[] callbacks) =>");
        w.Line("    KerasGenTrainer.Fit(x, y, epochs, batchSize, validationSplit, shuffle, verbose, callbacks);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public float[] Evaluate(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y, int batchSize = 32) => KerasGenTrainer.Evaluate(x, y, batchSize);");
        w.Line();
        w.Line($"{Training}.TrainingSpec {Training}.IDifferentiableModel.TrainingSpec => KerasGenTrainingSpec;");
        w.Line($"global::System.Span<float> {Training}.IDifferentiableModel.WeightBuffer => _weights.Span;");
        w.Line($"global::System.Span<float> {Training}.IDifferentiableModel.GradientBuffer => (_gradients ??= new(KerasGenWeightSize)).Span;");
        w.Line();
        using (w.Block($"global::System.ReadOnlySpan<float> {Training}.IDifferentiableModel.ForwardBatch(global::System.ReadOnlySpan<float> x, int samples, global::KerasGen.Initialization.DeterministicRandom? training)"))
        {
            w.Line($"if ((uint)samples - 1 >= {memory.MaxBatch} || x.Length != samples * {ShapeMath.Product(plan.InputShape)}) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"ForwardBatch takes 1 to {memory.MaxBatch} samples (MaxBatchSize) with x holding exactly their values.\");");
            w.Line("ref float t = ref (_trainingMemory ??= new(KerasGenTrainingSize)).Start;");
            w.Line($"x.CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Literals.At("t", memory.Input)}, x.Length));");
            w.Line("ref float w = ref _weights.Start;");
            Dispatch(w, "KerasGenTrainForward", "ref w, ref t, samples, training");
            w.Line($"return global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {Literals.At("t", memory.Output)}, samples * {ShapeMath.Product(plan.OutputShape)});");
        }
        w.Line();
        using (w.Block($"void {Training}.IDifferentiableModel.BackwardBatch(global::System.ReadOnlySpan<float> outputGradient, int samples, bool preActivation)"))
        {
            w.Line($"if ((uint)samples - 1 >= {memory.MaxBatch} || outputGradient.Length != samples * {ShapeMath.Product(plan.OutputShape)} || _trainingMemory is null) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"BackwardBatch follows a ForwardBatch of the same 1 to {memory.MaxBatch} samples, with their output gradient.\");");
            w.Line("ref float t = ref _trainingMemory.Start;");
            w.Line($"outputGradient.CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Literals.At("t", memory.Gradient0)}, outputGradient.Length));");
            w.Line("ref float w = ref _weights.Start;");
            w.Line("ref float g = ref (_gradients ??= new(KerasGenWeightSize)).Start;");
            Dispatch(w, "KerasGenBackward", "ref w, ref g, ref t, samples, preActivation");
        }
        EmitForward(w, plan, layout, memory);
        EmitBackward(w, plan, layout, memory);
    }

    private static void Dispatch(CodeWriter w, string method, string arguments)
    {
        using (w.Block("switch (ActivePath)"))
        {
            w.Line($"case global::KerasGen.KernelPath.Vector512: {method}<global::System.Runtime.Intrinsics.Vector512<float>, global::KerasGen.Kernels.Simd512>({arguments}); break;");
            w.Line($"case global::KerasGen.KernelPath.Vector256: {method}<global::System.Runtime.Intrinsics.Vector256<float>, global::KerasGen.Kernels.Simd256>({arguments}); break;");
            w.Line($"case global::KerasGen.KernelPath.Vector128: {method}<global::System.Runtime.Intrinsics.Vector128<float>, global::KerasGen.Kernels.Simd128>({arguments}); break;");
            w.Line($"default: {method}<float, global::KerasGen.Kernels.SimdScalar>({arguments}); break;");
        }
    }

    private static void EmitForward(CodeWriter w, ModelPlan plan, ModelLayout layout, TrainingLayout memory)
    {
        w.Line();
        using (w.Block($"private static void KerasGenTrainForward<TV, TS>(ref float w, ref float t, int n, global::KerasGen.Initialization.DeterministicRandom? training) {Constraints}"))
        {
            for (int l = 0; l < plan.Layers.Count; l++)
            {
                var layer = plan.Layers[l];
                var b = memory.Layers[l];
                w.Line($"// {layer.Name} ({layer.ClassName}): {ShapeMath.Keras(layer.InputShape)} -> {ShapeMath.Keras(layer.OutputShape)}");
                int last = layer.InputShape[layer.InputShape.Count - 1];
                switch (layer.Spec.Kind)
                {
                    case LayerKind.Dense:
                        var dense = layout.Dense[l];
                        int rows = TrainingLayout.DenseRows(layer), units = layer.Spec.Units;
                        w.Line($"{Training}.DenseTraining<TV, TS>.Forward(ref {Literals.At("t", b.Input)}, ref {Literals.At("w", dense.KernelOffset)}, ref {Literals.At("w", dense.BiasOffset >= 0 ? dense.BiasOffset : dense.KernelOffset)}, {Literals.Bool(dense.BiasOffset >= 0)}, ref {Literals.At("t", b.PreActivation)}, n * {rows}, {last}, {units}, {dense.PaddedUnits});");
                        ActivationForward(w, layer.Spec.Activation, b.PreActivation, b.Output, $"n * {rows * units}", $"n * {rows}", units);
                        break;
                    case LayerKind.Activation:
                        ActivationForward(w, layer.Spec.Activation, b.Input, b.Output, $"n * {layer.InputSize}", $"n * {layer.InputSize / last}", last);
                        break;
                    case LayerKind.Dropout:
                        string rate = ((float)layer.Spec.Rate).ToString("R", CultureInfo.InvariantCulture) + "f";
                        w.Line($"if (training is null) {Copy(b.Input, b.Output, $"n * {layer.InputSize}")}");
                        w.Line($"else {Training}.DropoutKernel.Forward(ref {Literals.At("t", b.Input)}, ref {Literals.At("t", b.Output)}, ref {Literals.At("t", b.Mask)}, n * {layer.InputSize}, {rate}, training);");
                        break;
                    default:
                        w.Line("// no computation");
                        break;
                }
            }
        }
    }

    /// <summary>An activation from buffer <paramref name="input"/> to <paramref name="output"/> (the same buffer works
    /// in place). Buffers are offsets into t, or names of refs.</summary>
    internal static void ActivationForward(CodeWriter w, string activation, object input, object output, string count, string rows, int length)
    {
        if (activation == "linear") return;
        string from = Ref(input), to = Ref(output);
        ActivationCatalog.TryGet(activation, out var method, out var shape);
        if (shape == ActivationShape.Elementwise)
        {
            Elementwise(w, count, i => $"TS.Store(global::KerasGen.Kernels.Activation<TV, TS>.{method}(TS.Load(ref {from}, {i})), ref {to}, {i});",
                i => $"{Unsafe}.Add(ref {to}, {i}) = global::KerasGen.Kernels.Activation<float, global::KerasGen.Kernels.SimdScalar>.{method}({Unsafe}.Add(ref {from}, {i}));");
            return;
        }
        if (from != to)
            w.Line($"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {from}, {count}).CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {to}, {count}));");
        w.Line($"global::KerasGen.Kernels.RowActivations.{method}(ref {to}, {rows}, {length});");
    }

    private static string Ref(object buffer) => buffer is int offset ? Literals.At("t", offset) : (string)buffer;

    private static void EmitBackward(CodeWriter w, ModelPlan plan, ModelLayout layout, TrainingLayout memory)
    {
        int firstWeighted = -1;
        for (int i = plan.Layers.Count - 1; i >= 0; i--)
            if (plan.Layers[i].Spec.Kind == LayerKind.Dense) firstWeighted = i;
        w.Line();
        using (w.Block($"private static void KerasGenBackward<TV, TS>(ref float w, ref float g, ref float t, int n, bool preActivation) {Constraints}"))
        {
            int current = memory.Gradient0, other = memory.Gradient1;
            for (int l = plan.Layers.Count - 1; l >= firstWeighted && firstWeighted >= 0; l--)
            {
                var layer = plan.Layers[l];
                var b = memory.Layers[l];
                bool isLast = l == plan.Layers.Count - 1;
                int last = layer.InputShape[layer.InputShape.Count - 1];
                w.Line($"// {layer.Name} ({layer.ClassName}): gradient of {ShapeMath.Keras(layer.OutputShape)} -> {ShapeMath.Keras(layer.InputShape)}");
                switch (layer.Spec.Kind)
                {
                    case LayerKind.Dense:
                        var dense = layout.Dense[l];
                        int rows = TrainingLayout.DenseRows(layer), units = layer.Spec.Units;
                        int gradient = ActivationBackward(w, layer.Spec.Activation, isLast, b.PreActivation, b.Output, current, other, $"n * {rows * units}", $"n * {rows}", units);
                        if (gradient != current) (current, other) = (other, current);
                        w.Line($"{Training}.DenseTraining<TV, TS>.Pad(ref {Literals.At("t", current)}, ref {Literals.At("t", memory.PaddedGradient)}, n * {rows}, {units}, {dense.PaddedUnits});");
                        w.Line($"{Training}.DenseTraining<TV, TS>.AccumulateGradients(ref {Literals.At("t", b.Input)}, ref {Literals.At("t", memory.PaddedGradient)}, ref {Literals.At("g", dense.KernelOffset)}, ref {Literals.At("g", dense.BiasOffset >= 0 ? dense.BiasOffset : dense.KernelOffset)}, {Literals.Bool(dense.BiasOffset >= 0)}, n * {rows}, {last}, {dense.PaddedUnits});");
                        if (l > firstWeighted)
                            w.Line($"{Training}.DenseTraining<TV, TS>.InputGradient(ref {Literals.At("t", memory.PaddedGradient)}, ref {Literals.At("w", dense.KernelOffset)}, ref {Literals.At("t", current)}, n * {rows}, {last}, {dense.PaddedUnits});");
                        break;
                    case LayerKind.Activation:
                        int result = ActivationBackward(w, layer.Spec.Activation, isLast, b.Input, b.Output, current, other, $"n * {layer.InputSize}", $"n * {layer.InputSize / last}", last);
                        if (result != current) (current, other) = (other, current);
                        break;
                    case LayerKind.Dropout:
                        Elementwise(w, $"n * {layer.InputSize}",
                            i => $"TS.Store(TS.Multiply(TS.Load(ref {Literals.At("t", current)}, {i}), TS.Load(ref {Literals.At("t", b.Mask)}, {i})), ref {Literals.At("t", current)}, {i});",
                            i => $"{Unsafe}.Add(ref {Literals.At("t", current)}, {i}) *= {Unsafe}.Add(ref {Literals.At("t", b.Mask)}, {i});");
                        break;
                    default:
                        w.Line("// no computation");
                        break;
                }
            }
        }
    }

    /// <summary>The activation's backward pass on the gradient in <paramref name="gradient"/>: in place, except glu,
    /// which writes the twice-as-long input gradient to <paramref name="spare"/>. Returns where the result is. For the
    /// last layer, a fused loss (sigmoid/softmax) hands in the pre-activation gradient, so the pass is skipped.</summary>
    private static int ActivationBackward(CodeWriter w, string activation, bool isLast, int z, int y, int gradient, int spare, string count, string rows, int length)
    {
        if (activation == "linear") return gradient;
        ActivationCatalog.TryGet(activation, out var method, out var shape);
        bool fusable = isLast && activation is "sigmoid" or "softmax";
        using (fusable ? w.Block("if (!preActivation)") : null)
        {
            if (shape == ActivationShape.Elementwise)
                Elementwise(w, count,
                    i => $"TS.Store({Training}.ActivationGradient<TV, TS>.{method}(TS.Load(ref {Literals.At("t", z)}, {i}), TS.Load(ref {Literals.At("t", y)}, {i}), TS.Load(ref {Literals.At("t", gradient)}, {i})), ref {Literals.At("t", gradient)}, {i});",
                    i => $"{Unsafe}.Add(ref {Literals.At("t", gradient)}, {i}) = {Training}.ActivationGradient<float, global::KerasGen.Kernels.SimdScalar>.{method}({Unsafe}.Add(ref {Literals.At("t", z)}, {i}), {Unsafe}.Add(ref {Literals.At("t", y)}, {i}), {Unsafe}.Add(ref {Literals.At("t", gradient)}, {i}));");
            else
                w.Line($"{Training}.RowActivationGradients.{method}(ref {Literals.At("t", z)}, ref {Literals.At("t", y)}, ref {Literals.At("t", gradient)}, ref {Literals.At("t", shape == ActivationShape.Halving ? spare : gradient)}, {rows}, {length});");
        }
        return shape == ActivationShape.Halving ? spare : gradient;
    }

    /// <summary>A loop over <paramref name="count"/> values: whole registers, then the scalar tail.</summary>
    private static void Elementwise(CodeWriter w, string count, System.Func<string, string> vector, System.Func<string, string> scalar)
    {
        using (w.Block(""))
        {
            w.Line($"nuint count = (nuint)({count}), i = 0;");
            using (w.Block("for (; i + (nuint)TS.Count <= count; i += (nuint)TS.Count)"))
                w.Line(vector("i"));
            using (w.Block("for (; i < count; i++)"))
                w.Line(scalar("i"));
        }
    }

    private static string Copy(int from, int to, string count) => from == to ? "{ }" :
        $"global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {Literals.At("t", from)}, {count}).CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Literals.At("t", to)}, {count}));";
}
