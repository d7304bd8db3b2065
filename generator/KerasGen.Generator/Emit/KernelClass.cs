using System.Linq;
using KerasGen.Generator.Model;

namespace KerasGen.Generator.Emit;

/// <summary>
/// Where a model's compiled kernels go: a <c>file static class</c> in KerasGen's own namespace with <c>using</c>s (the
/// Regex generator's idiom), so the code a user steps through reads <c>Unsafe.Add(ref a, 16)</c> and
/// <c>Vector256.LoadUnsafe(ref x, 0)</c> rather than fully qualified names, and none of it can collide with the
/// user's members. The emitters write fully qualified names everywhere (safe in any scope); this class's body, which
/// lives where only its usings are in scope, gets them shortened.
/// </summary>
internal sealed class KernelClass
{
    private const string Namespace = "KerasGen.Generated";

    /// <summary>Longest first, so no replacement cuts into another.</summary>
    private static readonly (string Qualified, string Short)[] Shortenings =
    {
        ("global::System.Runtime.CompilerServices.", ""),
        ("global::System.Runtime.InteropServices.", ""),
        ("global::System.Runtime.Intrinsics.", ""),
        ("global::KerasGen.Initialization.", ""),
        ("global::KerasGen.Kernels.", ""),
        ("global::KerasGen.Training.Regularization.", ""),
        ("global::KerasGen.Training.", ""),
        ("global::System.", ""),
    };

    private static readonly string[] Usings =
    {
        "System", "System.Runtime.CompilerServices", "System.Runtime.InteropServices", "System.Runtime.Intrinsics",
        "KerasGen.Initialization", "KerasGen.Kernels", "KerasGen.Training", "KerasGen.Training.Regularization",
    };

    private readonly ModelSpec _spec;
    private readonly string _contents;

    /// <param name="contents">What the class holds, for its summary.</param>
    public KernelClass(ModelSpec spec, string contents) => (_spec, _contents) = (spec, contents);

    /// <summary>The body, written at the class's indentation.</summary>
    public CodeWriter W { get; } = new(2);

    /// <summary>How the model's members call into it.</summary>
    public string Name => $"global::{Namespace}.{ClassName}";

    /// <summary>The model's class name (with its containing types' names before it), then Kernels.</summary>
    private string ClassName => string.Concat(_spec.ContainingTypes.Select(t => t.Substring(t.LastIndexOf(' ') + 1) + "_")) + _spec.ClassName + "Kernels";

    public void AppendTo(CodeWriter file, string version)
    {
        file.Line();
        using (file.Block($"namespace {Namespace}"))
        {
            foreach (var u in Usings) file.Line($"using {u};");
            file.Line();
            file.Line($"/// <summary>The compiled kernels of {_spec.ClassName}: {_contents}.</summary>");
            file.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"KerasGen\", \"{version}\")]");
            using (file.Block($"file static class {ClassName}"))
            {
                string body = W.ToString();
                foreach (var (qualified, shortName) in Shortenings) body = body.Replace(qualified, shortName);
                file.Raw(body.TrimEnd('\n') + "\n");
            }
        }
    }
}
