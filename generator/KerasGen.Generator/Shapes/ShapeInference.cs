using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Layers;
using KerasGen.Generator.Model;

namespace KerasGen.Generator.Shapes;

/// <summary>
/// The shape loop: each layer's own shape rule (KERAS_SPEC §1) in order, Keras' layer names, parameter counts, and
/// the model-wide checks (input shape, unique names, sizes). A model with any error gets no plan.
/// </summary>
internal static class ShapeInference
{
    /// <summary>The largest buffers KerasGen emits: beyond them a model is reported, not generated.</summary>
    public const long MaxWeights = 1L << 28;
    public const long MaxActivationsPerSample = 1L << 26;

    public static (ModelPlan? Plan, List<ModelDiagnostic> Diagnostics) Infer(ModelSpec spec)
    {
        var diagnostics = new List<ModelDiagnostic>(spec.Diagnostics);
        var layers = spec.Layers;
        if (layers.Count == 0)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NoLayers,
                $"The model '{spec.ClassName}' has [Sequential] but no layers: add layer attributes such as [Dense(1, InputDim = 8)]", -1, null));
            return (null, diagnostics);
        }
        for (int i = 1; i < layers.Count; i++)
            if (layers[i].InputShape is not null)
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.LateInputShape,
                    $"Only the first layer of a Sequential model may give the input shape; layer {i + 1} ({layers[i].ClassName}) sets {layers[i].InputShapeArgument}. Move it to the first layer",
                    layers[i].AttributeIndex, layers[i].InputShapeArgument));
        if (layers[0].InputShape is not { } input)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NoInputShape,
                $"The first layer in a Sequential model must get an input shape: add {layers[0].InputShapeHint} to the first layer ({layers[0].ClassName})",
                layers[0].AttributeIndex, null));
            return (null, diagnostics);
        }
        if (!CheckInputShape(layers[0], input, diagnostics)) return (null, diagnostics);

        var plans = new List<LayerPlan>();
        var counters = new Dictionary<string, int>();
        var names = new HashSet<string>();
        var shape = input.ToList();
        foreach (var layer in layers)
        {
            // The parser already reported this layer's arguments: its shape rule would only add noise.
            if (diagnostics.Any(d => d.AttributeIndex == layer.AttributeIndex && DiagnosticCatalog.IsError(d.Id))) return (null, diagnostics);
            var output = layer.Output(shape, new LayerDiagnostics(diagnostics, layer.AttributeIndex));
            if (output is null) return (null, diagnostics);
            if (output.Any(d => d == 0 || d < ShapeMath.None) || ShapeMath.LongProduct(output.Where(d => d > 0)) > MaxActivationsPerSample)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ModelTooLarge,
                    $"The output of {layer.ClassName} would be {ShapeMath.Keras(output)}: KerasGen's fixed buffers hold at most {MaxActivationsPerSample:N0} values per layer and sample",
                    layer.AttributeIndex, null));
                return (null, diagnostics);
            }
            string name = Name(layer, counters);
            if (!names.Add(name))
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DuplicateLayerName,
                    $"All layers added to a Sequential model should have unique names. Name '{name}' is already the name of a layer in this model. Update the `name` argument to pass a unique name",
                    layer.AttributeIndex, layer.Name is null ? null : "Name"));
            long parameters = layer.Weights(shape).Sum(w => ShapeMath.LongProduct(w.Shape));
            plans.Add(new LayerPlan(layer, plans.Count, name, new EquatableArray<int>(shape), new EquatableArray<int>(output), parameters));
            shape = output;
        }

        if ((shape.Contains(ShapeMath.None) || plans.Any(p => p.InputShape.Contains(ShapeMath.None))) && !CheckUnknownSteps(spec, input, plans, diagnostics))
            return (null, diagnostics);

        if (spec.Compile is { } compile) CheckLossFitsOutput(compile, plans, diagnostics);
        long weights = plans.Sum(p => p.Params);
        if (weights > MaxWeights)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ModelTooLarge,
                $"The model has {weights:N0} weights; KerasGen's fixed buffers hold at most {MaxWeights:N0} weights", -1, null));
        if (diagnostics.Any(d => DiagnosticCatalog.IsError(d.Id))) return (null, diagnostics);
        return (new ModelPlan(spec, input, new EquatableArray<int>(shape), new EquatableArray<LayerPlan>(plans)), diagnostics);
    }

    /// <summary>A model whose input steps are None (Keras' unknown sequence length) compiles for inference when only
    /// the steps of a (steps, channels) input are unknown and every layer that sees them runs over a run-time number
    /// of steps (<see cref="LayerSpec.OverSteps"/>).</summary>
    private static bool CheckUnknownSteps(ModelSpec spec, EquatableArray<int> input, List<LayerPlan> plans, List<ModelDiagnostic> diagnostics)
    {
        var first = spec.Layers[0];
        if (input.Count != 2 || input[0] != ShapeMath.None || input[1] == ShapeMath.None)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NotSupportedYet,
                $"The input {ShapeMath.Keras(input)} has an unknown (None) dimension that is not the steps of a (steps, channels) sequence; Keras accepts such a model, but KerasGen compiles only an unknown number of steps: give the other dimensions ({first.InputShapeArgument})",
                first.AttributeIndex, first.InputShapeArgument));
            return false;
        }
        foreach (var layer in plans)
            if ((layer.InputShape.Contains(ShapeMath.None) || layer.OutputShape.Contains(ShapeMath.None)) && layer.Spec.OverSteps(layer) is null)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NotSupportedYet,
                    $"{layer.ClassName} does not run on an unknown number of steps in KerasGen yet (its input is {ShapeMath.Keras(layer.InputShape)}; Conv1D, 1-D pooling, global pooling, Dense, Activation and Dropout in channels_last do): give the steps ({first.InputShapeArgument})",
                    layer.Spec.AttributeIndex, null));
                return false;
            }
        if (spec.Compile is { } compile)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NotSupportedYet,
                $"Training needs a fixed sequence length: KerasGen compiles a model whose steps are None ({ShapeMath.Keras(input)}) for inference only. Give the steps ({first.InputShapeArgument}) to train it",
                compile.AttributeIndex, null));
            return false;
        }
        return true;
    }

    /// <summary>The two mistakes Keras users make most often with losses (warnings: the model still trains).</summary>
    private static void CheckLossFitsOutput(CompileSpec compile, List<LayerPlan> plans, List<ModelDiagnostic> diagnostics)
    {
        var last = plans[plans.Count - 1];
        int units = last.OutputShape[last.OutputShape.Count - 1];
        int where = compile.AttributeIndex;
        if (compile.Loss is "categorical_crossentropy" or "sparse_categorical_crossentropy" && units == 1)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.LossOutputMismatch,
                $"{compile.Loss} on an output of one unit {ShapeMath.Keras(last.OutputShape)}: the softmax of one value is always 1 and the loss does not train. Use binary_crossentropy with a sigmoid, or one unit per class",
                where, "Loss"));
        if (compile.Loss == "binary_crossentropy" && units > 1 && last.Spec.Activation == "softmax")
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.LossOutputMismatch,
                $"binary_crossentropy on a softmax of {units} units treats each unit as an independent yes/no; for one class out of {units} use categorical_crossentropy (one-hot targets) or sparse_categorical_crossentropy (class indices)",
                where, "Loss"));
    }

    /// <summary>Every input dimension positive, except where Keras allows None (−1).</summary>
    private static bool CheckInputShape(LayerSpec first, EquatableArray<int> input, List<ModelDiagnostic> diagnostics)
    {
        if (input.Count == 0)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize, "The input shape is empty: give at least one dimension", first.AttributeIndex, first.InputShapeArgument));
            return false;
        }
        for (int i = 0; i < input.Count; i++)
            if (input[i] <= 0 && input[i] != ShapeMath.None)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                    $"Input dimension {i + 1} is {input[i]}; every dimension must be a positive integer, or -1 for Keras' None ({first.InputShapeArgument})",
                    first.AttributeIndex, first.InputShapeArgument));
                return false;
            }
        return true;
    }

    /// <summary>Keras 3 automatic names: snake_case of the class, then _1, _2… per class.</summary>
    private static string Name(LayerSpec layer, Dictionary<string, int> counters)
    {
        if (layer.Name is { Length: > 0 } given) return given;
        string baseName = KerasNames.SnakeCase(layer.ClassName);
        counters.TryGetValue(baseName, out int seen);
        counters[baseName] = seen + 1;
        return seen == 0 ? baseName : $"{baseName}_{seen}";
    }
}
