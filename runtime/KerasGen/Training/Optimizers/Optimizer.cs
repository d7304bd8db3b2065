using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasGen.Training.Optimizers;

/// <summary>
/// A Keras 3 optimizer over a model's flat weight buffer (KERAS_SPEC §5.1): one <see cref="Step"/> applies decoupled
/// weight decay (any optimizer, w −= w·wd·lr), then the update rule with t = iterations + 1, then counts the
/// iteration. State buffers have the weights' size and are allocated on the first step; the zero padding of the
/// internal layout has zero gradients and stays zero under every rule.
/// </summary>
public abstract class Optimizer
{
    protected Optimizer(float learningRate, float weightDecay) => (_learningRate, WeightDecay) = (learningRate, weightDecay);

    private float _learningRate;

    /// <summary>Keras' <c>optimizer.learning_rate</c>, stored as float32 (0.01 reads back 0.009999999776482582); with a
    /// <see cref="LearningRateSchedule"/>, the schedule's value at the current step, and not settable (as in Keras).</summary>
    public float LearningRate
    {
        get => LearningRateSchedule is { } schedule ? schedule.At(Iterations) : _learningRate;
        set
        {
            if (LearningRateSchedule is not null)
                throw new InvalidOperationException("This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` constructor argument, hence its learning rate is not settable. If you need the learning rate to be settable, you should instantiate the optimizer with a float `learning_rate` argument.");
            _learningRate = value;
        }
    }

    /// <summary>Keras' <c>learning_rate=schedule</c>: the rate of each step is the schedule at the step count.</summary>
    public Schedules.LearningRateSchedule? LearningRateSchedule { get; set; }

    public float WeightDecay { get; }

    /// <summary>Keras <c>optimizer.iterations</c>.</summary>
    public long Iterations { get; private set; }

    public static Optimizer Create(OptimizerSettings s)
    {
        var optimizer = CreateRule(s);
        optimizer.Clipping = GradientClipping.Create(s.ClipNorm, s.ClipValue, s.GlobalClipNorm);
        return optimizer;
    }

    /// <summary>Keras 3's gradient clipping (<c>clipnorm</c>, <c>clipvalue</c> or <c>global_clipnorm</c>), applied
    /// before weight decay and the update rule; null: none.</summary>
    public GradientClipping? Clipping { get; private set; }

    /// <summary>Where each trainable model variable lives in the weight buffer, for <c>clipnorm</c>'s per-variable
    /// norms and for weight decay, which leaves the rest (non-trainable weights) alone (the zero padding between rows
    /// has zero gradients and stays zero, so a variable's span may include it). Unset, the whole buffer is one
    /// variable.</summary>
    internal void SetVariables((int Start, int Length)[] variables) => _variables = variables;

    private (int Start, int Length)[]? _variables;

    private static Optimizer CreateRule(OptimizerSettings s) => s.Name switch
    {
        "sgd" or "SGD" => new Sgd(s.Or(s.LearningRate, 0.01f), s.Or(s.Momentum, 0f), s.Nesterov, s.Or(s.WeightDecay, 0f)),
        "adam" or "Adam" => new Adam(s.Or(s.LearningRate, 0.001f), s.Or(s.Beta1, 0.9f), s.Or(s.Beta2, 0.999f), s.Or(s.Epsilon, 1e-7f), s.Amsgrad, s.Or(s.WeightDecay, 0f)),
        "adamw" or "AdamW" => new Adam(s.Or(s.LearningRate, 0.001f), s.Or(s.Beta1, 0.9f), s.Or(s.Beta2, 0.999f), s.Or(s.Epsilon, 1e-7f), s.Amsgrad, s.Or(s.WeightDecay, 0.004f)),
        "rmsprop" or "RMSprop" => new RmsProp(s.Or(s.LearningRate, 0.001f), s.Or(s.Rho, 0.9f), s.Or(s.Momentum, 0f), s.Or(s.Epsilon, 1e-7f), s.Centered, s.Or(s.WeightDecay, 0f)),
        "adagrad" or "Adagrad" => new Adagrad(s.Or(s.LearningRate, 0.001f), s.Or(s.InitialAccumulatorValue, 0.1f), s.Or(s.Epsilon, 1e-7f), s.Or(s.WeightDecay, 0f)),
        "adadelta" or "Adadelta" => new Adadelta(s.Or(s.LearningRate, 0.001f), s.Or(s.Rho, 0.95f), s.Or(s.Epsilon, 1e-7f), s.Or(s.WeightDecay, 0f)),
        "adamax" or "Adamax" => new Adamax(s.Or(s.LearningRate, 0.001f), s.Or(s.Beta1, 0.9f), s.Or(s.Beta2, 0.999f), s.Or(s.Epsilon, 1e-7f), s.Or(s.WeightDecay, 0f)),
        "nadam" or "Nadam" => new Nadam(s.Or(s.LearningRate, 0.001f), s.Or(s.Beta1, 0.9f), s.Or(s.Beta2, 0.999f), s.Or(s.Epsilon, 1e-7f), s.Or(s.WeightDecay, 0f)),
        _ => throw new ArgumentException($"Could not interpret optimizer identifier: {s.Name}", nameof(s)),
    };

    private float[] _clipped = Array.Empty<float>();

    public static readonly string[] Known = { "sgd", "adam", "adamw", "rmsprop", "adagrad", "adadelta", "adamax", "nadam" };

