using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KerasGen.Tests.Generator;

/// <summary>
/// Random KerasGen models for the fuzz test: valid ones built by tracking shapes through random layers, argument
/// spellings (Keras 1 and 3) and [Compile] settings, and invalid ones with exactly one injected defect of a known
/// kind, so the test knows which must compile cleanly and which must be reported.
/// </summary>
internal sealed class ModelFuzzer
{
    private static readonly string[] Activations =
    {
        "linear", "relu", "relu6", "leaky_relu", "elu", "selu", "celu", "softplus", "softsign", "squareplus", "soft_shrink",
        "sparse_plus", "silu", "swish", "gelu", "tanh", "tanh_shrink", "sigmoid", "sparse_sigmoid", "exponential",
        "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "hard_shrink", "mish", "log_sigmoid", "softmax",
        "log_softmax", "sparsemax",
        // Keras' constructor forms
        "relu(max_value=6)", "relu(negative_slope=0.1, max_value=2, threshold=0.5)", "leaky_relu(0.3)", "elu(alpha=0.5)",
        "celu(2)", "gelu(approximate=True)", "threshold(0.5, -1)", "softmax(axis=-1)", "soft_shrink(threshold=1)",
    };
    private static readonly string[] Initializers =
    {
        "glorot_uniform", "uniform", "he_normal", "lecun_uniform", "zeros", "ones", "orthogonal", "GlorotNormal", "random_normal", "truncated_normal",
        "RandomUniform(minval=-1, maxval=1)", "VarianceScaling(2.0, 'fan_out', 'uniform', seed=3)", "Constant(0.5)", "TruncatedNormal(stddev=0.1)",
    };
    private static readonly string[] Regularizers = { "", "KernelRegularizer = \"l2\"", "KernelRegularizer = \"L1L2(l1=0.01, l2=0.001)\"", "BiasRegularizer = \"l1(0.1)\"",
        "ActivityRegularizer = \"l2(0.01)\"", "WRegularizer = \"l1l2\", ActivityRegularizer = \"activity_l1\"" };
    private static readonly string[] Constraints = { "", "KernelConstraint = \"max_norm(2)\"", "KernelConstraint = \"UnitNorm(axis=[0, 1])\"", "BiasConstraint = \"non_neg\"",
        "KernelConstraint = \"MinMaxNorm(0.5, 1.0, rate=0.5)\"" };
    private static readonly string[] Optimizers = { "sgd", "adam", "adamw", "rmsprop", "adagrad", "adadelta", "adamax", "nadam", "SGD" };

    public static readonly string[] Defects =
    {
        "unknown activation", "non-positive units", "missing units", "no input shape", "late input shape", "reshape mismatch",
        "two -1 in reshape", "dropout rate", "unknown initializer", "zero input dimension", "None input dimension", "no layers",
        "unknown loss", "unknown optimizer", "unknown metric", "missing loss", "glu on odd axis", "not partial", "generic",
        "duplicated argument", "layers split across declarations", "kernel longer than input", "unknown padding",
        "strides with dilation", "convolution on a flat input", "invalid identifier arguments", "unknown regularizer",
    };

    private static readonly string[] ConvDefects = { "kernel longer than input", "unknown padding", "strides with dilation", "convolution on a flat input" };

    private readonly Random _random;

    public ModelFuzzer(int seed) => _random = new Random(seed);

