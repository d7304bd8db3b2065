namespace KerasGen.Generator.Catalog;

/// <summary>The IDs of every diagnostic the shared core finds. Their descriptors (titles, severities) live in the
/// analyzer (KerasGen.Analyzers/Descriptors.cs); docs/diagnostics.md documents each.</summary>
internal static class DiagnosticCatalog
{
    public const string NotPartial = "KG0001";
    public const string NoLayers = "KG0002";
    public const string NoInputShape = "KG0003";
    public const string LateInputShape = "KG0004";
    public const string UnknownActivation = "KG0005";
    public const string UnknownInitializer = "KG0006";
    public const string InvalidSize = "KG0007";
    public const string ReshapeMismatch = "KG0008";
    public const string FlattenOnFlat = "KG0009";
    public const string ModelTooLarge = "KG0010";
    public const string LayerWithoutSequential = "KG0011";
    public const string UndefinedDimension = "KG0012";
    public const string UnsupportedModelType = "KG0013";
    public const string MissingLoss = "KG0014";
    public const string UnknownLoss = "KG0015";
    public const string UnknownOptimizer = "KG0016";
    public const string UnknownMetric = "KG0017";
    public const string LossOutputMismatch = "KG0018";
    public const string LayersSplitAcrossDeclarations = "KG0019";
    public const string UnknownOption = "KG0020";
    public const string DuplicateLayerName = "KG0021";
    public const string InvalidArgumentCombination = "KG0022";
    public const string NotSupportedYet = "KG0023";
    public const string EmptyOutput = "KG0024";
    public const string IncompatibleInputRank = "KG0025";
    public const string InvalidIdentifier = "KG0026";
    public const string UnknownRegularizer = "KG0027";
    public const string UnknownConstraint = "KG0028";
    public const string InternalError = "KG9999";

    /// <summary>Only warnings still let the generator emit the model.</summary>
    public static bool IsError(string id) => id is not (FlattenOnFlat or LossOutputMismatch);
}
