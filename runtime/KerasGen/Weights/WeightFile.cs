using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace KerasGen.Weights;

/// <summary>
/// KerasGen's native weight file: "KGW1", the weight count, then per weight its Keras path ("dense/kernel"), shape and
/// float32 values (little-endian), in get_weights order. Saving writes a temporary file and renames it over the
/// target, so a crash never leaves a half-written file; loading checks everything before touching the model.
/// </summary>
public static class WeightFile
{
    private static readonly byte[] Magic = "KGW1"u8.ToArray();

    public static void Save(IModel model, string path)
    {
        var slots = Layout(model).WeightSlots;
        var weights = model.GetWeights();
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(slots.Count);
                for (int s = 0; s < slots.Count; s++)
                {
                    writer.Write($"{slots[s].Layer}/{slots[s].Name}");
                    writer.Write(slots[s].Shape.Length);
                    foreach (int d in slots[s].Shape) writer.Write(d);
                    foreach (float v in weights[s]) writer.Write(v);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Loads weights saved for a model of the same architecture; a missing, truncated, corrupt or mismatched
    /// file throws <see cref="InvalidDataException"/> saying what and where, and leaves the model unchanged.</summary>
    public static void Load(IModel model, string path)
    {
        var slots = Layout(model).WeightSlots;
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var magic = reader.ReadBytes(4);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path} is not a KerasGen weight file (it does not start with KGW1).");
            int count = reader.ReadInt32();
            if (count != slots.Count)
                throw new InvalidDataException($"{path} holds {count} weights; the model has {slots.Count}.");
            var weights = new List<float[]>(count);
            for (int s = 0; s < count; s++)
            {
                string name = reader.ReadString(), expected = $"{slots[s].Layer}/{slots[s].Name}";
                int rank = reader.ReadInt32();
                if (rank is < 0 or > 8) throw new InvalidDataException($"{path}: weight {s} ({name}) has an invalid rank {rank}.");
                var shape = new int[rank];
                for (int d = 0; d < rank; d++) shape[d] = reader.ReadInt32();
                if (!shape.AsSpan().SequenceEqual(slots[s].Shape))
                    throw new InvalidDataException($"{path}: weight {s} ({name}) has shape ({string.Join(", ", shape)}); the model's {expected} has shape {slots[s].ShapeText}.");
                var values = new float[slots[s].Count];
                for (int i = 0; i < values.Length; i++) values[i] = reader.ReadSingle();
                weights.Add(values);
            }
            if (stream.Position != stream.Length) throw new InvalidDataException($"{path} has {stream.Length - stream.Position} unexpected bytes after the last weight.");
            model.SetWeights(weights);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is truncated: it ends at byte {stream.Position} before the weights are complete.");
        }
    }

    private static IWeightLayout Layout(IModel model) =>
        model as IWeightLayout ?? throw new ArgumentException("Weight files need a KerasGen-generated model.", nameof(model));
}