    /// <summary>The source of one model class named <paramref name="name"/> and the defect injected into it (null: valid).</summary>
    public (string Source, string? Defect) Next(string name)
    {
        string? defect = _random.Next(3) == 0 ? Defects[_random.Next(Defects.Length)] : null;
        var layers = new List<string>();
        var shape = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => _random.Next(1, 13)).ToList();
        int count = defect == "no layers" ? 0 : _random.Next(defect == "late input shape" ? 2 : 1, 6);
        int defectAt = defect switch
        {
            "no input shape" or "zero input dimension" or "None input dimension" => 0, // only the first layer has one
            "late input shape" => _random.Next(1, count),
            _ => _random.Next(Math.Max(count, 1)),
        };
        for (int l = 0; l < count; l++)
        {
            bool first = l == 0;
            string? layerDefect = l == defectAt ? defect : null;
            layers.Add(Layer(shape, first, layerDefect));
        }
        string compile = "";
        if (defect is "unknown loss" or "unknown optimizer" or "unknown metric" or "missing loss" || _random.Next(3) == 0)
            compile = Compile(defect);
        var attributes = new StringBuilder("[Sequential");
        foreach (var layer in layers) attributes.Append(", ").Append(layer);
        if (compile.Length > 0) attributes.Append(", ").Append(compile);
        attributes.Append(']');
        string declaration = defect switch
        {
            "not partial" => $"public class {name};",
            "generic" => $"public partial class {name}<T>;",
            "layers split across declarations" => $"public partial class {name};\n[Dense(3)] public partial class {name};",
            _ => $"public partial class {name};",
        };
        return (attributes + "\n" + declaration + "\n", defect is "duplicated argument" && count == 0 ? "no layers" : defect);
    }

    private string Layer(List<int> shape, bool first, string? defect)
    {
        string input = "";
        if (first && defect != "no input shape")
        {
            var given = shape.ToList();
            if (defect == "zero input dimension") given[_random.Next(given.Count)] = -_random.Next(0, 3) * 2; // 0, -2, -4
            if (defect == "None input dimension") given[_random.Next(given.Count)] = -1;
            input = given.Count == 1 && _random.Next(2) == 0 ? $"InputDim = {given[0]}" : $"InputShape = new[] {{ {string.Join(", ", given)} }}";
        }
        else if (!first && defect == "late input shape") input = $"InputShape = new[] {{ {string.Join(", ", shape)} }}";
        if (defect == "duplicated argument") input = "Name = \"a\", Name = \"b\"";

        int kind = defect switch
        {
            "non-positive units" or "missing units" or "unknown initializer" or "glu on odd axis" or "invalid identifier arguments" or "unknown regularizer" => 0,
            "reshape mismatch" or "two -1 in reshape" => 2,
            "dropout rate" => 3,
            "unknown activation" => _random.Next(2),
            _ when ConvDefects.Contains(defect) => 5,
            _ => _random.Next(7) is var k && k >= 5 ? 5 : k,
        };
        if (kind == 4 && shape.Count == 1) kind = 1; // keep valid models free of the Flatten-on-flat warning
        if (kind != 0 && input.StartsWith("InputDim", StringComparison.Ordinal)) // InputDim is Dense's alone
            input = $"InputShape = new[] {{ {input.Substring("InputDim = ".Length)} }}";
        string currentInput = input;
        string Arguments(params string[] parts) => string.Join(", ", parts.Where(p => p.Length > 0).Append(currentInput).Where(p => p.Length > 0));
        switch (kind)
        {
            case 0:
            {
                int units = defect == "non-positive units" ? -_random.Next(0, 3) : _random.Next(1, 70);
                string activation = defect switch
                {
                    "unknown activation" => "rleu",
                    "glu on odd axis" => "glu",
                    _ => Activations[_random.Next(Activations.Length)],
                };
                if (defect == "glu on odd axis" && units % 2 == 0) units++;
                if (activation == "glu" && defect is null) activation = "linear";
                if (defect == "invalid identifier arguments") activation = new[] { "relu(max_valu=6)", "threshold", "leaky_relu(0.1", "elu(1, 2)" }[_random.Next(4)];
                string init = defect == "unknown initializer" ? "glorot" : Initializers[_random.Next(Initializers.Length)];
                string unitsText = defect == "missing units" ? "" : _random.Next(2) == 0 ? units.ToString() : $"Units = {units}";
                string initText = _random.Next(2) == 0 ? $"Init = \"{init}\"" : $"KernelInitializer = \"{init}\"";
                string bias = _random.Next(3) switch { 0 => "UseBias = false", 1 => "Bias = true", _ => "" };
                if (defect == "unknown activation" && _random.Next(2) == 0)
                    return $"Activation(\"rleu\"{(input.Length > 0 ? ", " + input : "")})";
                shape[^1] = Math.Max(1, units); // later layers of a defective model still get a sensible shape
                string regularizer = defect == "unknown regularizer" ? "KernelRegularizer = \"l3(0.1)\"" : Regularizers[_random.Next(Regularizers.Length)];
                string constraint = Constraints[_random.Next(Constraints.Length)];
                return $"Dense({Arguments(unitsText, $"Activation = \"{activation}\"", initText, bias, regularizer, constraint)})";
            }
            case 1:
            {
                string activation = defect == "unknown activation" ? "sofmax" : Activations[_random.Next(Activations.Length)];
                return $"Activation({Arguments($"\"{activation}\"")})";
            }
            case 2:
            {
                int size = Math.Max(1, shape.Aggregate(1, (a, b) => a * b));
                var divisors = Enumerable.Range(1, size).Where(d => size % d == 0).ToList();
                int a = divisors[_random.Next(divisors.Count)];
                List<int> target = _random.Next(2) == 0 ? new() { a, size / a } : new() { size };
                string text = string.Join(", ", target);
                if (_random.Next(3) == 0) text = target.Count == 2 ? $"{a}, -1" : "-1";
                if (defect == "reshape mismatch") text = $"{size + 1}";
                if (defect == "two -1 in reshape") text = "-1, -1";
                shape.Clear();
                shape.AddRange(target);
                return $"Reshape({Arguments(text)})";
            }
            case 3:
            {
                string rate = defect == "dropout rate" ? new[] { "1.0", "1.5", "-0.1" }[_random.Next(3)] : (_random.Next(9) / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (defect is null && _random.Next(3) == 0) // shape-preserving like Dropout: the normalization layers
                    return _random.Next(2) == 0
                        ? $"BatchNormalization({Arguments(_random.Next(2) == 0 ? "" : "Momentum = 0.9", _random.Next(3) == 0 ? "Center = false" : "", _random.Next(3) == 0 ? "GammaRegularizer = \"l2\"" : "")})"
                        : $"LayerNormalization({Arguments(_random.Next(2) == 0 ? "" : "Epsilon = 1e-5", _random.Next(3) == 0 ? "Scale = false" : "")})";
                return _random.Next(2) == 0 ? $"Dropout({Arguments(rate)})" : $"Dropout({Arguments($"P = {rate}")})";
            }
            case 5:
                return Convolutional(shape, defect, parts => Arguments(parts), ref currentInput);
            default:
            {
                int size = shape.Aggregate(1, (a, b) => a * b);
                shape.Clear();
                shape.Add(size);
                return input.Length > 0 ? $"Flatten({input})" : "Flatten";
            }
        }
    }

    /// <summary>A conv, pooling or global pooling layer (channels_last) on a rank-2 or rank-3 sample shape; a flat
    /// shape first gets a Reshape to (steps, 1). Tracks the output shape with Keras' length rules.</summary>
    private string Convolutional(List<int> shape, string? defect, Func<string[], string> arguments, ref string input)
    {
        string prefix = "";
        if (defect == "convolution on a flat input")
        {
            // Conv1D needs (steps, channels): on a flat shape it is KG0025 (a Flatten first makes any shape flat).
            string flatten = shape.Count > 1 ? (input.Length > 0 ? $"Flatten({input}), " : "Flatten, ") : "";
            return flatten + (flatten.Length == 0 && input.Length > 0 ? $"Conv1D(2, 1, {input})" : "Conv1D(2, 1)");
        }
        if (shape.Count == 1)
        {
            prefix = $"Reshape({arguments(new[] { $"{shape[0]}, 1" })}), ";
            shape.Add(1);
        }
        else if (input.Length > 0 && _random.Next(2) == 0)
        {
            prefix = $"Dropout({arguments(new[] { "0.1" })}), "; // the input shape on a layer before the convolution
        }
        if (prefix.Length > 0) input = "";
        string Args(params string[] parts) => arguments(parts);
        int rank = shape.Count - 1, channels = shape[rank];
        var spatial = shape.Take(rank).ToList();
        string Tuple(IEnumerable<int> values) => rank == 1 ? values.First().ToString() : $"new[] {{ {string.Join(", ", values)} }}";
        int op = ConvDefects.Contains(defect) ? 0 : _random.Next(4);
        if (op == 3)
        {
            // ZeroPadding, Cropping (keeping at least one cell) or UpSampling, with per-side values.
            int which = _random.Next(3);
            var sides = spatial.SelectMany(l => which == 1 ? new[] { _random.Next(0, (l - 1) / 2 + 1), _random.Next(0, (l - 1) / 2 + 1) } : new[] { _random.Next(0, 3), _random.Next(0, 3) }).ToList();
            var sizes = spatial.Select(_ => _random.Next(1, 4)).ToList();
            for (int axis = 0; axis < rank; axis++)
                shape[axis] = which switch
                {
                    0 => spatial[axis] + sides[2 * axis] + sides[2 * axis + 1],
                    1 => spatial[axis] - sides[2 * axis] - sides[2 * axis + 1],
                    _ => spatial[axis] * sizes[axis],
                };
            string name = new[] { "ZeroPadding", "Cropping", "UpSampling" }[which] + rank + "D";
            string value = which == 2 ? (rank == 1 ? $"{sizes[0]}" : $"new[] {{ {string.Join(", ", sizes)} }}") : $"new[] {{ {string.Join(", ", sides)} }}";
            return prefix + $"{name}({Args(value)})";
        }
        if (op == 2)
        {
            shape.Clear();
            shape.Add(channels);
            return prefix + $"Global{(_random.Next(2) == 0 ? "Max" : "Average")}Pooling{rank}D" + (Args().Length > 0 ? $"({Args()})" : "");
        }
        string padding = defect == "unknown padding" ? "smae" : new[] { "valid", "same", rank == 1 && op == 0 ? "causal" : "same" }[_random.Next(3)];
        var window = spatial.Select(l => defect == "kernel longer than input" ? l + 1 + _random.Next(2) : _random.Next(1, Math.Min(Math.Max(l, 1), op == 0 ? 5 : 3) + 1)).ToList();
        if (defect == "kernel longer than input") padding = "valid";
        var strides = spatial.Select(_ => _random.Next(1, 3)).ToList();
        var dilation = spatial.Select(_ => 1).ToList();
        if (defect == "strides with dilation") (strides, dilation) = (spatial.Select(_ => 2).ToList(), spatial.Select(_ => 2).ToList());
        else if (op == 0 && _random.Next(3) == 0) (strides, dilation) = (spatial.Select(_ => 1).ToList(), spatial.Select(l => 2).ToList());
        for (int axis = 0; axis < rank; axis++)
        {
            int dk = (window[axis] - 1) * dilation[axis] + 1;
            if (padding == "valid" && dk > spatial[axis] && defect is null) (window[axis], dilation[axis]) = (1, 1);
            dk = (window[axis] - 1) * dilation[axis] + 1;
            // (Later layers of a defective model still get a sensible shape.)
            shape[axis] = Math.Max(1, padding == "valid" ? (spatial[axis] - dk) / strides[axis] + 1 : (spatial[axis] + strides[axis] - 1) / strides[axis]);
        }
        if (op == 1)
        {
            bool max = _random.Next(2) == 0;
            // Pooling strides default to the pool size: give them explicitly, as the shapes above assume.
            return prefix + $"{(max ? "Max" : "Average")}Pooling{rank}D({Args(Tuple(window), $"Strides = {Tuple(strides)}", $"Padding = \"{padding}\"")})";
        }
        // One draw in four is grouped: a group count that divides the channels, and filters a multiple of it.
        int groups = _random.Next(4) == 0 ? Enumerable.Range(1, Math.Min(channels, 4)).Where(g => channels % g == 0).OrderBy(_ => _random.Next()).First() : 1;
        int filters = groups * _random.Next(1, 20 / groups + 1);
        shape[rank] = filters;
        string activation = Activations[_random.Next(Activations.Length)];
        return prefix + $"Conv{rank}D({Args($"{filters}", Tuple(window), $"Strides = {Tuple(strides)}", $"DilationRate = {Tuple(dilation)}", $"Padding = \"{padding}\"", $"Activation = \"{activation}\"", $"Groups = {groups}")})";
    }

    private string Compile(string? defect)
    {
        string loss = defect switch { "unknown loss" => "Loss = \"mean_square_error\", ", "missing loss" => "", _ => "Loss = \"mse\", " };
        string optimizer = defect == "unknown optimizer" ? "adamm" : Optimizers[_random.Next(Optimizers.Length)];
        string metrics = defect == "unknown metric" ? ", Metrics = new[] { \"acuracy\" }" : _random.Next(2) == 0 ? ", Metrics = new[] { \"mae\" }" : "";
        return $"Compile({loss}Optimizer = \"{optimizer}\"{metrics}, LearningRate = 0.0{_random.Next(1, 9)})";
    }
}
