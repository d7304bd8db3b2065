namespace KerasGen;

/// <summary>Keras initializer identifiers, spelled as Keras spells them, for IntelliSense.</summary>
public static class Initializers
{
    public const string GlorotUniform = "glorot_uniform";
    public const string GlorotNormal = "glorot_normal";
    public const string HeUniform = "he_uniform";
    public const string HeNormal = "he_normal";
    public const string LecunUniform = "lecun_uniform";
    public const string LecunNormal = "lecun_normal";
    public const string RandomUniform = "random_uniform";
    public const string RandomNormal = "random_normal";
    public const string TruncatedNormal = "truncated_normal";
    public const string Zeros = "zeros";
    public const string Ones = "ones";
    public const string Constant = "constant";
    public const string Identity = "identity";
    public const string Orthogonal = "orthogonal";
    /// <summary>Keras 1 / alias of <see cref="RandomUniform"/>: U(−0.05, 0.05).</summary>
    public const string Uniform = "uniform";
    /// <summary>Keras 1 / alias of <see cref="RandomNormal"/>: N(0, 0.05).</summary>
    public const string Normal = "normal";
    /// <summary>Keras 1 / alias of <see cref="Zeros"/>.</summary>
    public const string Zero = "zero";
    /// <summary>Keras 1 / alias of <see cref="Ones"/>.</summary>
    public const string One = "one";
}
