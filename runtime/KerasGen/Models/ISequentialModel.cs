namespace KerasGen;

/// <summary>
/// What every generated model is. Static members carry the compile-time shapes, so generic runtime code
/// (<c>where TModel : ISequentialModel</c>: training loops, weight I/O, benchmarks) uses them without reflection.
/// </summary>
public interface ISequentialModel : IModel
{
    /// <summary>Keras <c>model.input_shape</c>, e.g. <c>(None, 8)</c>.</summary>
    static abstract TensorShape InputShape { get; }

    /// <summary>Keras <c>model.output_shape</c>, e.g. <c>(None, 1)</c>.</summary>
    static abstract TensorShape OutputShape { get; }

    /// <summary>Input elements per sample.</summary>
    static abstract int InputSize { get; }

    /// <summary>Output elements per sample.</summary>
    static abstract int OutputSize { get; }
}
