using System.Linq;
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

    public static void Emit(CodeWriter w, ModelPlan plan, ModelLayout layout, CompileSpec compile, KernelClass kernels)
    {
        var rowBlocks = RowSplitGradients.Blocks(plan, layout);
        var memory = new TrainingLayout(plan, compile.MaxBatchSize, ownPaddedGradients: rowBlocks is not null);
        var last = plan.Layers[plan.Layers.Count - 1];
        string lastActivation = last.Spec.Activation;
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
        w.Line($"    new {Training}.Optimizers.OptimizerSettings({OptimizerArguments(compile)}),");
        w.Line($"    {compile.MaxBatchSize}, {ShapeMath.Product(plan.InputShape)}, {ShapeMath.Product(plan.OutputShape)}, {outputWidth}, {Literals.Quote(lastActivation)}, _seed{(last.Spec.Regularization.Activity is null ? "" : ", OutputRegularized: true")}{(plan.Layers.Any(l => l.Spec.UsesBatchStatistics) ? ", BatchStatistics: true" : "")}, MultiplyAddsPerSample: KerasGenMultiplyAddsPerSample{(plan.Layers.Any(l => l.Spec.DrawsRandomNumbers || l.Spec.Regularization.Activity is not null) ? "" : ", ChunkIndependent: true")});");
        w.Line();
        w.Line($"/// <summary>The optimizer, with its step count and learning rate (Keras <c>model.optimizer</c>).</summary>");
        w.Line($"public {Training}.Optimizers.Optimizer Optimizer => KerasGenTrainer.Optimizer;");
        w.Line();
        w.Line("/// <summary>Keras 3 <c>save_weights(path)</c>, with the optimizer's state when <paramref name=\"includeOptimizer\"/> (once it has taken a step), so a model loaded from the file resumes training exactly.</summary>");
        w.Line("public void SaveWeights(string path, bool includeOptimizer) => global::KerasGen.Weights.KerasWeights.Save(this, path, includeOptimizer);");
        w.Line();
        if (compile.Schedule is null)
            w.Line($"private {Training}.Trainer KerasGenTrainer => _trainer ??= new {Training}.Trainer(this, KerasGenTrainingSpec);");
        else
        {
            using (w.Block($"private {Training}.Trainer KerasGenTrainer"))
            using (w.Block("get"))
            {
                w.Line("if (_trainer is not null) return _trainer;");
                w.Line($"var trainer = new {Training}.Trainer(this, KerasGenTrainingSpec);");
                w.Line($"trainer.Optimizer.LearningRateSchedule = {compile.Schedule}; // [Compile(LearningRateSchedule)]");
                w.Line("return _trainer = trainer;");
            }
        }
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
        if (layout.KeepsInferenceCopy)
        {
            using (w.Block($"global::System.Span<float> {Training}.IDifferentiableModel.WeightBuffer"))
            using (w.Block("get"))
            {
                w.Line("WeightsChanged(); // the caller may write: Predict refreshes its copies (folded, packed)");
                w.Line("return _weights.Span;");
            }
            w.Line($"void {Training}.IDifferentiableModel.WeightsWritten() => WeightsChanged(); // and again once written, so no Predict in between keeps a copy of half-written weights");
        }
        else w.Line($"global::System.Span<float> {Training}.IDifferentiableModel.WeightBuffer => _weights.Span;");
        w.Line($"global::System.Span<float> {Training}.IDifferentiableModel.GradientBuffer => (_gradients ??= new(KerasGenWeightSize)).Span;");
        w.Line();
        w.Line($"int {Training}.IDifferentiableModel.TrainingMemorySize => KerasGenTrainingSize;");
        w.Line($"global::System.ReadOnlySpan<float> {Training}.IDifferentiableModel.ForwardBatch(global::System.ReadOnlySpan<float> x, int samples, global::KerasGen.Initialization.DeterministicRandom? training) =>");
        w.Line($"    (({Training}.IDifferentiableModel)this).ForwardBatch((_trainingMemory ??= new(KerasGenTrainingSize)).Span, x, samples, training);");
        w.Line();
        using (w.Block($"global::System.ReadOnlySpan<float> {Training}.IDifferentiableModel.ForwardBatch(global::System.Span<float> memory, global::System.ReadOnlySpan<float> x, int samples, global::KerasGen.Initialization.DeterministicRandom? training)"))
        {
            w.Line($"if ((uint)samples - 1 >= {memory.MaxBatch} || x.Length != samples * {ShapeMath.Product(plan.InputShape)}) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"ForwardBatch takes 1 to {memory.MaxBatch} samples (MaxBatchSize) with x holding exactly their values.\");");
            w.Line("if (memory.Length < KerasGenTrainingSize) throw new global::System.ArgumentException($\"The training memory holds {memory.Length} floats, not {KerasGenTrainingSize}.\", nameof(memory));");
            w.Line("ref float t = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(memory);");
            w.Line($"x.CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Literals.At("t", memory.Input)}, x.Length));");
            w.Line("ref float w = ref _weights.Start;");
            if (layout.Folding.Folds.Count > 0) w.Line("if (training is not null) WeightsChanged(); // the moving statistics move");
            Dispatch(w, kernels.Name + ".TrainForward", "ref w, ref t, samples, training");
            if (layout.Folding.Folds.Count > 0) w.Line("if (training is not null) WeightsChanged(); // and have moved");
            w.Line($"return global::System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref {Literals.At("t", memory.Output)}, samples * {ShapeMath.Product(plan.OutputShape)});");
        }
        w.Line();
        EmitActivityPenalty(w, plan, memory);
        w.Line();
        using (w.Block($"void {Training}.IDifferentiableModel.BackwardBatch(global::System.ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples)"))
        {
            w.Line($"if (_trainingMemory is null) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"BackwardBatch follows a ForwardBatch of the same 1 to {memory.MaxBatch} samples, with their output gradient.\");");
            w.Line($"(({Training}.IDifferentiableModel)this).BackwardBatch(_trainingMemory.Span, (_gradients ??= new(KerasGenWeightSize)).Span, outputGradient, samples, preActivation, batchSamples);");
        }
        w.Line();
        using (w.Block($"void {Training}.IDifferentiableModel.BackwardBatch(global::System.Span<float> memory, global::System.Span<float> gradients, global::System.ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples)"))
        {
            EmitBackwardEntry(w, plan, memory, "BackwardBatch", withGradients: true);
            Dispatch(w, kernels.Name + ".Backward", "ref w, ref g, ref t, samples, preActivation, batchSamples");
        }
        if (rowBlocks is not null) EmitRowSplit(w, plan, memory, rowBlocks, kernels);
        EmitForward(kernels.W, plan, layout, memory);
        EmitBackward(kernels.W, plan, layout, memory, rowBlocks is not null);
        if (rowBlocks is not null) EmitWeightGradients(kernels.W, plan, layout, memory);
    }

    /// <summary>The model's side of <c>IRowSplitGradients</c>: its row blocks, the backward pass without weight
    /// gradients, and the weight gradients of one part of the rows.</summary>
    private static void EmitRowSplit(CodeWriter w, ModelPlan plan, TrainingLayout memory, System.Collections.Generic.IReadOnlyList<(int Offset, int Rows, int Stride)> blocks, KernelClass kernels)
    {
        string RowSplit = Training + ".IRowSplitGradients";
        w.Line();
        w.Line("/// <summary>The weight buffer as blocks of rows (offset, rows, stride): each Dense's kernel rows, then its bias row.</summary>");
        w.Line($"private static global::System.ReadOnlySpan<int> KerasGenWeightRows => new int[] {{ {string.Join(", ", blocks.Select(b => $"{b.Offset}, {b.Rows}, {b.Stride}"))} }};");
        w.Line();
        w.Line($"(int Start, int End) {RowSplit}.WeightPart(int part, int parts) => {Training}.WeightRows.Part(KerasGenWeightRows, KerasGenWeightSize, part, parts);");
        w.Line();
        using (w.Block($"void {RowSplit}.BackwardInputs(global::System.Span<float> memory, global::System.ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples)"))
        {
            EmitBackwardEntry(w, plan, memory, "BackwardInputs", withGradients: false);
            Dispatch(w, kernels.Name + ".BackwardInputs", "ref w, ref t, samples, preActivation, batchSamples");
        }
        w.Line();
        using (w.Block($"void {RowSplit}.AccumulateWeightGradients(global::System.ReadOnlySpan<float> memory, global::System.Span<float> gradients, int samples, int part, int parts, bool overwrite)"))
        {
            w.Line($"if ((uint)samples - 1 >= {memory.MaxBatch}) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"AccumulateWeightGradients follows a BackwardInputs of the same 1 to {memory.MaxBatch} samples.\");");
            w.Line("if (memory.Length < KerasGenTrainingSize || gradients.Length < KerasGenWeightSize) throw new global::System.ArgumentException($\"The training memory holds {memory.Length} floats and the gradients {gradients.Length}, not {KerasGenTrainingSize} and {KerasGenWeightSize}.\", nameof(memory));");
            w.Line($"var (start, end) = {Training}.WeightRows.Part(KerasGenWeightRows, KerasGenWeightSize, part, parts);");
            w.Line("ref float t = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(memory);");
            w.Line("ref float g = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(gradients);");
            Dispatch(w, kernels.Name + ".WeightGradients", "ref g, ref t, samples, start, end, overwrite");
        }
    }

    /// <summary>A row split's weight pass: each weighted layer's gradient rows that lie in the floats start … end − 1.</summary>
    private static void EmitWeightGradients(CodeWriter w, ModelPlan plan, ModelLayout layout, TrainingLayout memory)
    {
        w.Line();
        w.Line("/// <summary>The weight gradients of the rows in the weight floats start … end − 1 (on row boundaries), from the inputs and padded output gradients the backward pass left in t, added into g (written over it when overwrite).</summary>");
        using (w.Block($"public static void WeightGradients<TV, TS>(ref float g, ref float t, int n, int start, int end, bool overwrite) {Constraints}"))
        {
            var names = DeclareBuffers(w, plan, memory);
            string T(int offset) => names[offset];
            foreach (var layer in plan.Layers.Where(l => l.Params > 0))
            {
                var b = memory.Layers[layer.Index];
                w.Line($"// {layer.Name} ({layer.ClassName}): weight gradient");
                layer.Spec.EmitWeightGradientRows(new BackwardContext(w, layer, layout.Weights[layer.Index], T(b.Input), T(b.PreActivation), T(b.Output),
                    b.Mask >= 0 ? T(b.Mask) : null, T(memory.Scratch), T(memory.Gradient0), T(memory.Gradient1), T(b.PaddedGradient),
                    needsInputGradient: false, isLast: layer.Index == plan.Layers.Count - 1, defersWeightGradient: true));
            }
        }
    }

    /// <summary>The start of a backward entry point: its arguments checked, the output gradient copied into the training
    /// memory, and the refs <c>t</c>, <c>w</c> (and <c>g</c>, with the gradients) its kernels take.</summary>
    private static void EmitBackwardEntry(CodeWriter w, ModelPlan plan, TrainingLayout memory, string name, bool withGradients)
    {
        w.Line($"if ((uint)samples - 1 >= {memory.MaxBatch} || outputGradient.Length != samples * {ShapeMath.Product(plan.OutputShape)}) throw new global::System.ArgumentOutOfRangeException(nameof(samples), samples, \"{name} follows a ForwardBatch of the same 1 to {memory.MaxBatch} samples, with their output gradient.\");");
        if (withGradients)
            w.Line("if (memory.Length < KerasGenTrainingSize || gradients.Length < KerasGenWeightSize) throw new global::System.ArgumentException($\"The training memory holds {memory.Length} floats and the gradients {gradients.Length}, not {KerasGenTrainingSize} and {KerasGenWeightSize}.\", nameof(memory));");
        else w.Line("if (memory.Length < KerasGenTrainingSize) throw new global::System.ArgumentException($\"The training memory holds {memory.Length} floats, not {KerasGenTrainingSize}.\", nameof(memory));");
        w.Line("ref float t = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(memory);");
        w.Line($"outputGradient.CopyTo(global::System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref {Literals.At("t", memory.Gradient0)}, outputGradient.Length));");
        w.Line("ref float w = ref _weights.Start;");
        if (withGradients) w.Line("ref float g = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(gradients);");
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
        w.Line("/// <summary>Training's forward pass over n samples: every layer's pre-activation and output stay in t for the backward pass.</summary>");
        using (w.Block($"public static void TrainForward<TV, TS>(ref float w, ref float t, int n, global::KerasGen.Initialization.DeterministicRandom? training) {Constraints}"))
        {
            var names = DeclareBuffers(w, plan, memory);
            string T(int offset) => names[offset];
            foreach (var layer in plan.Layers)
            {
                var b = memory.Layers[layer.Index];
                var needs = layer.Spec.Memory(layer);
                w.Line(layer.Comment);
                if (!needs.Computes && !needs.Mask) continue; // its output is its input, as it lies in memory
                layer.Spec.EmitForward(new ForwardContext(w, layer, layout.Weights[layer.Index], "TV", "TS", "n",
                    T(b.Input), T(b.PreActivation), T(b.Output), T(memory.Scratch), b.Mask >= 0 ? T(b.Mask) : null, training: true));
                if (layer.Spec.Regularization.Activity is { } activity)
                {
                    var rule = ActivityRule(activity);
                    w.Line($"{T(b.ActivityPenalty)} = {Regularizer}.Penalty(ref {T(b.Output)}, n * {layer.OutputSize}, {Literals.Float(rule.L1)}, {Literals.Float(rule.L2)}); // activity_regularizer on the output");
                }
            }
        }
    }

    /// <summary>The backward pass: from the last layer down to the first one with weights, each layer's own
    /// statements; the gradient moves between two ping-pong buffers when a layer writes its input gradient aside.</summary>
    private static void EmitBackward(CodeWriter w, ModelPlan plan, ModelLayout layout, TrainingLayout memory, bool rowSplit)
    {
        int firstWeighted = plan.FirstWeighted;
        w.Line();
        if (rowSplit)
        {
            // One thread's backward pass is the two passes a row split runs apart, over all the rows.
            w.Line("/// <summary>The backward pass: each layer's input gradient for the one below (BackwardInputs), then every weight gradient into g.</summary>");
            using (w.Block($"public static void Backward<TV, TS>(ref float w, ref float g, ref float t, int n, bool preActivation, int batchSamples) {Constraints}"))
            {
                w.Line("BackwardInputs<TV, TS>(ref w, ref t, n, preActivation, batchSamples);");
                w.Line($"WeightGradients<TV, TS>(ref g, ref t, n, 0, {layout.WeightSize}, overwrite: false);");
            }
            w.Line();
            w.Line("/// <summary>The backward pass without weight gradients, last layer first: each layer's input gradient for the one below, and each weighted layer's padded output gradient kept in t for WeightGradients.</summary>");
        }
        else w.Line("/// <summary>The backward pass, last layer first: weight gradients into g, and each layer's input gradient for the one below.</summary>");
        using (w.Block(rowSplit
            ? $"public static void BackwardInputs<TV, TS>(ref float w, ref float t, int n, bool preActivation, int batchSamples) {Constraints}"
            : $"public static void Backward<TV, TS>(ref float w, ref float g, ref float t, int n, bool preActivation, int batchSamples) {Constraints}"))
        {
            var names = DeclareBuffers(w, plan, memory);
            string T(int offset) => names[offset];
            int current = memory.Gradient0, other = memory.Gradient1;
            for (int l = plan.Layers.Count - 1; l >= firstWeighted && firstWeighted >= 0; l--)
            {
                var layer = plan.Layers[l];
                var b = memory.Layers[l];
                w.Line($"// {layer.Name} ({layer.ClassName}): gradient of {ShapeMath.Keras(layer.OutputShape)} -> {ShapeMath.Keras(layer.InputShape)}");
                if (layer.Spec.Regularization.Activity is { } activity)
                {
                    // Keras 3 divides the activity penalty by the batch size (the whole batch, over all its chunks); Keras 1 does not.
                    var rule = ActivityRule(activity);
                    string scale = layer.Spec.Regularization.Keras1 ? "" : " / batchSamples";
                    w.Line($"{Regularizer}.AddGradient(ref {T(b.Output)}, ref {T(current)}, n * {layer.OutputSize}, {Literals.Float(rule.L1)}{scale}, {Literals.Float(rule.L2)}{scale});");
                }
                bool spare = layer.Spec.EmitBackward(new BackwardContext(w, layer, layout.Weights[l], T(b.Input), T(b.PreActivation), T(b.Output),
                    b.Mask >= 0 ? T(b.Mask) : null, T(memory.Scratch), T(current), T(other), T(rowSplit && b.PaddedGradient >= 0 ? b.PaddedGradient : memory.PaddedGradient),
                    needsInputGradient: l > firstWeighted, isLast: l == plan.Layers.Count - 1, defersWeightGradient: rowSplit));
                if (spare) (current, other) = (other, current);
            }
        }
    }

    private const string Regularizer = "global::KerasGen.Training.Regularization.Regularizer";

    /// <summary>The factors of a canonical <c>l1l2(l1=…, l2=…)</c>.</summary>
    private static (double L1, double L2) ActivityRule(string canonical)
    {
        var call = Catalog.KerasCall.Parse(canonical, out _)!;
        double Factor(string key) => call.Named.First(p => p.Key == key).Value is double d ? d : 0;
        return (Factor("l1"), Factor("l2"));
    }

    /// <summary>The activity regularizers' penalty of the last forward pass, as Keras adds it to a batch's loss:
    /// divided by the batch size for Keras 3 layers, summed for Keras 1 ones.</summary>
    private static void EmitActivityPenalty(CodeWriter w, ModelPlan plan, TrainingLayout memory)
    {
        var terms = plan.Layers.Where(l => l.Spec.Regularization.Activity is not null)
            .Select(l => (Offset: memory.Layers[l.Index].ActivityPenalty, l.Spec.Regularization.Keras1)).ToList();
        string signature = $"float {Training}.IDifferentiableModel.ActivityPenalty(global::System.ReadOnlySpan<float> memory, int batchSamples)";
        w.Line($"float {Training}.IDifferentiableModel.ActivityPenalty(int batchSamples) => _trainingMemory is null ? 0f : (({Training}.IDifferentiableModel)this).ActivityPenalty(_trainingMemory.Span, batchSamples);");
        if (terms.Count == 0)
        {
            w.Line($"{signature} => 0f;");
            return;
        }
        using (w.Block(signature))
        {
            w.Line("ref float t = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(memory);");
            var keras3 = terms.Where(x => !x.Keras1).Select(x => Literals.At("t", x.Offset)).ToList();
            var keras1 = terms.Where(x => x.Keras1).Select(x => Literals.At("t", x.Offset)).ToList();
            var parts = new System.Collections.Generic.List<string>();
            if (keras3.Count > 0) parts.Add($"({string.Join(" + ", keras3)}) / batchSamples");
            parts.AddRange(keras1);
            w.Line($"return {string.Join(" + ", parts)};");
        }
    }

    /// <summary>A ref local per training buffer, named after its layer; returns offset → name.</summary>
    private static System.Collections.Generic.Dictionary<int, string> DeclareBuffers(CodeWriter w, ModelPlan plan, TrainingLayout memory)
    {
        var names = new System.Collections.Generic.Dictionary<int, string>();
        foreach (var (name, offset) in memory.Names(plan))
        {
            w.Line($"ref float {name} = ref {Literals.At("t", offset)};");
            names[offset] = name;
        }
        return names;
    }

    /// <summary>The optimizer's id, then only the hyperparameters <c>[Compile]</c> gives, by name (the others keep
    /// <see cref="float.NaN"/>, "Keras' default"), so the generated line reads as the attribute does.</summary>
    private static string OptimizerArguments(CompileSpec compile)
    {
        var arguments = new System.Collections.Generic.List<string> { Literals.Quote(compile.Optimizer) };
        void Number(string name, double value) { if (!double.IsNaN(value)) arguments.Add($"{name}: {Literals.Float(value)}"); }
        void Flag(string name, bool value) { if (value) arguments.Add($"{name}: true"); }
        Number("LearningRate", compile.LearningRate);
        Number("Momentum", compile.Momentum);
        Flag("Nesterov", compile.Nesterov);
        Number("Beta1", compile.Beta1);
        Number("Beta2", compile.Beta2);
        Number("Epsilon", compile.Epsilon);
        Number("Rho", compile.Rho);
        Flag("Amsgrad", compile.Amsgrad);
        Flag("Centered", compile.Centered);
        Number("InitialAccumulatorValue", compile.InitialAccumulatorValue);
        Number("WeightDecay", compile.WeightDecay);
        Number("ClipNorm", compile.ClipNorm);
        Number("ClipValue", compile.ClipValue);
        Number("GlobalClipNorm", compile.GlobalClipNorm);
        return string.Join(", ", arguments);
    }
}