    public void Step(Span<float> weights, ReadOnlySpan<float> gradients)
    {
        if (weights.Length != gradients.Length)
            throw new ArgumentException($"{weights.Length} weights but {gradients.Length} gradients.", nameof(gradients));
        EnsureState(weights.Length);
        if (Clipping is { } clipping)
        {
            // Clipped into a buffer of the optimizer's own (allocated once), so the caller's gradients stay as given.
            if (_clipped.Length != gradients.Length) _clipped = new float[gradients.Length];
            gradients.CopyTo(_clipped);
            clipping.Apply(_clipped, _variables);
            gradients = _clipped;
        }
        BeginUpdate(Iterations + 1);
        StepRange(weights, gradients, 0, weights.Length);
        Iterations++;
    }

    /// <summary>Whether a step can be cut into ranges of the weights, each updated on its own core
    /// (<see cref="BeginStep"/>, <see cref="StepRange"/>, <see cref="EndStep"/>): every rule is elementwise, but
    /// clipping needs the norms of whole gradients first.</summary>
    internal bool StepsInRanges => Clipping is null;

    /// <summary>A step cut into ranges, part 1: the state, and what moves once per step (Nadam's momentum product).</summary>
    internal void BeginStep(int length)
    {
        if (!StepsInRanges) throw new InvalidOperationException("A step with gradient clipping needs the whole gradient: call Step.");
        EnsureState(length);
        BeginUpdate(Iterations + 1);
    }

    /// <summary>Part 2, once for each range of a partition of the weights, on any thread: weight decay, then the
    /// update rule, of weights <paramref name="start"/> … <paramref name="start"/> + <paramref name="length"/> − 1.
    /// Each element gets exactly what <see cref="Step"/> would give it.</summary>
    internal void StepRange(Span<float> weights, ReadOnlySpan<float> gradients, int start, int length)
    {
        if (WeightDecay > 0)
        {
            float factor = 1 - WeightDecay * LearningRate;
            if (_variables is null) Scale(weights.Slice(start, length), factor);
            else
                foreach (var (variableStart, variableLength) in _variables)
                {
                    int from = Math.Max(start, variableStart), to = Math.Min(start + length, variableStart + variableLength);
                    if (from < to) Scale(weights.Slice(from, to - from), factor);
                }
        }
        Update(weights.Slice(start, length), gradients.Slice(start, length), Iterations + 1, start);
    }

    /// <summary>Part 3: the step is counted.</summary>
    internal void EndStep() => Iterations++;

    /// <summary>
    /// Keras' optimizer variables after <c>iterations</c> and <c>learning_rate</c>, in the order Keras saves them
    /// (<c>optimizer/vars/2…</c>): blocks, each created by one <c>add_optimizer_variables</c> call, whose slots are
    /// interleaved per model variable (Adam: momentum and velocity of the kernel, then of the bias…), each slot a
    /// buffer in the weights' internal layout. Valid after <see cref="Build"/>.
    /// </summary>
    internal abstract (string Name, float[] Values)[][] StateBlocks { get; }

    /// <summary>Scalar variables Keras saves after the blocks (Nadam's <c>u_product</c>).</summary>
    internal virtual float[] Scalars { get => Array.Empty<float>(); set { } }

    /// <summary>Keras' <c>optimizer.built</c>: it has taken a step, or its state was loaded.</summary>
    internal bool Built => Iterations > 0 || _restored;

    private bool _restored;

    /// <summary>Allocates the state for a weight buffer of <paramref name="length"/> floats, as Keras' <c>build</c>.</summary>
    internal void Build(int length) => EnsureState(length);

    /// <summary>Sets what a weights file saved: the iteration count and learning rate (the buffers are filled through
    /// <see cref="StateBlocks"/>), so a resumed Fit continues exactly.</summary>
    internal void Restore(long iterations, float learningRate)
    {
        (Iterations, _restored) = (iterations, true);
        if (LearningRateSchedule is null) _learningRate = learningRate; // a schedule recomputes it from the iterations
    }

    /// <summary>Allocates the optimizer's state for <paramref name="length"/> weights (once).</summary>
    protected abstract void EnsureState(int length);

    /// <summary>What step <paramref name="t"/> changes once, before its update rule runs over the weights.</summary>
    protected virtual void BeginUpdate(long t) { }

    /// <summary>The update rule for step <paramref name="t"/> (1 on the first step) on a range of the weights, which
    /// starts at <paramref name="offset"/> in the state buffers (0 for the whole buffer).</summary>
    protected abstract void Update(Span<float> weights, ReadOnlySpan<float> gradients, long t, int offset);

    /// <summary>values ·= factor (decoupled weight decay), with no delegate, so a step allocates nothing.</summary>
    private static void Scale(Span<float> values, float factor)
    {
        var vectors = Vectors(values);
        for (int i = 0; i < vectors.Length; i++) vectors[i] *= factor;
        for (int i = TailStart(values.Length); i < values.Length; i++) values[i] *= factor;
    }

    /// <summary>The vector view of a span and where its scalar tail begins.</summary>
    protected static Span<Vector<float>> Vectors(Span<float> values) => MemoryMarshal.Cast<float, Vector<float>>(values);

    protected static ReadOnlySpan<Vector<float>> Vectors(ReadOnlySpan<float> values) => MemoryMarshal.Cast<float, Vector<float>>(values);

    /// <summary>The range of a state buffer that goes with the weights from <paramref name="offset"/>; empty when the
    /// rule keeps no such state (Adam without amsgrad has no maximum).</summary>
    protected static Span<float> State(float[] buffer, int offset, int length) => buffer.Length == 0 ? Span<float>.Empty : buffer.AsSpan(offset, length);

    protected static int TailStart(int length) => length / Vector<float>.Count * Vector<float>.Count;
}
