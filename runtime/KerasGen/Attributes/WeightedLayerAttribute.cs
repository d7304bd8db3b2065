namespace KerasGen;

/// <summary>
/// What Keras' layers with a kernel and a bias (Dense and the convolutions) add: regularizers and constraints, each
/// a Keras identifier or its constructor form, checked at build time (KERAS_SPEC §6):
/// <c>"l2"</c>, <c>"l2(0.001)"</c>, <c>"L1L2(l1=0.01, l2=0.001)"</c>; <c>"non_neg"</c>, <c>"unit_norm"</c>,
/// <c>"max_norm(3)"</c>, <c>"MaxNorm(max_value=2, axis=[0, 1])"</c>, <c>"MinMaxNorm(0.5, 1.0, rate=0.5)"</c>.
/// </summary>
public abstract class WeightedLayerAttribute : LayerAttribute
{
    /// <summary>Keras <c>kernel_regularizer</c>: its penalty on the kernel joins the training loss.</summary>
    public string? KernelRegularizer { get; set; }

    /// <summary>Keras <c>bias_regularizer</c>.</summary>
    public string? BiasRegularizer { get; set; }

    /// <summary>Keras <c>activity_regularizer</c>: a penalty on the layer's output, which Keras 3 divides by the batch
    /// size (Keras 1, for layers written with its names, does not).</summary>
    public string? ActivityRegularizer { get; set; }

    /// <summary>Keras <c>kernel_constraint</c>: projected onto the kernel after every optimizer step.</summary>
    public string? KernelConstraint { get; set; }

    /// <summary>Keras <c>bias_constraint</c>.</summary>
    public string? BiasConstraint { get; set; }
}
