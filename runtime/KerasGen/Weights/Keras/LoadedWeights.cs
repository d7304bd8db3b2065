using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KerasGen.Weights.Keras;

/// <summary>
/// The weights a file offers, collected for every slot of the model before any is written, so a file that fails
/// half-way leaves the model unchanged. Checks each value's shape against the model's before its values are read, so
/// a file declaring a huge dataset fails before anything that size is allocated.
/// </summary>
internal sealed class LoadedWeights(string file, IReadOnlyList<WeightSlot> slots)
{
    private readonly float[]?[] _values = new float[slots.Count][];

    public string File => file;

    public IReadOnlyList<WeightSlot> Slots => slots;

    /// <summary>Throws unless <paramref name="shape"/> (where <paramref name="path"/> in the file holds slot
    /// <paramref name="slot"/>'s value) is the model's shape for it.</summary>
    public void CheckShape(int slot, string path, IReadOnlyList<ulong> shape, KerasObject layer)
    {
        var expected = slots[slot];
        if (!shape.Select(d => (long)d).SequenceEqual(expected.Shape.Select(d => (long)d)))
            throw new InvalidDataException(
                $"{file}: {path} has shape {Text(shape)}, but {layer.Describe} weight '{expected.Name}' has shape {expected.ShapeText}.");
    }

    public void Set(int slot, float[] values) => _values[slot] = values;

    /// <summary>What to do once the weights are in (restore the optimizer's state), checked already.</summary>
    public System.Action? Then { get; set; }

    /// <summary>Writes every weight into the model, once all are read.</summary>
    public void ApplyTo(IModel model)
    {
        for (int s = 0; s < _values.Length; s++)
            if (_values[s] is null) throw new InvalidDataException($"{file} holds no value for weight {slots[s].Layer}/{slots[s].Name} {slots[s].ShapeText}.");
        model.SetWeights(_values!);
        Then?.Invoke();
    }

    public static string Text(IReadOnlyList<ulong> shape) => shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
