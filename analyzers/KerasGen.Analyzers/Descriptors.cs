using Microsoft.CodeAnalysis;
using Ids = KerasGen.Generator.Catalog.DiagnosticCatalog;

namespace KerasGen.Analyzers;

/// <summary>One descriptor per KerasGen diagnostic. Messages are built by the core ("{0}"), so they can name the
/// shapes and arguments involved.</summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor NotPartial = Error(Ids.NotPartial, "A [Sequential] class must be partial");
    public static readonly DiagnosticDescriptor NoLayers = Error(Ids.NoLayers, "A [Sequential] model has no layers");
    public static readonly DiagnosticDescriptor NoInputShape = Error(Ids.NoInputShape, "The first layer has no input shape");
    public static readonly DiagnosticDescriptor LateInputShape = Error(Ids.LateInputShape, "Only the first layer may give an input shape");
    public static readonly DiagnosticDescriptor UnknownActivation = Error(Ids.UnknownActivation, "Unknown activation");
    public static readonly DiagnosticDescriptor UnknownInitializer = Error(Ids.UnknownInitializer, "Unknown initializer");
    public static readonly DiagnosticDescriptor InvalidSize = Error(Ids.InvalidSize, "Invalid layer size or rate");
    public static readonly DiagnosticDescriptor ReshapeMismatch = Error(Ids.ReshapeMismatch, "Reshape cannot produce the target shape");
    public static readonly DiagnosticDescriptor FlattenOnFlat = new(Ids.FlattenOnFlat, "Flatten on an input that is already flat", "{0}", Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: Help(Ids.FlattenOnFlat));
    public static readonly DiagnosticDescriptor ModelTooLarge = Error(Ids.ModelTooLarge, "The model is too large for KerasGen's fixed buffers");
    public static readonly DiagnosticDescriptor LayerWithoutSequential = Error(Ids.LayerWithoutSequential, "Layer attributes need [Sequential]");
    public static readonly DiagnosticDescriptor UndefinedDimension = Error(Ids.UndefinedDimension, "An input dimension is undefined");
    public static readonly DiagnosticDescriptor UnsupportedModelType = Error(Ids.UnsupportedModelType, "KerasGen cannot generate a model on this type");
    public static readonly DiagnosticDescriptor MissingLoss = Error(Ids.MissingLoss, "[Compile] needs a loss");
    public static readonly DiagnosticDescriptor UnknownLoss = Error(Ids.UnknownLoss, "Unknown loss");
    public static readonly DiagnosticDescriptor UnknownOptimizer = Error(Ids.UnknownOptimizer, "Unknown optimizer");
    public static readonly DiagnosticDescriptor UnknownMetric = Error(Ids.UnknownMetric, "Unknown metric");
    public static readonly DiagnosticDescriptor LossOutputMismatch = new(Ids.LossOutputMismatch, "The loss does not fit the model's output", "{0}", Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: Help(Ids.LossOutputMismatch));
    public static readonly DiagnosticDescriptor LayersSplitAcrossDeclarations = Error(Ids.LayersSplitAcrossDeclarations, "Layers are split across partial declarations");
    public static readonly DiagnosticDescriptor UnknownOption = Error(Ids.UnknownOption, "Unknown padding, data format or other option");
    public static readonly DiagnosticDescriptor DuplicateLayerName = Error(Ids.DuplicateLayerName, "Layer names must be unique");
    public static readonly DiagnosticDescriptor InvalidArgumentCombination = Error(Ids.InvalidArgumentCombination, "Arguments that Keras rejects together");
    public static readonly DiagnosticDescriptor NotSupportedYet = Error(Ids.NotSupportedYet, "Valid in Keras, not compiled by KerasGen yet");
    public static readonly DiagnosticDescriptor EmptyOutput = Error(Ids.EmptyOutput, "The layer's output would be empty");
    public static readonly DiagnosticDescriptor IncompatibleInputRank = Error(Ids.IncompatibleInputRank, "The layer does not take an input of this rank");
    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(Ids.InvalidIdentifier, "Invalid arguments in a Keras identifier");
    public static readonly DiagnosticDescriptor UnknownRegularizer = Error(Ids.UnknownRegularizer, "Unknown regularizer");
    public static readonly DiagnosticDescriptor UnknownConstraint = Error(Ids.UnknownConstraint, "Unknown constraint");
    public static readonly DiagnosticDescriptor InternalError = Error(Ids.InternalError, "KerasGen failed unexpectedly");

    public static readonly DiagnosticDescriptor[] All =
    {
        NotPartial, NoLayers, NoInputShape, LateInputShape, UnknownActivation, UnknownInitializer, InvalidSize,
        ReshapeMismatch, FlattenOnFlat, ModelTooLarge, LayerWithoutSequential, UndefinedDimension, UnsupportedModelType,
        MissingLoss, UnknownLoss, UnknownOptimizer, UnknownMetric, LossOutputMismatch, LayersSplitAcrossDeclarations,
        UnknownOption, DuplicateLayerName, InvalidArgumentCombination, NotSupportedYet, EmptyOutput, IncompatibleInputRank,
        InvalidIdentifier, UnknownRegularizer, UnknownConstraint, InternalError,
    };

    private const string Category = "KerasGen";

    private static DiagnosticDescriptor Error(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: Help(id));

    private static string Help(string id) => "docs/diagnostics.md#" + id.ToLowerInvariant();
}
