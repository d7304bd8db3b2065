using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace KerasGen.Generator.Layers;

/// <summary>
/// A layer attribute's arguments, bound by name: a value given positionally is found under its constructor
/// parameter's name, so <c>Convolution2D(nbFilter, nbRow, nbCol)</c> and <c>Conv2D(filters, kernelSize)</c> read the
/// same way, and Keras 1 aliases are just more names. Names compare case-insensitively (parameters are camelCase,
/// properties PascalCase). Each value comes with how it was written ("#n" for the n-th positional argument, or the
/// property name), which is where its diagnostic goes.
/// </summary>
internal sealed class LayerArguments
{
    private readonly AttributeData _attribute;

    public LayerArguments(AttributeData attribute, int index, string imageDataFormat, List<ModelDiagnostic> diagnostics)
    {
        _attribute = attribute;
        Index = index;
        ImageDataFormat = imageDataFormat;
        Diagnostics = new LayerDiagnostics(diagnostics, index);
        All = diagnostics;
    }

    public int Index { get; }

    /// <summary>The model's default data_format ([Sequential(ImageDataFormat)]), for layers that do not set theirs.</summary>
    public string ImageDataFormat { get; }

    public LayerDiagnostics Diagnostics { get; }

    private List<ModelDiagnostic> All { get; }

    /// <summary>The value given under any of <paramref name="names"/> (the last named one wins, as in C#), or (null, null).</summary>
    public (TypedConstant? Value, string? Argument) Find(params string[] names)
    {
        for (int i = _attribute.NamedArguments.Length - 1; i >= 0; i--)
            if (Matches(_attribute.NamedArguments[i].Key, names))
                return (_attribute.NamedArguments[i].Value, _attribute.NamedArguments[i].Key);
        var parameters = _attribute.AttributeConstructor?.Parameters ?? default;
        if (!parameters.IsDefault)
            for (int i = 0; i < parameters.Length && i < _attribute.ConstructorArguments.Length; i++)
                if (Matches(parameters[i].Name, names))
                    return (_attribute.ConstructorArguments[i], "#" + i);
        return (null, null);
    }

    private static bool Matches(string name, string[] names) => names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    public (int? Value, string? Argument) Int(params string[] names)
    {
        var (value, argument) = Find(names);
        return (value?.Value is int i ? i : null, argument);
    }

    public (bool? Value, string? Argument) Bool(params string[] names)
    {
        var (value, argument) = Find(names);
        return (value?.Value is bool b ? b : null, argument);
    }

    public (double? Value, string? Argument) Double(params string[] names)
    {
        var (value, argument) = Find(names);
        return (value?.Value is double d ? d : value?.Value is float f ? f : value?.Value is int i ? i : null, argument);
    }

    public (string? Value, string? Argument) String(params string[] names)
    {
        var (value, argument) = Find(names);
        return (value?.Value as string, argument);
    }

    /// <summary>An int or an int array (Keras' "an integer or a tuple"), as an array; null when absent or null.</summary>
    public (int[]? Value, string? Argument) Ints(params string[] names)
    {
        var (value, argument) = Find(names);
        if (value is not { } constant || constant.IsNull) return (null, argument);
        if (constant.Kind == TypedConstantKind.Array) return (constant.Values.Select(v => v.Value is int i ? i : 0).ToArray(), argument);
        return (constant.Value is int single ? new[] { single } : null, argument);
    }

    /// <summary>A tuple argument of <paramref name="rank"/> values: an int stands for all of them, as in Keras;
    /// <paramref name="fallback"/> when absent. A wrong length is reported, and null returned.</summary>
    public (EquatableArray<int>? Value, string? Argument) Tuple(int rank, int[]? fallback, string keras, params string[] names)
    {
        var (values, argument) = Ints(names);
        values ??= fallback;
        if (values is null) return (null, argument);
        if (values.Length == 1 && rank > 1) values = Enumerable.Repeat(values[0], rank).ToArray();
        if (values.Length != rank)
        {
            Diagnostics.Add(DiagnosticCatalog.InvalidSize,
                $"The `{keras}` argument must be a tuple of {rank} integers. Received {keras}=({string.Join(", ", values)})", argument);
            return (null, argument);
        }
        return (new EquatableArray<int>(values), argument);
    }

    /// <summary>A positive size argument (units, filters, kernel size), reported with Keras' wording when not.</summary>
    public bool Positive(string keras, IReadOnlyList<int>? values, string? argument)
    {
        if (values is null || values.All(v => v > 0)) return true;
        string shown = values.Count == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : "(" + string.Join(", ", values) + ")";
        Diagnostics.Add(DiagnosticCatalog.InvalidSize,
            $"Received an invalid value for `{keras}`, expected a positive integer. Received: {keras}={shown}", argument);
        return false;
    }

    /// <summary>A canonical activation (a name, or a name with arguments: <c>relu(max_value=6)</c>); reported when
    /// wrong (<see cref="Identifier"/>), linear then.</summary>
    public string Activation(string text, string argument) =>
        Identifier("activation function", DiagnosticCatalog.UnknownActivation, text, argument, ActivationCatalog.Names,
            (string t, out string? error, out string? unknown) => ActivationCatalog.Resolve(t, out error, out unknown)) ?? "linear";

