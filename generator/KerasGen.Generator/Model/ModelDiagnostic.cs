namespace KerasGen.Generator.Model;

/// <summary>
/// A model error found by the shared core, located without a Roslyn <c>Location</c> (which would defeat incremental
/// caching): by the index of the layer attribute in source order (−1 = the class itself) and, where one argument is
/// responsible, by its name (named arguments), "#n" (the n-th positional argument) or "#*" (all positional arguments,
/// a params list). The analyzer turns this into a
/// squiggle on that exact syntax.
/// </summary>
/// For a misspelt name, <see cref="Unknown"/> is what was written and <see cref="Suggestion"/> the closest known name,
/// which the code fix puts in its place.
internal sealed record ModelDiagnostic(string Id, string Message, int AttributeIndex, string? Argument, string? Unknown = null, string? Suggestion = null);
