// netstandard2.0 lacks this marker type, which records with init-only properties need.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
