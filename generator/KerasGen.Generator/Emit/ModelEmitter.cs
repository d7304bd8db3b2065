using System;
using System.Linq;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Writes the partial class of one model: shapes, weight table, constructors, <c>Predict</c> with its per-path
/// dispatch, and per path a forward pass that chains the layer kernels through two ping-pong buffers.
/// </summary>
internal static class ModelEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string Kernels = "global::KerasGen.Kernels";
    private const string Threading = "global::KerasGen.Threading";
    private const string ChunkedPredictor = Threading + ".IChunkedPredictor";
    public const string Version = "0.1.0";

    public static string Emit(ModelPlan plan)
    {
        var layout = new ModelLayout(plan);
        var kernels = new KernelClass(plan.Spec, plan.UnknownSteps
            ? "Plan (the steps after each layer and the buffer sizes) and PredictSteps, generic over the register width"
            : "one forward pass per kernel path, its layers' kernels, the batch path" + (plan.Spec.Compile is null ? "" : " and the training passes"));
        var w = new CodeWriter();
        string interfaces = "global::KerasGen.ISequentialModel, global::KerasGen.Weights.IWeightLayout" +
            (plan.UnknownSteps ? "" : ", " + ChunkedPredictor) +
            (plan.Spec.Compile is null ? "" : ", global::KerasGen.ITrainableModel, global::KerasGen.Training.IDifferentiableModel") +
            (plan.Spec.Compile is null || RowSplitGradients.Blocks(plan, layout) is null ? "" : ", global::KerasGen.Training.IRowSplitGradients");
        WrapInType(w, plan.Spec, () =>
        {
            EmitMembers(w, plan, layout, kernels);
            if (plan.Spec.Compile is { } compile) TrainingEmitter.Emit(w, plan, layout, compile, kernels);
        }, interfaces);
        kernels.AppendTo(w, Version);
        return w.ToString();
    }

    /// <summary>For a model with errors: the same public surface and interfaces, each member throwing, so the user
    /// sees the model's diagnostics rather than a cascade of "member not found" errors.</summary>
    public static string EmitInvalid(ModelSpec spec)
    {
        var w = new CodeWriter();
        WrapInType(w, spec, () =>
        {
            string error = $"throw new global::System.InvalidOperationException(\"The model {spec.ClassName} is invalid; see the KerasGen diagnostics (KG…) on its attributes.\")";
            w.Line($"public static global::KerasGen.TensorShape InputShape => {error};");
            w.Line($"public static global::KerasGen.TensorShape OutputShape => {error};");
            w.Line($"public static int InputSize => {error};");
            w.Line($"public static int OutputSize => {error};");
            w.Line($"public static global::KerasGen.KernelPath ActivePath => {error};");
            w.Line($"public {spec.ClassName}() => {error};");
            w.Line($"public {spec.ClassName}(int seed) => {error};");
            w.Line($"public int MaxDegreeOfParallelism {{ get => {error}; set => {error}; }}");
            w.Line($"public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y) => {error};");
            w.Line($"public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, global::KerasGen.KernelPath path) => {error};");
            w.Line($"public float[][] GetWeights() => {error};");
            w.Line($"public void SetWeights(global::System.Collections.Generic.IReadOnlyList<float[]> weights) => {error};");
            w.Line($"public void LoadWeights(string path) => {error};");
            w.Line($"public void SaveWeights(string path) => {error};");
            w.Line($"public int CountParams() => {error};");
            w.Line($"public string Summary() => {error};");
            w.Line($"public string Summary(int lineLength) => {error};");
            if (spec.Compile is not null)
            {
                w.Line($"public global::KerasGen.Training.Optimizers.Optimizer Optimizer => {error};");
                w.Line($"public void SaveWeights(string path, bool includeOptimizer) => {error};");
                w.Line($"public float TrainOnBatch(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y) => {error};");
                w.Line($"public global::KerasGen.Training.History Fit(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y, int epochs = 1, int batchSize = 32, float validationSplit = 0, bool shuffle = true, int verbose = 1, params global::KerasGen.Training.ICallback[] callbacks) => {error};");
                w.Line($"public float[] Evaluate(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<float> y, int batchSize = 32) => {error};");
            }
        }, "global::KerasGen.ISequentialModel" + (spec.Compile is null ? "" : ", global::KerasGen.ITrainableModel"));
        return w.ToString();
    }

    private static void WrapInType(CodeWriter w, ModelSpec spec, Action body, string? interfaces)
    {
        w.Line("// <auto-generated/>");
        w.Line("// KerasGen " + Version + ": the model declared by the attributes on " + spec.ClassName + ".");
        w.Line("#nullable enable");
        w.Line();
        var scopes = new System.Collections.Generic.List<IDisposable>();
        if (spec.Namespace is not null) scopes.Add(w.Block($"namespace {spec.Namespace}"));
        foreach (var outer in spec.ContainingTypes) scopes.Add(w.Block(outer));
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"KerasGen\", \"{Version}\")]");
        using (w.Block($"partial class {spec.ClassName}" + (interfaces is null ? "" : " : " + interfaces)))
            body();
        for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();
    }

    private static void EmitMembers(CodeWriter w, ModelPlan plan, ModelLayout layout, KernelClass kernels)
    {
        var spec = plan.Spec;
        int inputSize = ShapeMath.Product(plan.InputShape), outputSize = ShapeMath.Product(plan.OutputShape);
        long parameters = plan.Layers.Sum(l => l.Params);

        w.Line("// Layers:");
        foreach (var layer in plan.Layers)
            w.Line($"//   {layer.Name} ({layer.ClassName}): {ShapeMath.Keras(layer.InputShape)} -> {ShapeMath.Keras(layer.OutputShape)}, {layer.Params} parameters");
        w.Line($"private const int KerasGenWeightSize = {layout.WeightSize};");
        w.Line();
        w.Line("/// <summary>Keras <c>model.input_shape</c>: " + ShapeMath.Keras(plan.InputShape) + ".</summary>");
        w.Line($"public static global::KerasGen.TensorShape InputShape {{ get; }} = new global::KerasGen.TensorShape(null{Dimensions(plan.InputShape)});");
        w.Line("/// <summary>Keras <c>model.output_shape</c>: " + ShapeMath.Keras(plan.OutputShape) + ".</summary>");
        w.Line($"public static global::KerasGen.TensorShape OutputShape {{ get; }} = new global::KerasGen.TensorShape(null{Dimensions(plan.OutputShape)});");
        if (!plan.UnknownSteps)
        {
            w.Line("/// <summary>Input values per sample.</summary>");
            w.Line($"public static int InputSize => {inputSize};");
            w.Line("/// <summary>Output values per sample.</summary>");
            w.Line($"public static int OutputSize => {outputSize};");
        }
        w.Line("/// <summary>The kernel path <c>Predict</c> uses on this machine: the widest one the JIT accelerates.</summary>");
        w.Line("public static global::KerasGen.KernelPath ActivePath =>");
        w.Line("    global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? global::KerasGen.KernelPath.Vector512 :");
        w.Line("    global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? global::KerasGen.KernelPath.Vector256 :");
        w.Line("    global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? global::KerasGen.KernelPath.Vector128 :");
        w.Line("    global::KerasGen.KernelPath.Scalar;");
        w.Line();
        using (w.Block("private static readonly global::KerasGen.Weights.WeightSlot[] s_slots =", "};"))
            foreach (var s in layout.Slots)
                w.Line($"new({Literals.Quote(s.Layer)}, {Literals.Quote(s.Name)}, new[] {{ {string.Join(", ", s.Shape)} }}, {s.Offset}, {s.Rows}, {s.Columns}, {s.Stride}, {Literals.Quote(s.Initializer)}{(s.Groups == 1 ? "" : $", {s.Groups}")}"
                    + (s.Regularizer is null ? "" : $", Regularizer: {Literals.Quote(s.Regularizer)}") + (s.Constraint is null ? "" : $", Constraint: {Literals.Quote(s.Constraint)}") + (s.Trainable ? "" : ", Trainable: false") + "),");
        using (w.Block("private static readonly global::KerasGen.LayerDescription[] s_layers =", "};"))
            foreach (var layer in plan.Layers)
            {
                int kernel = layout.Slots.FindIndex(s => s.Layer == layer.Name && s.Name == "kernel");
                int bias = layout.Slots.FindIndex(s => s.Layer == layer.Name && s.Name == "bias");
                var config = layer.Spec.Config(layer).Select(c => $"[{Literals.Quote(c.Key)}] = {Literals.Quote(c.Value)}");
                w.Line($"new({Literals.Quote(layer.Name)}, {Literals.Quote(layer.ClassName)}, {Literals.Quote(layer.Spec.Activation)}, new[] {{ {string.Join(", ", layer.InputShape)} }}, new[] {{ {string.Join(", ", layer.OutputShape)} }}, {layer.Params}, {kernel}, {bias}, " +
                       $"new global::System.Collections.Generic.Dictionary<string, string> {{ {string.Join(", ", config)} }}),");
            }
        w.Line();
        if (!plan.UnknownSteps && layout.SampleFloats > ModelLayout.MaxStackFloats)
        {
            w.Line("// Per-thread activation buffers: Predict allocates nothing after a thread's first call, and threads never share them.");
            w.Line("[global::System.ThreadStatic] private static " + Kernels + ".AlignedBuffer? t_scratch;");
        }
        w.Line("private readonly " + Kernels + ".AlignedBuffer _weights = new(KerasGenWeightSize);");
        w.Line("private readonly ulong _seed;");
        w.Line($"private int _maxDegreeOfParallelism = {Threading}.Parallelism.DefaultDegree;");
        w.Line($"private const long KerasGenMultiplyAddsPerSample = {plan.Layers.Sum(l => l.Spec.MultiplyAdds(l))}; // decides when a batch is worth cutting across cores");
        w.Line();
        string users = plan.UnknownSteps
            ? (spec.Compile is null ? "this model may use: none yet, since Predict over unknown steps runs on the calling thread" : "training may use (Predict over unknown steps runs on the calling thread)")
            : "a batch Predict" + (spec.Compile is null ? "" : " and training") + " may use";
        w.Line($"/// <summary>How many cores {users} (default: all; 1: the calling thread only; -1: all). A batch too small to pay for a thread hand-off stays on the calling thread, as does a single sample." + (spec.Compile is null ? "" : " Training is bit-for-bit reproducible for a given value.") + "</summary>");
        w.Line($"public int MaxDegreeOfParallelism {{ get => _maxDegreeOfParallelism; set => _maxDegreeOfParallelism = {Threading}.Parallelism.Validate(value); }}");
        if (layout.KeepsInferenceCopy) EmitInferenceCopy(w, layout);
        w.Line();
        w.Line("global::System.Collections.Generic.IReadOnlyList<global::KerasGen.Weights.WeightSlot> global::KerasGen.Weights.IWeightLayout.WeightSlots => s_slots;");
        w.Line("global::System.Collections.Generic.IReadOnlyList<global::KerasGen.LayerDescription> global::KerasGen.Weights.IWeightLayout.Layers => s_layers;");
        w.Line();
        w.Line("/// <summary>A model with freshly initialized weights from a random seed, as Keras does.</summary>");
        w.Line($"public {spec.ClassName}() : this(global::System.Random.Shared.Next()) {{ }}");
        w.Line();
        w.Line("/// <summary>A model whose weights are initialized from <paramref name=\"seed\"/>: the same seed gives bit-identical weights on every machine.</summary>");
        using (w.Block($"public {spec.ClassName}(int seed)"))
        {
            w.Line("_seed = unchecked((ulong)seed);");
            w.Line("global::KerasGen.Weights.WeightTable.Initialize(s_slots, _seed, _weights.Span);");
            if (!plan.UnknownSteps) w.Line("KerasGenCompileKernels();");
        }
        w.Line();
        if (plan.UnknownSteps) StepsEmitter.EmitMembers(w, plan, kernels);
        else
        {
            var chained = ChainedPaths(plan, layout);
            EmitPredicts(w, layout, kernels, inputSize, outputSize, chained, isa => ChainedForward.AutomaticPath(plan, layout, isa, chained));
            EmitCompileKernels(w, layout, inputSize, outputSize, chained.Count > 0);
        }
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public float[][] GetWeights() => global::KerasGen.Weights.WeightTable.Get(s_slots, _weights.Span);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        string set = $"global::KerasGen.Weights.WeightTable.Set({Literals.Quote(spec.ModelName)}, s_slots, weights, _weights.Span)";
        w.Line("public void SetWeights(global::System.Collections.Generic.IReadOnlyList<float[]> weights)" + (layout.KeepsInferenceCopy ? $" {{ {set}; WeightsChanged(); }}" : $" => {set};"));
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public void LoadWeights(string path) => global::KerasGen.Weights.KerasWeights.Load(this, path);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public void SaveWeights(string path) => global::KerasGen.Weights.KerasWeights.Save(this, path);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public int CountParams() => {parameters};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public string Summary() => Summary(88);");
        w.Line();
        w.Line("/// <summary>Keras 3 <c>summary(line_length)</c>.</summary>");
        w.Line($"public string Summary(int lineLength) => global::KerasGen.ModelSummary.Format({Literals.Quote(spec.ModelName)}, s_layers, lineLength{NonTrainable(layout)});");

        var k = kernels.W;
        if (plan.UnknownSteps)
        {
            StepsEmitter.EmitKernels(k, plan, layout);
            return;
        }
        k.Line("[global::System.ThreadStatic] private static " + Kernels + ".AlignedBuffer? t_batchScratch;");
        k.Line();
        k.Line("/// <summary>Four or more samples: chunks through the batch kernels, which share weight loads across samples.</summary>");
        k.Line(FirstCallOptimized);
        using (k.Block("public static void PredictBatch<TV, TS>(ref float input, ref float weights, ref float packed, ref float output, int samples) where TV : struct where TS : struct, global::KerasGen.Kernels.ISimd<TV>"))
        {
            int chunk = BatchEmitter.Chunk(plan, layout);
            k.Line($"ref float scratch = ref (t_batchScratch ??= new {Kernels}.AlignedBuffer({chunk * (2 * BatchEmitter.SampleBuffer(plan, layout) + BatchEmitter.Scratch(plan, layout))})).Start;");
            using (k.Block($"for (int start = 0; start < samples; start += {chunk})"))
            {
                k.Line($"int n = global::System.Math.Min({chunk}, samples - start);");
                k.Line($"BatchForward<TV, TS>(ref {Unsafe}.Add(ref input, start * {inputSize}), ref weights, ref packed, ref scratch, ref {Unsafe}.Add(ref output, start * {outputSize}), n);");
            }
        }
        foreach (var isa in Isa.All) EmitPath(k, plan, layout, isa);
        foreach (var isa in ChainedPaths(plan, layout)) ChainedForward.Emit(k, plan, layout, isa);
        BatchEmitter.Emit(k, plan, layout);
    }

    /// <summary>The paths whose single sample runs register-chained (<see cref="ChainedForward"/>).</summary>
    private static System.Collections.Generic.List<Isa> ChainedPaths(ModelPlan plan, ModelLayout layout) =>
        Isa.All.Where(isa => ChainedForward.Fits(plan, layout, isa)).ToList();

    /// <summary>Predict, and Predict on a chosen kernel path. With <paramref name="chained"/> paths, a single sample
    /// goes straight to its register-chained kernel, and everything else to PredictSamples, so Predict's own frame
    /// holds no stackalloc and no stack cookie.</summary>
    private static void EmitPredicts(CodeWriter w, ModelLayout layout, KernelClass kernels, int inputSize, int outputSize, System.Collections.Generic.List<Isa> chained, System.Func<Isa, Isa> automatic)
    {
        w.Line("/// <inheritdoc/>");
        if (chained.Count == 0)
            using (w.Block("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y)"))
                EmitPredictBody(w, layout, kernels, inputSize, outputSize, path: null);
        else
        {
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // a few lines: optimized at once, not after 30 tier-0 calls");
            using (w.Block("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y)"))
            {
                EmitOneSample(w, layout, kernels, inputSize, outputSize, chained, automatic, path: null);
                w.Line("PredictSamples(x, y);");
            }
            w.Line();
            w.Line("/// <summary>Predict on any number of samples (one only on a path that does not chain).</summary>");
            w.Line(FirstCallOptimized);
            using (w.Block("private void PredictSamples(global::System.ReadOnlySpan<float> x, global::System.Span<float> y)"))
                EmitPredictBody(w, layout, kernels, inputSize, outputSize, path: null);
        }
        w.Line();
        w.Line("/// <summary>Predict on a chosen kernel path (for tests and benchmarks that compare paths in one process).</summary>");
        using (w.Block("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, global::KerasGen.KernelPath path)"))
        {
            using (w.Block("if (path == global::KerasGen.KernelPath.Auto)"))
            {
                w.Line("Predict(x, y);");
                w.Line("return;");
            }
            if (chained.Count > 0) EmitOneSample(w, layout, kernels, inputSize, outputSize, chained, automatic, path: "path");
            EmitPredictBody(w, layout, kernels, inputSize, outputSize, path: "path");
        }
        EmitPredictChunk(w, layout, kernels, inputSize, outputSize);
    }

    /// <summary>One sample on a chained path: its PredictOne kernel, and return. The automatic Predict picks the path
    /// by the JIT-time constant IsHardwareAccelerated checks, as <see cref="EmitPredictBody"/> does, and runs the chain
    /// <paramref name="automatic"/> gives for it (<see cref="ChainedForward.AutomaticPath"/>).</summary>
    private static void EmitOneSample(CodeWriter w, ModelLayout layout, KernelClass kernels, int inputSize, int outputSize, System.Collections.Generic.List<Isa> chained, System.Func<Isa, Isa> automatic, string? path)
    {
        using (w.Block($"if (x.Length == {inputSize} && y.Length == {outputSize})"))
        {
            // (No locals: the path Predict declares the same names after this block.)
            string weights = layout.Folding.Folds.Count > 0 ? "InferenceWeights" : "_weights.Start";
            // On the automatic path every faster path is checked first, in an else-if chain, so a machine whose best
            // path does not chain falls through to PredictSamples (its own path's bits) instead of running a narrower
            // chained one, and a machine whose best path chains runs it though a wider one does not. The one
            // narrower chain run is AutomaticPath's: AVX-512 running the 256-bit chain of a model whose 512-bit
            // chain it replaces (same bits).
            var paths = path is null ? Isa.All.Where(i => !i.IsScalar).Take(Isa.All.ToList().FindLastIndex(chained.Contains) + 1).ToList() : chained;
            for (int k = 0; k < paths.Count; k++)
            {
                var isa = paths[k];
                string condition = path is null ? $"{isa.Vector}.IsHardwareAccelerated" : $"{path} == global::KerasGen.KernelPath.{isa.KernelPath}";
                using (w.Block($"{(k > 0 && path is null ? "else " : "")}if ({condition})"))
                {
                    if (!chained.Contains(isa))
                    {
                        w.Line($"// {isa.KernelPath} does not chain this model: the row kernels below");
                        continue;
                    }
                    var run = path is null ? automatic(isa) : isa; // a chosen path runs its own chain
                    if (run != isa) w.Line($"// every layer fits one {isa.Width * 32}-bit register: the {run.Width * 32}-bit chain, no slower on this dependency chain (the same bits)");
                    w.Line($"{kernels.Name}.PredictOne{run.Suffix}(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x), ref {weights}, ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y));");
                    w.Line("return;");
                }
            }
        }
    }

    /// <summary>The batches the constructor compiles with: eight samples for AVX-512's eight-row blocks, then five for
    /// the four-row blocks and the one-row edge. Two calls, because a batch is cut into passes of the model's chunk
    /// (4 to 32 samples): one batch of 13 would run as 10 + 3 with a chunk of 10, and miss the four-row block. With
    /// five alone, the first batch of eight or more compiled the eight-row block (~6 ms of a 13 ms first call).</summary>
    private static readonly int[] CompileBatches = { 8, 5 };

    /// <summary>
    /// The first model of a class made in a process runs Predict's kernels once on zeros (one sample, then a batch of
    /// <see cref="CompileBatches"/> through the one-thread batch kernels), so their optimizing JIT compile (~7–12 ms here, measured in fresh
    /// processes) happens in the constructor, as ONNX Runtime's session creation does its work, and not in the first
    /// Predict of a request path (issue 11); a chained model also runs two samples through PredictSamples, its row
    /// kernels. Only the path this machine uses is compiled. The weights are not changed; the packed copy the batches
    /// make is dropped again unless single samples read it (<see cref="SingleReadsPacked"/>).
    /// </summary>
    private static void EmitCompileKernels(CodeWriter w, ModelLayout layout, int inputSize, int outputSize, bool chained)
    {
        w.Line();
        w.Line("private static int s_kerasGenKernelsCompiled;");
        w.Line();
        w.Line("/// <summary>Compiles the kernels Predict uses on this machine when the first model of this class is made, so the first Predict runs at steady speed.</summary>");
        using (w.Block("private void KerasGenCompileKernels()"))
        {
            w.Line("if (global::System.Threading.Interlocked.Exchange(ref s_kerasGenKernelsCompiled, 1) != 0) return;");
            w.Line($"var x = new float[{CompileBatches.Max() * (long)inputSize}];");
            w.Line($"var y = new float[{CompileBatches.Max() * (long)outputSize}];");
            w.Line($"Predict(global::System.MemoryExtensions.AsSpan(x, 0, {inputSize}), global::System.MemoryExtensions.AsSpan(y, 0, {outputSize}));");
            if (chained) // a single sample took the chained kernel: two samples compile PredictSamples and the row kernels
                w.Line($"PredictSamples(global::System.MemoryExtensions.AsSpan(x, 0, {2 * (long)inputSize}), global::System.MemoryExtensions.AsSpan(y, 0, {2 * (long)outputSize}));");
            foreach (int samples in CompileBatches)
                w.Line($"(({ChunkedPredictor})this).PredictChunk(global::System.MemoryExtensions.AsSpan(x, 0, {samples * (long)inputSize}), global::System.MemoryExtensions.AsSpan(y, 0, {samples * (long)outputSize}), global::KerasGen.KernelPath.Auto);");
            if (layout.Panels.Size > 0 && !layout.Streams.InSinglePath) // a model whose single samples read the copy keeps it
                using (w.Block(layout.Panels.AnyInSingle ? "if (!global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated) lock (_inferenceLock)" : "lock (_inferenceLock)"))
                    w.Line("(_packedWeights, _packedVersion) = (null, -1); // packed again at the first batch Predict: a model used one sample at a time keeps no packed copy");
        }
    }

    /// <summary>One chunk of a parallel batch Predict: the batch kernels on the calling thread.</summary>
    private static void EmitPredictChunk(CodeWriter w, ModelLayout layout, KernelClass kernels, int inputSize, int outputSize)
    {
        w.Line();
        using (w.Block($"void {ChunkedPredictor}.PredictChunk(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, global::KerasGen.KernelPath path)"))
        {
            w.Line($"int samples = x.Length / {inputSize};");
            w.Line("ref float input = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x);");
            w.Line("ref float output = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y);");
            w.Line(layout.Folding.Folds.Count > 0 ? "ref float weights = ref InferenceWeights;" : "ref float weights = ref _weights.Start;");
            w.Line(PackedLocal(layout));
            using (w.Block("switch (path == global::KerasGen.KernelPath.Auto ? ActivePath : path)"))
            {
                foreach (var isa in Isa.All.Where(i => i != Isa.Scalar))
                    w.Line($"case global::KerasGen.KernelPath.{isa.KernelPath}: {kernels.Name}.PredictBatch<{isa.Register}, {isa.Simd}>(ref input, ref weights, ref packed, ref output, samples); break;");
                w.Line($"default: {kernels.Name}.PredictBatch<{Isa.Scalar.Register}, {Isa.Scalar.Simd}>(ref input, ref weights, ref packed, ref output, samples); break;");
            }
        }
    }

    /// <summary>A TensorShape's dimensions after the batch axis, None as null.</summary>
    private static string Dimensions(System.Collections.Generic.IEnumerable<int> shape) =>
        string.Concat(shape.Select(d => ", " + (d == ShapeMath.None ? "null" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Predict's body: checks, then the batch kernels for 4+ samples or the per-sample kernels. With
    /// <paramref name="path"/> null the path is chosen by the JIT-time constant IsHardwareAccelerated checks, so the
    /// automatic Predict carries no dispatch at all; otherwise by a switch on the named variable.</summary>
    private static void EmitPredictBody(CodeWriter w, ModelLayout layout, KernelClass kernels, int inputSize, int outputSize, string? path)
    {
        w.Line($"int samples = global::KerasGen.PredictArguments.SampleCount(x.Length, y.Length, {inputSize}, {outputSize});");
        w.Line("ref float input = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x);");
        w.Line("ref float output = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y);");
        w.Line(layout.Folding.Folds.Count > 0 ? "ref float weights = ref InferenceWeights; // BatchNormalization folded into the layer before it" : "ref float weights = ref _weights.Start;");
        var paths = Isa.All.Select(isa => (isa, condition: path is null
            ? $"{isa.Vector}.IsHardwareAccelerated"
            : $"{path} == global::KerasGen.KernelPath.{isa.KernelPath}")).ToList();
        using (w.Block($"if (samples >= {BatchEmitter.MinSamples})"))
        {
            w.Line($"int chunks = {Threading}.Parallelism.Chunks(samples, _maxDegreeOfParallelism, KerasGenMultiplyAddsPerSample, {BatchEmitter.MinSamples});");
            using (w.Block("if (chunks > 1)"))
            {
                w.Line($"{Threading}.ParallelPredict.Run(this, x, y, {inputSize}, {outputSize}, chunks, {path ?? "global::KerasGen.KernelPath.Auto"});");
                w.Line("return;");
            }
            w.Line(PackedLocal(layout));
            foreach (var (isa, condition) in paths)
                w.Line($"{(isa == Isa.Scalar && path is null ? "else" : (isa == Isa.V512 ? "" : "else ") + $"if ({condition})")} {kernels.Name}.PredictBatch<{isa.Register}, {isa.Simd}>(ref input, ref weights, ref packed, ref output, samples);");
            if (path is not null) w.Line($"else throw new global::System.ArgumentOutOfRangeException(nameof(path), path, \"Unknown kernel path.\");");
            w.Line("return;");
        }
        if (SingleReadsPacked(layout))
            w.Line(layout.Streams.InSinglePath
                ? "ref float packedRows = ref PackedWeights; // the streamed Dense reads its kernel packed by rows"
                : "ref float packedRows = ref SinglePanels(); // wide Dense kernels read their panels (the rows while the copy is stale)");
        if (layout.SampleFloats <= ModelLayout.MaxStackFloats)
        {
            w.Line("// Small enough for the stack: cheaper than a thread-static lookup, and private to this call.");
            w.Line($"global::System.Span<float> stack = stackalloc float[{layout.SampleFloats + 16}];");
            w.Line("ref float scratch = ref " + Kernels + ".AlignedBuffer.AlignedStart(stack);");
        }
        else
            w.Line($"ref float scratch = ref (t_scratch ??= new {Kernels}.AlignedBuffer({layout.SampleFloats})).Start;");
        foreach (var (isa, condition) in paths)
            w.Line($"{(isa == Isa.Scalar && path is null ? "else" : (isa == Isa.V512 ? "" : "else ") + $"if ({condition})")} for (int n = 0; n < samples; n++) {kernels.Name}.Forward{isa.Suffix}(ref {Unsafe}.Add(ref input, n * {inputSize}), ref weights, {(SingleReadsPacked(layout) ? "ref packedRows, " : "")}ref scratch, ref {Unsafe}.Add(ref output, n * {outputSize}));");
        if (path is not null) w.Line($"else throw new global::System.ArgumentOutOfRangeException(nameof(path), path, \"Unknown kernel path.\");");
    }

    /// <summary>
    /// On the kernels Predict calls: compiled optimized at their first call, so a fresh process runs at steady-state
    /// speed from the second call instead of after ~150 ms of tier-0 code (issue 11), and never inlined into Predict,
    /// whose first compilation would otherwise inline every layer (measured on Pima: 9.5 ms for Predict's JIT with
    /// inlining, 1.4 ms without). The kernels read weights through refs, so AggressiveOptimization's lost
    /// <c>static readonly</c> folding costs nothing; their loops have constant bounds, so PGO had little to add.
    /// </summary>
    internal const string FirstCallOptimized = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>One sample through every layer on one kernel path, each layer's statements from its own unit, then
    /// the kernel methods the layers asked for.</summary>
    private static void EmitPath(CodeWriter w, ModelPlan plan, ModelLayout layout, Isa isa)
    {
        w.Line();
        w.Line($"// ---- {isa.KernelPath} path ----");
        var helpers = w.Nested();
        w.Line($"/// <summary>One sample through every layer on the {isa.KernelPath} path.</summary>");
        w.Line(FirstCallOptimized);
        bool streams = layout.Streams.InSinglePath;
        using (w.Block($"public static void Forward{isa.Suffix}(ref float x, ref float w, {(SingleReadsPacked(layout) ? "ref float p, " : "")}ref float scratch, ref float y)"))
        {
            w.Line("ref float a = ref scratch;");
            w.Line($"ref float b = ref {Unsafe}.Add(ref scratch, {layout.BufferSize});");
            if (layout.ScratchSize > 0) w.Line($"ref float s = ref {Unsafe}.Add(ref scratch, {2 * layout.BufferSize});");
            string current = "x";
            var layers = layout.Folding.Layers(plan, layout).ToList();
            for (int i = 0; i < layers.Count; i++)
            {
                var (layer, weights, comment) = layers[i];
                if (streams && layout.Streams.At(i) is { } stream)
                {
                    string target = current == "a" ? "b" : "a";
                    ConvDenseStreams.Emit(w, stream, layers, current, target, layout.Panels.For(layers[stream.Last].Layer)!, isa.Register, isa.Simd, "1");
                    current = target;
                    i = stream.Last;
                    continue;
                }
                w.Line(comment);
                current = layer.Spec.EmitSample(new SampleContext(w, helpers, isa, layer, weights, current, layout.Panels.InSingle(layer)));
            }
            int outputs = plan.OutputSize;
            if (outputs <= 4) // a call to memmove costs more than a few moves
                for (int k = 0; k < outputs; k++)
                    w.Line($"{Literals.At("y", k)} = {Literals.At(current, k)};");
            else
                ActivationCode.Copy(w, current, "y", outputs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        w.Append(helpers);
    }

    /// <summary>Whether the single-sample kernels read the packed copy (<c>ref float p</c>): a streamed convolution's
    /// Dense (<see cref="ConvDenseStreams.InSinglePath"/>) or a wide Dense's panels (<see cref="InferencePanels.InSingle"/>).</summary>
    internal static bool SingleReadsPacked(ModelLayout layout) => layout.Streams.InSinglePath || layout.Panels.AnyInSingle;

    /// <summary>The Summary footer's non-trainable count, as an extra argument ("" when there are none).</summary>
    private static string NonTrainable(ModelLayout layout)
    {
        long count = 0;
        foreach (var slot in layout.Slots)
            if (!slot.Trainable) count += ShapeMath.LongProduct(slot.Shape);
        return count == 0 ? "" : $", nonTrainable: {count}";
    }

    /// <summary>The batch path's packed kernels (<see cref="InferencePanels"/>), or the weights as a placeholder when no
    /// layer packs one (never read then).</summary>
    private static string PackedLocal(ModelLayout layout) =>
        layout.Panels.Size > 0 ? "ref float packed = ref PackedWeights; // Dense kernels packed into panels" : "ref float packed = ref weights; // no packed kernels";

    /// <summary>Predict's copies of the weights: with each foldable BatchNormalization folded into the layer before it
    /// (<see cref="InferenceFolding"/>), and the batch path's kernels packed into panels (<see cref="InferencePanels"/>,
    /// from the folded copy when there is one). Each is refreshed on the first Predict that reads it after the weights
    /// change: every write to them (SetWeights, LoadWeights, training's forward pass and optimizer step) counts a
    /// version. A refresh runs under a lock and publishes its version last, so a concurrent Predict either refreshes
    /// itself (waiting on the lock) or reads a finished copy. A single-sample Predict packs when it streams a
    /// convolution into a Dense (<see cref="ConvDenseStreams.InSinglePath"/>), and through SinglePanels when a wide
    /// Dense reads its panels (<see cref="InferencePanels.InSingle"/>).</summary>
    private static void EmitInferenceCopy(CodeWriter w, ModelLayout layout)
    {
        var folding = layout.Folding;
        bool folds = folding.Folds.Count > 0, packs = layout.Panels.Size > 0;
        if (folds) w.Line($"private readonly {Kernels}.AlignedBuffer _inferenceWeights = new({folding.WeightSize});");
        if (packs) w.Line($"private {Kernels}.AlignedBuffer? _packedWeights; // made at the first Predict that reads it");
        w.Line("private readonly object _inferenceLock = new();");
        w.Line($"private int _weightsVersion{(folds ? ", _foldedVersion = -1" : "")}{(packs ? ", _packedVersion = -1" : "")};");
        w.Line();
        w.Line("/// <summary>The weights changed: the next Predict refreshes its copies.</summary>");
        w.Line("private void WeightsChanged() => global::System.Threading.Interlocked.Increment(ref _weightsVersion);");
        if (folds)
            EmitVersionedCopy(w, "InferenceWeights", "_foldedVersion", "Fold", "_inferenceWeights", () =>
            {
                w.Line("_weights.Span.CopyTo(_inferenceWeights.Span);");
                foreach (var fold in folding.Folds)
                {
                    var norm = (Layers.Normalization.BatchNormalizationLayer)fold.Normalization.Spec;
                    var n = fold.NormalizationWeights;
                    int next = 0;
                    int gamma = norm.Scale ? n[next++].Offset : -1, beta = norm.Center ? n[next++].Offset : -1, mean = n[next++].Offset, variance = n[next].Offset;
                    w.Line($"{Kernels}.BatchNormalization.Fold(_weights.Span, _inferenceWeights.Span, {fold.Kernel.Offset}, {fold.Kernel.Spec.Rows}, {fold.Kernel.Stride}, {fold.Kernel.Spec.Columns}, " +
                        $"{fold.Bias?.Offset ?? -1}, {fold.BiasOffset}, {gamma}, {beta}, {mean}, {variance}, {Literals.Float(norm.Epsilon)}); // {fold.Normalization.Name} into {fold.Producer.Name}");
                }
            });
        if (layout.Panels.AnyInSingle && !layout.Streams.InSinglePath) EmitSinglePanels(w);
        if (packs)
            EmitVersionedCopy(w, "PackedWeights", "_packedVersion", "Pack", "_packedWeights!", () =>
            {
                w.Line($"_packedWeights ??= new {Kernels}.AlignedBuffer({layout.Panels.Size});");
                if (layout.Panels.AnyInSingle && !layout.Streams.InSinglePath) w.Line("_staleSinglePredicts = 0;");
                w.Line(folds ? "ref float w = ref InferenceWeights; // packed from the folded kernels" : "ref float w = ref _weights.Start;");
                w.Line("ref float p = ref _packedWeights.Start;");
                foreach (var panel in layout.Panels.Panels)
                    w.Line(panel.RowFloats > 0
                        ? $"{Kernels}.StreamedDense.Pack(ref {Literals.At("w", panel.Kernel.Offset)}, {panel.Kernel.Spec.Rows}, {panel.Kernel.Spec.Columns}, {panel.Kernel.Stride}, {panel.RowFloats}, ref {Literals.At("p", panel.Offset)}); // {panel.Layer.Name}, by rows of the convolution before it"
                        : $"{Kernels}.PackedPanels.Pack(ref {Literals.At("w", panel.Kernel.Offset)}, {panel.Kernel.Spec.Rows}, {panel.Kernel.Spec.Columns}, {panel.Kernel.Stride}, ref {Literals.At("p", panel.Offset)}); // {panel.Layer.Name}");
            });
    }

    /// <summary>What a single sample's wide Dense kernels read: the packed copy when it is current; while it is stale
    /// (the weights changed since it was made) a null ref, so they read the rows, until the 16th single-sample call
    /// that finds it stale since it was last packed repacks it. A model trained a step at a time between single
    /// predictions (online learning) so repacks its kernels every 16th step, not every step; one that only predicts
    /// repacks once, at its 16th call; a batch Predict repacks at once.</summary>
    private static void EmitSinglePanels(CodeWriter w)
    {
        w.Line();
        w.Line("private int _staleSinglePredicts;");
        w.Line();
        using (w.Block("private ref float SinglePanels()"))
        {
            w.Line("if (!global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated) return ref global::System.Runtime.CompilerServices.Unsafe.NullRef<float>(); // the portable path reads the rows: no copy to make");
            w.Line("if (global::System.Threading.Volatile.Read(ref _packedVersion) == global::System.Threading.Volatile.Read(ref _weightsVersion)) return ref _packedWeights!.Start;");
            w.Line("if (global::System.Threading.Interlocked.Increment(ref _staleSinglePredicts) < 16) return ref global::System.Runtime.CompilerServices.Unsafe.NullRef<float>();");
            w.Line("return ref PackedWeights; // repacks, and counts again from 0");
        }
    }

    /// <summary>A copy of the weights behind a ref property: refreshed by <paramref name="method"/>, under the lock,
    /// when <paramref name="versionField"/> is behind the weights' version (read under the lock), which it publishes
    /// last.</summary>
    private static void EmitVersionedCopy(CodeWriter w, string property, string versionField, string method, string buffer, Action refresh)
    {
        w.Line();
        using (w.Block($"private ref float {property}"))
        using (w.Block("get"))
        {
            w.Line("int version = global::System.Threading.Volatile.Read(ref _weightsVersion);");
            w.Line($"if (global::System.Threading.Volatile.Read(ref {versionField}) != version) {method}();");
            w.Line($"return ref {buffer}.Start;");
        }
        w.Line();
        using (w.Block($"private void {method}()"))
        using (w.Block("lock (_inferenceLock)"))
        {
            // The version now, not the caller's: a thread that read it before another refreshed finds the copy current
            // and leaves it alone, instead of rewriting it in place under readers and publishing an older version.
            w.Line("int version = global::System.Threading.Volatile.Read(ref _weightsVersion);");
            w.Line($"if ({versionField} == version) return;");
            refresh();
            w.Line($"global::System.Threading.Volatile.Write(ref {versionField}, version);");
        }
    }
}