    /// <summary>The activation given under <paramref name="names"/>, or linear.</summary>
    public string OptionalActivation(params string[] names)
    {
        var (name, argument) = String(names);
        return name is null ? "linear" : Activation(name, argument!);
    }

    /// <summary>A canonical initializer (<see cref="InitializerCatalog.Resolve"/>), <paramref name="fallback"/> when
    /// none is given, zeros when it is wrong (reported).</summary>
    public string Initializer(string fallback, params string[] names)
    {
        var (text, argument) = String(names);
        if (text is null) return fallback;
        return Identifier("initializer", DiagnosticCatalog.UnknownInitializer, text, argument!, InitializerCatalog.Names,
            (string t, out string? error, out string? unknown) => InitializerCatalog.Resolve(t, out error, out unknown)) ?? "zeros";
    }

    /// <summary>A canonical regularizer (<see cref="RegularizerCatalog.Resolve"/>) in Keras 1's or Keras 3's
    /// identifiers, or null when none is given or it is wrong (reported).</summary>
    public string? Regularizer(bool keras1, params string[] names)
    {
        var (text, argument) = String(names);
        return text is null ? null : Identifier("regularizer", DiagnosticCatalog.UnknownRegularizer, text, argument!, RegularizerCatalog.Names(keras1),
            (string t, out string? error, out string? unknown) => RegularizerCatalog.Resolve(t, keras1, out error, out unknown));
    }

    /// <summary>A canonical constraint (<see cref="ConstraintCatalog.Resolve"/>) for a weight of
    /// <paramref name="rank"/> axes, or null when none is given or it is wrong (reported).</summary>
    public string? Constraint(int rank, params string[] names) => Constraint(rank, null, names);

    /// <summary><see cref="Constraint(int, string[])"/> with the axes written in Keras 1's kernel layout
    /// (<see cref="ConstraintCatalog.Resolve"/>'s <c>keras1Axes</c>).</summary>
    public string? Constraint(int rank, int[]? keras1Axes, params string[] names)
    {
        var (text, argument) = String(names);
        return text is null ? null : Identifier("constraint", DiagnosticCatalog.UnknownConstraint, text, argument!, ConstraintCatalog.Names,
            (string t, out string? error, out string? unknown) => ConstraintCatalog.Resolve(t, rank, out error, out unknown, keras1Axes));
    }

    private delegate string? Resolver(string text, out string? error, out string? unknownName);

    /// <summary>Resolves a Keras identifier as written; an unknown name is reported under
    /// <paramref name="unknownId"/> with "did you mean" (the code fix's replacement keeps the arguments), wrong
    /// arguments as KG0026 with the resolver's reason. Null when reported.</summary>
    private string? Identifier(string kind, string unknownId, string text, string argument, IEnumerable<string> known, Resolver resolve)
    {
        if (resolve(text, out var error, out var unknown) is { } canonical) return canonical;
        if (unknown is not null)
            All.Add(new ModelDiagnostic(unknownId, $"Could not interpret {kind} identifier: {text}" + Suggestion(unknown, known), Index, argument, text,
                Replaced(text, unknown, NameSuggester.Closest(unknown, known))));
        else
            All.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidIdentifier, $"Could not interpret {kind} identifier '{text}': {error}", Index, argument));
        return null;
    }

    /// <summary><paramref name="text"/> with its name <paramref name="unknown"/> replaced by <paramref name="closest"/>
    /// (arguments kept), for the code fix; null without a suggestion.</summary>
    internal static string? Replaced(string text, string unknown, string? closest)
    {
        if (closest is null) return null;
        int at = text.IndexOf(unknown, System.StringComparison.Ordinal);
        return text.Substring(0, at) + closest + text.Substring(at + unknown.Length);
    }

    /// <summary>One of Keras' option strings (padding, data_format), lower-cased as Keras does; an unknown one is
    /// reported with "did you mean" and <paramref name="known"/>[0] returned.</summary>
    public string Option(string keras, string fallback, string[] known, params string[] names)
    {
        var (value, argument) = String(names);
        if (value is null) return fallback;
        string lower = value.ToLowerInvariant();
        if (known.Contains(lower)) return lower;
        All.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownOption,
            $"The `{keras}` argument must be one of {string.Join(", ", known.Select(k => $"\"{k}\""))}. Received: {keras}={value}" + Suggestion(lower, known),
            Index, argument, value, NameSuggester.Closest(lower, known)));
        return fallback;
    }

    /// <summary>The layer's data_format: its own DataFormat (Keras 1: DimOrdering "tf"/"th"), else the model's.</summary>
    public string DataFormat()
    {
        var (ordering, orderingArgument) = String("DimOrdering");
        if (ordering is not null)
        {
            string lower = ordering.ToLowerInvariant();
            if (lower is "tf" or "th") return lower == "tf" ? "channels_last" : "channels_first";
            var orderings = new[] { "tf", "th" };
            All.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownOption,
                $"The `dim_ordering` argument must be one of \"tf\", \"th\". Received: dim_ordering={ordering}" + Suggestion(lower, orderings),
                Index, orderingArgument, ordering, NameSuggester.Closest(lower, orderings)));
        }
        return Option("data_format", ImageDataFormat, new[] { "channels_last", "channels_first" }, "DataFormat");
    }

    internal static string Suggestion(string typed, IEnumerable<string> known) =>
        NameSuggester.Closest(typed, known) is { } closest ? $". Did you mean '{closest}'?" : "";
}
