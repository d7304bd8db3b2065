using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;

namespace KerasGen.Generator.Shapes;

/// <summary>
/// Keras' shape rules, layer by layer (KERAS_SPEC §1): every output shape, the layer names and parameter counts, or
/// the diagnostics that say why a model cannot be built. A model with any error gets no plan.
/// </summary>
internal static class ShapeInference
{
    /// <summary>Dimension value that stands for Keras' None in an input shape.</summary>
    public const int None = -1;

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
                    $"Only the first layer of a Sequential model may give the input shape; layer {i + 1} ({layers[i].Kind}) sets {layers[i].InputShapeArgument}. Move it to the first layer",
                    layers[i].AttributeIndex, layers[i].InputShapeArgument));
        if (layers[0].InputShape is not { } input)
        {
            string how = layers[0].Kind == LayerKind.Dense ? "InputDim = n or InputShape = new[] { … }" : "InputShape = new[] { … }";
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NoInputShape,
                $"The first layer in a Sequential model must get an input shape: add {how} to the first layer ({layers[0].Kind})",
                layers[0].AttributeIndex, null));
            return (null, diagnostics);
        }
        if (!CheckInputShape(layers[0], input, diagnostics)) return (null, diagnostics);

        var plans = new List<LayerPlan>();
        var counters = new Dictionary<string, int>();
        var shape = input.ToList();
        foreach (var layer in layers)
        {
            var output = Output(layer, shape, diagnostics, out long parameters);
            if (output is null) return (null, diagnostics);
            var (name, className) = Name(layer, counters);
            plans.Add(new LayerPlan(layer, name, className, new EquatableArray<int>(shape), new EquatableArray<int>(output), parameters));
            shape = output;
        }

        if (spec.Compile is { } compile) CheckLossFitsOutput(compile, plans, diagnostics);
        long weights = plans.Sum(p => p.Params), largest = plans.Max(p => ShapeMath.LongProduct(p.OutputShape));
        if (weights > MaxWeights || largest > MaxActivationsPerSample)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ModelTooLarge,
                $"The model has {weights:N0} weights and a largest layer output of {largest:N0} values per sample; KerasGen's fixed buffers hold at most {MaxWeights:N0} weights and {MaxActivationsPerSample:N0} values per layer",
                -1, null));
        if (diagnostics.Any(d => DiagnosticCatalog.IsError(d.Id))) return (null, diagnostics);
        return (new ModelPlan(spec, input, new EquatableArray<int>(shape), new EquatableArray<LayerPlan>(plans)), diagnostics);
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

    private static bool CheckInputShape(LayerSpec first, EquatableArray<int> input, List<ModelDiagnostic> diagnostics)
    {
        if (input.Count == 0)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize, "The input shape is empty: give at least one dimension", first.AttributeIndex, first.InputShapeArgument));
            return false;
        }
        for (int i = 0; i < input.Count; i++)
        {
            if (input[i] == None)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UndefinedDimension,
                    $"Input dimension {i + 1} of {ShapeMath.Keras(input)} is None; KerasGen compiles fixed-size models, so every input dimension must be given ({first.InputShapeArgument})"
                        .Replace("-1", "None"),
                    first.AttributeIndex, first.InputShapeArgument));
                return false;
            }
            if (input[i] <= 0)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                    $"Input dimension {i + 1} is {input[i]}; every dimension must be a positive integer ({first.InputShapeArgument})",
                    first.AttributeIndex, first.InputShapeArgument));
                return false;
            }
        }
        return true;
    }

    private static List<int>? Output(LayerSpec layer, List<int> input, List<ModelDiagnostic> diagnostics, out long parameters)
    {
        parameters = 0;
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                if (layer.Units <= 0) return null; // reported by the parser
                long inputs = input[input.Count - 1];
                parameters = inputs * layer.Units + (layer.UseBias ? layer.Units : 0);
                return Activated(layer, input.Take(input.Count - 1).Append(layer.Units).ToList(), diagnostics);
            case LayerKind.Activation:
                return Activated(layer, input, diagnostics);
            case LayerKind.Flatten:
                if (input.Count == 1)
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.FlattenOnFlat,
                        $"Flatten receives {ShapeMath.Keras(input)}, which is already flat; the layer does nothing and can be removed", layer.AttributeIndex, null));
                return new List<int> { ShapeMath.Product(input) };
            case LayerKind.Dropout:
                return input;
            case LayerKind.Reshape:
                return Reshaped(layer, input, diagnostics);
            default:
                return null;
        }
    }

    /// <summary>glu halves the last axis; every other activation keeps the shape.</summary>
    private static List<int>? Activated(LayerSpec layer, List<int> shape, List<ModelDiagnostic> diagnostics)
    {
        if (!ActivationCatalog.TryGet(layer.Activation, out _, out var kind) || kind != ActivationShape.Halving) return shape;
        int last = shape[shape.Count - 1];
        if (last % 2 != 0)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                $"glu splits the last axis in two halves, but it has odd length {last} in {ShapeMath.Keras(shape)}",
                layer.AttributeIndex, layer.Kind == LayerKind.Dense ? "Activation" : "#0"));
            return null;
        }
        return shape.Take(shape.Count - 1).Append(last / 2).ToList();
    }

    private static List<int>? Reshaped(LayerSpec layer, List<int> input, List<ModelDiagnostic> diagnostics)
    {
        var target = layer.TargetShape.ToList();
        int size = ShapeMath.Product(input);
        string received = $"Received: input_shape={ShapeMath.Tuple(input)}, target_shape={ShapeMath.Tuple(target)}";
        if (target.Count == 0 || target.Count(d => d == -1) > 1 || target.Any(d => d == 0 || d < -1))
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ReshapeMismatch,
                $"Each dimension in `target_shape` must be a positive integer, or -1 for a single unknown dimension. {received}", layer.AttributeIndex, "#*"));
            return null;
        }
        int known = ShapeMath.Product(target.Where(d => d != -1));
        int unknown = target.IndexOf(-1);
        if (unknown >= 0)
        {
            if (size % known != 0)
            {
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ReshapeMismatch,
                    $"The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. {received}", layer.AttributeIndex, "#*"));
                return null;
            }
            target[unknown] = size / known;
        }
        else if (known != size)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ReshapeMismatch,
                $"The total size of the tensor must be unchanged. {received}", layer.AttributeIndex, "#*"));
            return null;
        }
        return target;
    }

    /// <summary>Keras 3 automatic names: snake_case of the class, then _1, _2… per class.</summary>
    private static (string Name, string ClassName) Name(LayerSpec layer, Dictionary<string, int> counters)
    {
        string className = layer.Kind.ToString();
        if (layer.Name is { Length: > 0 } given) return (given, className);
        string baseName = className.ToLowerInvariant();
        counters.TryGetValue(baseName, out int seen);
        counters[baseName] = seen + 1;
        return (seen == 0 ? baseName : $"{baseName}_{seen}", className);
    }
}
