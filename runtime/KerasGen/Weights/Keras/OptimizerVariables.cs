using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KerasGen.Training;
using PureHDF;

namespace KerasGen.Weights.Keras;

/// <summary>
/// The optimizer's state in a Keras 3 <c>.weights.h5</c> (KERAS_SPEC §5.2, §7.8): <c>optimizer/vars/0</c> the
/// iteration count (int64 scalar), <c>1</c> the learning rate (float32 scalar), then the optimizer's slots in Keras'
/// order (<see cref="Training.Optimizers.Optimizer.StateBlocks"/>), each in its model variable's Keras shape, then its
/// scalar variables. Loaded back, a resumed Fit continues exactly where the saved one stopped.
/// </summary>
internal static class OptimizerVariables
{
    /// <summary>Keras writes the group only once the optimizer is built (has stepped); so does this.</summary>
    public static H5Group? Build(IDifferentiableModel model, IReadOnlyList<WeightSlot> slots)
    {
        var optimizer = model.Optimizer;
        if (!optimizer.Built) return null;
        var vars = new H5Group { ["0"] = new H5Dataset(optimizer.Iterations), ["1"] = new H5Dataset(optimizer.LearningRate) };
        int index = 2;
        foreach (var (values, slot) in Variables(model, slots))
            vars[(index++).ToString()] = new H5Dataset(WeightTable.Get(new[] { slots[slot] }, values)[0], fileDims: slots[slot].Shape.Select(d => (ulong)d).ToArray());
        foreach (float scalar in optimizer.Scalars) vars[(index++).ToString()] = new H5Dataset(scalar);
        return new H5Group { ["vars"] = vars };
    }

    /// <summary>Reads and checks the saved state, and stages its restore for after the weights are set.</summary>
    public static void Read(IH5Group root, IDifferentiableModel model, IReadOnlyList<KerasObject> objects, LoadedWeights into)
    {
        if (!root.LinkExists("optimizer") || !root.Group("optimizer").LinkExists("vars")) return;
        var vars = root.Group("optimizer").Group("vars");
        var optimizer = model.Optimizer;
        int count = Variables(model, into.Slots).Count(), scalarCount = optimizer.Scalars.Length;
        int expected = 2 + count + scalarCount, received = vars.Children().Count();
        if (received != expected)
            throw new InvalidDataException(
                $"{into.File}: optimizer/vars holds {received} variables; this model's {optimizer.GetType().Name} has {expected} (iterations, learning_rate, {count} slots, {scalarCount} scalars): the file was saved with another optimizer or model.");
        long iterations = (long)Scalar(vars, "0", into.File, integer: true);
        float learningRate = (float)Scalar(vars, "1", into.File, integer: false);
        var staged = Variables(model, into.Slots).Select((v, i) =>
            Hdf5.Weight(vars, (i + 2).ToString(), $"optimizer/vars/{i + 2}", v.Slot, objects.First(o => o.Slots.Contains(v.Slot)), into)).ToList();
        var scalars = Enumerable.Range(0, scalarCount).Select(k => (float)Scalar(vars, (2 + count + k).ToString(), into.File, integer: false)).ToArray();
        int length = model.WeightBuffer.Length;
        into.Then = () =>
        {
            optimizer.Build(length); // allocated now, so the buffers enumerated next are the ones the optimizer keeps
            int i = 0;
            foreach (var (buffer, slot) in Variables(model, into.Slots)) WeightTable.Write(into.Slots[slot], staged[i++], buffer);
            if (scalarCount > 0) optimizer.Scalars = scalars;
            optimizer.Restore(iterations, learningRate);
        };
    }

    /// <summary>The optimizer's slot buffers in Keras' order, each with the model variable it belongs to (Keras'
    /// optimizers keep slots for trainable variables only).</summary>
    private static IEnumerable<(float[] Buffer, int Slot)> Variables(IDifferentiableModel model, IReadOnlyList<WeightSlot> slots)
    {
        foreach (var block in model.Optimizer.StateBlocks)
            for (int s = 0; s < slots.Count; s++)
                if (slots[s].Trainable)
                    foreach (var (_, values) in block)
                        yield return (values, s);
    }

    private static double Scalar(IH5Group vars, string name, string file, bool integer)
    {
        if (!vars.LinkExists(name) || vars.Get(name) is not IH5Dataset dataset || dataset.Space.Rank != 0)
            throw new InvalidDataException($"{file}: optimizer/vars/{name} is missing or not a scalar.");
        var type = dataset.Type;
        return (type.Class, type.Size, integer) switch
        {
            (H5DataTypeClass.FixedPoint, 8, true) => dataset.Read<long>(),
            (H5DataTypeClass.FixedPoint, 4, true) => dataset.Read<int>(),
            (H5DataTypeClass.FloatingPoint, 4, false) => dataset.Read<float>(),
            (H5DataTypeClass.FloatingPoint, 8, false) => dataset.Read<double>(),
            _ => throw new InvalidDataException($"{file}: optimizer/vars/{name} holds {type.Class} values of {type.Size} bytes; it should be {(integer ? "an integer" : "a float")}."),
        };
    }
}
