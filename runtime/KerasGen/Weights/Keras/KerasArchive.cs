using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;

namespace KerasGen.Weights.Keras;

/// <summary>
/// A Keras 3 <c>.keras</c> archive: a zip of <c>config.json</c> (the model's config), <c>metadata.json</c> and
/// <c>model.weights.h5</c>. The config is checked against the declared model before the weights are read.
/// </summary>
internal static class KerasArchive
{
    public static LoadedWeights Read(string path, Stream stream, IModel model, IReadOnlyList<KerasObject> objects, IReadOnlyList<WeightSlot> slots)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            _ = zip.Entries; // the central directory is read here, so a damaged one fails here
        }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path} is not a zip archive, so not a .keras file: {e.Message}", e); }
        using (zip)
        {
            var config = Entry(zip, path, "config.json");
            long configLimit = 64 << 20;
            using (var document = Json(config, path, configLimit))
                KerasConfigCheck.Check(document.RootElement, objects, $"{path} (config.json)");

            // The weights file's size is bounded by what the model's weights can take, so a zip bomb is refused.
            long weightBytes = 4L * WeightTable.CountParams(slots);
            using var h5 = Copy(Entry(zip, path, "model.weights.h5"), path, weightBytes + (16 << 20));
            var into = new LoadedWeights($"{path} (model.weights.h5)", slots);
            return Hdf5.Read(into.File, h5, root =>
            {
                Keras3WeightsFile.Read(root, model, objects, into);
                return into;
            });
        }
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string path, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{path} has no {name}: it is not a Keras 3 .keras archive.");

    private static JsonDocument Json(ZipArchiveEntry entry, string path, long limit)
    {
        using var copy = Copy(entry, path, limit);
        try { return JsonDocument.Parse(copy); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: {entry.FullName} is not valid JSON: {e.Message}", e); }
    }

    /// <summary>The entry's bytes, refusing (after at most <paramref name="limit"/> bytes) an entry larger than that.</summary>
    private static MemoryStream Copy(ZipArchiveEntry entry, string path, long limit)
    {
        if (entry.Length > limit) throw new InvalidDataException($"{path}: {entry.FullName} declares {entry.Length} bytes, more than this model's file can hold ({limit}).");
        var copy = new MemoryStream();
        using var source = entry.Open();
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            if (copy.Length + read > limit) throw new InvalidDataException($"{path}: {entry.FullName} is larger than this model's file can hold ({limit} bytes).");
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        return copy;
    }
}
