using System;
using System.IO;
using System.Linq;
using PureHDF;

namespace KerasGen.Weights.Keras;

/// <summary>A stored weight as the model's shape and layout: the shape it stands for and how to rearrange it.</summary>
internal sealed record StoredKernel(ulong[] Shape, Func<float[], float[]> Convert);

/// <summary>What the HDF5 readers share: opening a file as HDF5, reading float32 datasets and string attributes with
/// errors that name the file and the path, and turning PureHDF's exceptions on damaged files into
/// <see cref="InvalidDataException"/>.</summary>
internal static class Hdf5
{
    /// <summary>Runs <paramref name="read"/> on the file, so that whatever a truncated or corrupt file makes PureHDF
    /// throw reaches the caller as an <see cref="InvalidDataException"/> naming the file.</summary>
    public static T Read<T>(string file, Stream stream, Func<IH5Group, T> read)
    {
        try
        {
            using var h5 = H5File.Open(stream, leaveOpen: true);
            return read(h5);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new InvalidDataException($"{file} is not a readable HDF5 file ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    /// <summary>The float32 dataset at <paramref name="path"/>, after checking it holds slot <paramref name="slot"/>'s
    /// shape; <paramref name="convert"/> turns what the file stores (e.g. Keras 1's 4-D Conv1D kernel) into the
    /// model's layout.</summary>
    public static float[] Weight(IH5Group parent, string name, string path, int slot, KerasObject layer, LoadedWeights into, Func<ulong[], StoredKernel>? convert = null)
    {
        CheckDepth(name, into.File);
        if (!parent.LinkExists(name))
            throw new InvalidDataException($"{into.File}: {path} is missing; {layer.Describe} needs it for weight '{into.Slots[slot].Name}' {into.Slots[slot].ShapeText}.");
        if (parent.Get(name) is not IH5Dataset dataset)
            throw new InvalidDataException($"{into.File}: {path} is not a dataset.");
        var type = dataset.Type;
        if (type.Class != H5DataTypeClass.FloatingPoint || type.Size != 4)
            throw new InvalidDataException($"{into.File}: {path} holds {type.Class} values of {type.Size} bytes; {layer.Describe} weight '{into.Slots[slot].Name}' needs float32.");
        var stored = dataset.Space.Dimensions;
        var kernel = convert?.Invoke(stored);
        into.CheckShape(slot, path, kernel?.Shape ?? stored, layer);
        var values = dataset.Read<float[]>();
        return kernel is null ? values : kernel.Convert(values);
    }

    /// <summary>Keras' names are a few groups deep (<c>lstm/lstm_cell/kernel:0</c>); a name nested deeper is refused
    /// unread, so a hostile file cannot make the path lookup recurse without bound.</summary>
    public static void CheckDepth(string name, string file)
    {
        const int MaxDepth = 16;
        if (name.Count(c => c == '/') >= MaxDepth)
            throw new InvalidDataException($"{file}: the name '{name[..Math.Min(name.Length, 60)]}…' is nested more than {MaxDepth} groups deep; Keras names are a few groups deep.");
    }

    /// <summary>A string array attribute (h5py writes fixed-length or variable-length strings; an empty list is a
    /// float64 array of shape (0,)), joined from Keras' split parts <c>name0</c>, <c>name1</c>… when it was too long
    /// for one attribute.</summary>
    public static string[]? Strings(IH5Object owner, string name, string file)
    {
        if (owner.AttributeExists(name)) return StringsOf(owner.Attribute(name), file, name);
        if (!owner.AttributeExists(name + "0")) return null;
        var parts = Enumerable.Range(0, int.MaxValue).TakeWhile(i => owner.AttributeExists(name + i))
            .SelectMany(i => StringsOf(owner.Attribute(name + i), file, name + i));
        return parts.ToArray();
    }

    public static string? String(IH5Object owner, string name, string file) =>
        owner.AttributeExists(name) ? StringsOf(owner.Attribute(name), file, name).FirstOrDefault() : null;

    private static string[] StringsOf(IH5Attribute attribute, string file, string name)
    {
        if (attribute.Space.Dimensions.Aggregate(1UL, (a, d) => a * d) == 0) return Array.Empty<string>();
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            throw new InvalidDataException($"{file}: attribute '{name}' holds {attribute.Type.Class} values, not strings.");
        return attribute.Space.Rank == 0 ? new[] { attribute.Read<string>() } : attribute.Read<string[]>();
    }
}
