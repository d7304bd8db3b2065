namespace KerasGen;

/// <summary>Keras 3 activation identifiers, spelled as Keras spells them, for IntelliSense.</summary>
public static class Activations
{
    public const string Linear = "linear";
    public const string Relu = "relu";
    public const string Relu6 = "relu6";
    public const string LeakyRelu = "leaky_relu";
    public const string Elu = "elu";
    public const string Selu = "selu";
    public const string Celu = "celu";
    public const string Softplus = "softplus";
    public const string Softsign = "softsign";
    public const string Squareplus = "squareplus";
    public const string SoftShrink = "soft_shrink";
    public const string SparsePlus = "sparse_plus";
    public const string Silu = "silu";
    public const string Swish = "swish";
    public const string Gelu = "gelu";
    public const string Tanh = "tanh";
    public const string TanhShrink = "tanh_shrink";
    public const string Sigmoid = "sigmoid";
    public const string SparseSigmoid = "sparse_sigmoid";
    public const string Exponential = "exponential";
    public const string HardSigmoid = "hard_sigmoid";
    public const string HardSilu = "hard_silu";
    public const string HardSwish = "hard_swish";
    public const string HardTanh = "hard_tanh";
    public const string HardShrink = "hard_shrink";
    public const string Mish = "mish";
    public const string LogSigmoid = "log_sigmoid";
    public const string Softmax = "softmax";
    public const string LogSoftmax = "log_softmax";
    public const string Sparsemax = "sparsemax";
    public const string Glu = "glu";
}
