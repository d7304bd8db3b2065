using System;
using System.IO;
using KerasGen.Weights.Keras;

namespace KerasGen.Weights;

/// <summary>
/// Keras' <c>load_weights</c> and <c>save_weights</c> for every generated model: the format follows the file name —
/// Keras 3 <c>.weights.h5</c>, a <c>.keras</c> archive, a legacy Keras 1/2 <c>.h5</c>, a TF.js <c>model.json</c> —
/// and saving writes <c>.weights.h5</c>, which Keras 3 loads. Loading reads and checks every weight before it writes
/// any, so a file that fails leaves the model unchanged.
/// </summary>
public static class KerasWeights
{
    public static void Load(IModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (objects, slots) = KerasObject.Of(model);
        if (!File.Exists(path)) throw new FileNotFoundException($"No weights file at {path}.", path);
        LoadedWeights loaded;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            TfjsLayersModel.Read(path, objects, loaded = new LoadedWeights(path, slots));
        else
        {
            using var stream = File.OpenRead(path);
            if (path.EndsWith(".keras", StringComparison.OrdinalIgnoreCase))
                loaded = KerasArchive.Read(path, stream, model, objects, slots);
            else if (path.EndsWith(".weights.h5", StringComparison.OrdinalIgnoreCase))
                loaded = Hdf5.Read(path, stream, root => { var into = new LoadedWeights(path, slots); Keras3WeightsFile.Read(root, model, objects, into); return into; });
            else if (path.EndsWith(".h5", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".hdf5", StringComparison.OrdinalIgnoreCase))
                loaded = Hdf5.Read(path, stream, root => { var into = new LoadedWeights(path, slots); LegacyH5File.Read(root, objects, into); return into; });
            else throw Unsupported(path);
        }
        loaded.ApplyTo(model);
    }

    /// <summary>Writes the model's weights as Keras 3 <c>save_weights</c> does, to a temporary file renamed over
    /// <paramref name="path"/>, so a failure never leaves a half-written file. With
    /// <paramref name="includeOptimizer"/> (a model with <c>[Compile]</c>), the optimizer's state goes in too, as
    /// Keras saves it once the optimizer is built, and LoadWeights restores it.</summary>
    public static void Save(IModel model, string path, bool includeOptimizer = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".weights.h5", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The filename must end in `.weights.h5`. Received: filepath={path}", nameof(path));
        var (objects, slots) = KerasObject.Of(model);
        var trainable = model as KerasGen.Training.IDifferentiableModel;
        if (includeOptimizer && trainable is null)
            throw new ArgumentException("Only a model with [Compile] has an optimizer whose state can be saved.", nameof(includeOptimizer));
        var optimizer = includeOptimizer ? OptimizerVariables.Build(trainable!, slots) : null;
        var file = Keras3WeightsFile.Build(objects, slots, model.GetWeights(), optimizer);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            file.Write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static InvalidDataException Unsupported(string path) => new(
        $"File format not supported: filepath={path}. KerasGen loads Keras 3 `.weights.h5` and `.keras` files, legacy Keras 1/2 `.h5` files and TF.js `model.json` files.");
}
