namespace KerasGen.Generator.Emit;

/// <summary>
/// One kernel path: which vector type it uses and how many accumulators a register tile may hold. Every path gets
/// its own copy of each kernel; <c>Predict</c> picks one with the JIT-time constant <c>IsHardwareAccelerated</c>
/// checks, so only that one is ever compiled.
/// </summary>
internal sealed record Isa(string Suffix, string KernelPath, string Vector, string Simd, int Width, int MaxTile)
{
    public const string Vector512Name = "global::System.Runtime.Intrinsics.Vector512";

    public static readonly Isa V512 = new("V512", "Vector512", Vector512Name, "global::KerasGen.Kernels.Simd512", 16, 8);
    public static readonly Isa V256 = new("V256", "Vector256", "global::System.Runtime.Intrinsics.Vector256", "global::KerasGen.Kernels.Simd256", 8, 8);
    public static readonly Isa V128 = new("V128", "Vector128", "global::System.Runtime.Intrinsics.Vector128", "global::KerasGen.Kernels.Simd128", 4, 8);
    public static readonly Isa Scalar = new("Scalar", "Scalar", "", "global::KerasGen.Kernels.SimdScalar", 1, 1);

    public static readonly Isa[] All = { V512, V256, V128, Scalar };

    public bool IsScalar => Width == 1;

    /// <summary>The register type, e.g. <c>Vector512&lt;float&gt;</c>, or <c>float</c>.</summary>
    public string Register => IsScalar ? "float" : Vector + "<float>";

    /// <summary>The element-wise activation class for this width.</summary>
    public string Activation => $"global::KerasGen.Kernels.Activation<{Register}, {Simd}>";
}
