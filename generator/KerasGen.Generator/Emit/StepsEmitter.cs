using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Predict for a model whose input steps are None (Keras' unknown sequence length, e.g. <c>Conv1D(…, InputDim =
/// 32)</c> with no <c>InputLength</c>): <c>Predict(x, y, steps)</c> and <c>OutputSizeFor(steps)</c>. The steps after
/// each layer are <c>int</c> locals computed from the run-time steps (each layer's <see cref="StepsKernel"/>); the
/// two activation buffers and the scratch are sized from them and live in a per-thread buffer that grows to the
/// longest input the thread has seen, so calls after that allocate nothing. Layers after a global pooling have fixed
/// shapes and run their batch forward pass on one sample.
/// </summary>
internal static class StepsEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
    private const string Kernels = "global::KerasGen.Kernels";

    /// <summary>How one layer runs, and the names of its input and output steps (null once there are none).</summary>
    private sealed record Step(LayerPlan Layer, StepsKernel? Kernel, string? In, string? Out, string? Declaration);

    private static List<Step> Steps(ModelPlan plan)
    {
        var steps = new List<Step>();
        string? current = "steps0";
        foreach (var layer in plan.Layers)
        {
            if (!layer.OverSteps)
            {
                steps.Add(new Step(layer, null, null, null, null));
                current = null;
                continue;
            }
            var kernel = layer.Spec.OverSteps(layer)!; // the shape loop rejected layers without one
            if (kernel.PerStep)
            {
                steps.Add(new Step(layer, kernel, current, current, null));
                continue;
            }
            string? next = kernel.OutSteps is null ? null : $"steps{layer.Index + 1}";
            steps.Add(new Step(layer, kernel, current, next, next is null ? null : $"int {next} = {kernel.OutSteps!(current!)};"));
            current = next;
        }
        return steps;
    }

    private static int Channels(ModelPlan plan) => plan.InputShape[1];

    /// <summary>The output floats per sample, from the last steps local (or a constant).</summary>
    private static string OutputSize(ModelPlan plan, List<Step> steps)
    {
        int perStep = ShapeMath.Product(plan.OutputShape.Where(d => d != ShapeMath.None));
        return plan.OutputShape.Contains(ShapeMath.None) ? $"{steps[steps.Count - 1].Out} * {perStep}" : $"{perStep}";
    }

    /// <summary>The model's public surface: the sizes, OutputSizeFor, and the three Predicts.</summary>
    public static void EmitMembers(CodeWriter w, ModelPlan plan, KernelClass kernels)
    {
        int channels = Channels(plan);
        string unknown = $"throw new global::System.InvalidOperationException(\"{plan.Spec.ClassName}'s input steps are None (input shape {ShapeMath.Keras(plan.InputShape)}): an input of n steps holds n × {channels} values, and OutputSizeFor(n) gives the output's size.\")";
        w.Line($"/// <summary>Not fixed: the input's steps are None. An input of <c>steps</c> steps holds <c>steps × {channels}</c> values.</summary>");
        w.Line($"public static int InputSize => {unknown};");
        w.Line("/// <summary>Not fixed: see <see cref=\"OutputSizeFor\"/>.</summary>");
        w.Line($"public static int OutputSize => {unknown};");
        w.Line("/// <summary>Output values per sample for an input of <paramref name=\"steps\"/> steps; throws when the input is too short for a layer.</summary>");
        w.Line($"public static int OutputSizeFor(int steps) => {kernels.Name}.Plan(steps, out _, out _);");
        w.Line("/// <summary>Per-thread buffers, grown to the longest input this thread has predicted on.</summary>");
        w.Line($"[global::System.ThreadStatic] private static {Kernels}.AlignedBuffer? t_steps;");
        w.Line();
        w.Line($"/// <summary>Predict on one sample whose steps are <c>x.Length / {channels}</c>.</summary>");
        w.Line("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y) => Predict(x, y, global::KerasGen.KernelPath.Auto);");
        w.Line();
        w.Line("/// <summary>Predict on one sample of <c>x.Length / channels</c> steps, on a chosen kernel path.</summary>");
        using (w.Block("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, global::KerasGen.KernelPath path)"))
        {
            w.Line($"if (x.Length == 0 || x.Length % {channels} != 0) throw new global::System.ArgumentException($\"x must hold whole steps of {channels} values (the input is {ShapeMath.Keras(plan.InputShape)}); its length is {{x.Length}}.\", nameof(x));");
            w.Line($"KerasGenPredictSteps(x, y, x.Length / {channels}, path);");
        }
        w.Line();
        w.Line($"/// <summary>Predict on samples of <paramref name=\"steps\"/> steps each: <c>x</c> holds a whole number of samples of <c>steps × {channels}</c> values, <c>y</c> that many of <c>OutputSizeFor(steps)</c>.</summary>");
        w.Line("public void Predict(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, int steps) => KerasGenPredictSteps(x, y, steps, global::KerasGen.KernelPath.Auto);");
        w.Line();
        using (w.Block("private void KerasGenPredictSteps(global::System.ReadOnlySpan<float> x, global::System.Span<float> y, int steps, global::KerasGen.KernelPath path)"))
        {
            w.Line($"int outputSize = {kernels.Name}.Plan(steps, out int buffer, out int scratch);");
            w.Line($"int inputSize = steps * {channels}, samples = global::KerasGen.PredictArguments.SampleCount(x.Length, y.Length, inputSize, outputSize);");
            w.Line($"var memory = t_steps is {{ }} grown && grown.Length >= 2 * buffer + scratch ? grown : (t_steps = new {Kernels}.AlignedBuffer(2 * buffer + scratch));");
            w.Line("ref float input = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x);");
            w.Line("ref float output = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y);");
            w.Line("if (path == global::KerasGen.KernelPath.Auto) path = ActivePath;");
            using (w.Block("for (int n = 0; n < samples; n++)"))
            {
                w.Line($"ref float sample = ref {Unsafe}.Add(ref input, n * inputSize);");
                w.Line($"ref float result = ref {Unsafe}.Add(ref output, n * outputSize);");
                using (w.Block("switch (path)"))
                {
                    foreach (var isa in Isa.All)
                        w.Line($"case global::KerasGen.KernelPath.{isa.KernelPath}: {kernels.Name}.PredictSteps<{isa.Register}, {isa.Simd}>(ref sample, ref _weights.Start, ref memory.Start, buffer, ref result, steps); break;");
                    w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(path), path, \"Unknown kernel path.\");");
                }
            }
        }
    }

    /// <summary>The kernel class's part: Plan (the steps and buffer sizes) and PredictSteps (one sample).</summary>
    public static void EmitKernels(CodeWriter k, ModelPlan plan, ModelLayout layout)
    {
        var steps = Steps(plan);
        k.Line("// ---- Unknown steps: Predict(x, y, steps) ----");
        k.Line("/// <summary>The output size for an input of <paramref name=\"steps\"/> steps, and the floats of each activation buffer and of the scratch.</summary>");
        using (k.Block("public static int Plan(int steps, out int buffer, out int scratch)"))
        {
            k.Line("if (steps <= 0) throw new global::System.ArgumentOutOfRangeException(nameof(steps), steps, \"steps must be positive.\");");
            k.Line($"int steps0 = steps, largest = steps * {Channels(plan)}, work = 0;");
            foreach (var step in steps)
            {
                if (step.Declaration is not null) k.Line(step.Declaration);
                var (output, scratch) = Floats(step);
                k.Line($"largest = global::System.Math.Max(largest, {output});{(scratch == "0" ? "" : $" work = global::System.Math.Max(work, {scratch});")} // {step.Layer.Name}");
            }
            // A vector store of a row's last register may run up to one line past the row: each buffer keeps that slack.
            k.Line("buffer = (largest + 31) & ~15;");
            k.Line("scratch = work == 0 ? 0 : (work + 31) & ~15;");
            k.Line($"return {OutputSize(plan, steps)};");
        }
        k.Line();
        k.Line("/// <summary>One sample of <paramref name=\"steps\"/> steps through every layer; <paramref name=\"memory\"/> holds two buffers of <paramref name=\"buffer\"/> floats and the scratch (see Plan).</summary>");
        using (k.Block("public static void PredictSteps<TV, TS>(ref float x, ref float w, ref float memory, int buffer, ref float y, int steps) where TV : struct where TS : struct, global::KerasGen.Kernels.ISimd<TV>"))
        {
            k.Line("ref float a = ref memory;");
            k.Line($"ref float b = ref {Unsafe}.Add(ref memory, buffer);");
            k.Line($"ref float s = ref {Unsafe}.Add(ref memory, 2 * buffer);");
            k.Line("int steps0 = steps;");
            string current = "x";
            foreach (var step in steps)
            {
                var layer = step.Layer;
                k.Line(layer.Comment);
                if (step.Declaration is not null) k.Line(step.Declaration);
                var weights = layout.Weights[layer.Index];
                string target = current == "a" ? "b" : "a";
                if (step.Kernel is { Emit: { } emit })
                    emit(new StepsContext(k, layer, weights, current, target, "s", step.In!, step.Out ?? ""));
                else
                {
                    var (one, n) = step.Kernel is null ? (layer, "1") : (layer.OneStep, step.In!);
                    if (!one.Spec.Memory(one).Computes) continue; // its output is its input, as it lies in memory
                    one.Spec.EmitForward(new ForwardContext(k, one, weights, "TV", "TS", n, current, target, target, "s", mask: null, training: false));
                }
                current = target;
            }
            ActivationCode.Copy(k, current, "y", OutputSize(plan, steps));
        }
    }

    /// <summary>A layer's output-buffer and scratch floats, as C# expressions of the steps locals.</summary>
    private static (string Output, string Scratch) Floats(Step step)
    {
        var layer = step.Layer;
        if (step.Kernel is null || step.Kernel.PerStep)
        {
            var (one, times) = step.Kernel is null ? (layer, "") : (layer.OneStep, $"{step.In} * ");
            var memory = one.Spec.Memory(one);
            return ($"{times}{System.Math.Max(memory.OutputSpan, one.OutputSize)}", memory.ScratchPerSample == 0 ? "0" : $"{times}{memory.ScratchPerSample}");
        }
        return (step.Kernel.OutputFloats!(step.In!, step.Out ?? ""), step.Kernel.ScratchFloats!(step.In!, step.Out ?? ""));
    }
}
