using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasGen.Tests.Models;
using KerasGen.Tests.Support;
using PureHDF;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>
/// LoadWeights on every format Keras has written — the fixtures of tests/reference/make_weight_fixtures.js (TF.js)
/// and make_keras_files.py (Keras 3 .weights.h5 and .keras, tf.keras 2 .h5, Keras 1 .h5) — giving TF.js's
/// predictions; SaveWeights round trips; and every bad file failing with a message that says what and where, leaving
/// the model unchanged.
/// </summary>
public sealed class KerasWeightFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-weights").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string FixturePath(string model, string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "weights", model, file);

    private static IModel Create(string model, int seed) => model switch
    {
        "mlp" => new WeightsMlp(seed),
        "conv1d" => new WeightsConv1D(seed),
        "conv1d as Convolution1D" => new WeightsConvolution1D(seed),
        "conv2d" => new WeightsConv2D(seed),
        "conv2d_channels_first" => new WeightsConv2DChannelsFirst(seed),
        "mixed2d" => new WeightsMixed2D(seed),
        "mixed1d" => new WeightsMixed1D(seed),
        _ => throw new ArgumentException(model),
    };

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in new[] { "mlp", "conv1d", "conv1d as Convolution1D", "conv2d", "conv2d_channels_first", "mixed2d", "mixed1d" })
            foreach (var file in new[] { "model.json", "model.weights.h5", "model.keras", "legacy_tf2.h5", "legacy_tf2_model.h5", "keras1.h5" })
                data.Add(model, file);
        data.Add("conv1d", "keras11.h5");
        data.Add("conv1d as Convolution1D", "keras11.h5");
        data.Add("conv2d", "legacy_theano.h5");
        data.Add("mlp", "legacy_split.h5");
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_format_loads_and_predicts_as_the_framework_that_wrote_it(string model, string file)
    {
        string folder = model.Split(' ')[0];
        var expected = Fixture.Load(Path.Combine("weights", folder, "predictions.json"));
        var x = expected.GetProperty("x").Floats();
        var y = expected.GetProperty("y").Floats();
        var net = Create(model, 1);
        net.LoadWeights(FixturePath(folder, file));
        var actual = new float[y.Length];
        net.Predict(x, actual);
        Tolerance.AssertKeras(y, actual, $"{model} from {file}");
    }

    /// <summary>Every generated model of this assembly with a seed constructor: every layer kind the generator has.</summary>
    public static TheoryData<string> AllModels()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(WeightsMlp).Assembly.GetTypes().Where(t => typeof(IModel).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(new[] { typeof(int) }) is not null).OrderBy(t => t.FullName))
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void SaveWeights_then_LoadWeights_restores_every_weight(string typeName)
    {
        var type = typeof(WeightsMlp).Assembly.GetType(typeName)!;
        var saved = (IModel)Activator.CreateInstance(type, 11)!;
        var loaded = (IModel)Activator.CreateInstance(type, 12)!;
        string path = Path.Combine(_folder, "m.weights.h5");
        saved.SaveWeights(path);
        loaded.LoadWeights(path);
        Assert.Equal(saved.GetWeights(), loaded.GetWeights());
    }

    [Fact]
    public void SaveWeights_writes_Keras_3_object_paths_named_by_class_not_by_layer_name()
    {
        var model = new PimaModel(3);
        string path = Path.Combine(_folder, "pima.weights.h5");
        model.SaveWeights(path);
        using var file = H5File.OpenRead(path);
        var weights = model.GetWeights();
        foreach (var (name, kernel) in new[] { ("dense", 0), ("dense_1", 2), ("dense_2", 4) })
        {
            var vars = file.Group($"layers/{name}/vars");
            Assert.Equal(weights[kernel], vars.Dataset("0").Read<float[]>());
            Assert.Equal(weights[kernel + 1], vars.Dataset("1").Read<float[]>());
        }
        Assert.Equal(new ulong[] { 8, 12 }, file.Dataset("layers/dense/vars/0").Space.Dimensions);
        Assert.Equal(new ulong[] { 12 }, file.Dataset("layers/dense/vars/1").Space.Dimensions);
        Assert.Single(Directory.GetFiles(_folder)); // the temporary file is gone
    }

    [Fact]
    public void SaveWeights_names_the_Keras_suffix_it_needs()
    {
        var error = Assert.Throws<ArgumentException>(() => new PimaModel(1).SaveWeights(Path.Combine(_folder, "x.h5")));
        Assert.Contains("The filename must end in `.weights.h5`", error.Message);
    }

    /// <summary>A file that fails to load: its path, what the message must say.</summary>
    public static TheoryData<string, string[]> BadFiles() => new()
    {
        { "missing layer", new[] { "layers/conv1d/vars", "expected 2 variables, but received 0" } },
        { "wrong shape", new[] { "layers/conv1d_1/vars/0", "(2, 4, 3)", "(5, 4, 3)" } },
        { "wrong dtype", new[] { "layers/conv1d/vars/0", "float32" } },
        { "truncated h5", new[] { "not a readable HDF5 file" } },
        { "garbage h5", new[] { "not a readable HDF5 file" } },
        { "keras config", new[] { "config.json", "layer 3 (conv1d_1)", "the file has kernel_size 2, the model declares 5" } },
        { "keras not zip", new[] { "not a zip archive" } },
        { "keras zip bomb", new[] { "model.weights.h5", "more than this model's file can hold" } },
        { "legacy layer count", new[] { "Layer count mismatch", "Model expected 3 layers, found 2 saved layers" } },
        { "legacy missing dataset", new[] { "dense_1/dense_1_W", "is missing" } },
        { "tfjs config", new[] { "model.json", "the file has kernel_size 2, the model declares 5" } },
        { "tfjs short shard", new[] { "model.json", "shards end before weight" } },
        { "tfjs huge shape", new[] { "model.json", "too large to be a weight" } },
        { "tfjs bad json", new[] { "not valid JSON" } },
        { "tfjs wrong kind", new[] { "model.json", "the weights manifest has a value of the wrong kind" } },
        { "unknown suffix", new[] { "File format not supported" } },
        { "hostile huge dataset", new[] { "layers/conv1d/vars/0", "(1048576, 1048576, 4)", "(3, 2, 4)" } },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_throw_saying_what_and_where_and_leave_the_model_unchanged(string damage, string[] message)
    {
        // The model the file is loaded into: conv1d's, or (where the damage is a mismatch) conv1d with another kernel size.
        IModel model = damage is "wrong shape" or "keras config" or "keras zip bomb" or "tfjs config" ? new WeightsConv1DOtherKernel(5) : new WeightsConv1D(5);
        string path = damage switch
        {
            "missing layer" => FixturePath("mlp", "model.weights.h5"),
            "wrong shape" => FixturePath("conv1d", "model.weights.h5"),
            "wrong dtype" => Float64Kernel(),
            "truncated h5" => Damaged("model.weights.h5", bytes => bytes[..(bytes.Length / 2)]),
            "garbage h5" => Damaged("model.weights.h5", bytes => bytes.Select((b, i) => i < 8 ? b : (byte)(b ^ 0x5A)).ToArray()),
            "keras config" => FixturePath("conv1d", "model.keras"),
            "keras not zip" => Damaged("model.keras", bytes => bytes[100..]),
            "keras zip bomb" => ZipBomb(),
            "legacy layer count" => LegacyWithoutSecondConvolution(),
            "legacy missing dataset" => Keras1WithoutDense(),
            "tfjs config" => FixturePath("conv1d", "model.json"),
            "tfjs short shard" => TfjsCopy(shards: bytes => bytes[..^4]),
            "tfjs huge shape" => TfjsCopy(json: json => json.Replace("\"shape\":[3,2,4]", "\"shape\":[3000000,2000,4000]")),
            "tfjs bad json" => TfjsCopy(json: json => json[..^20]),
            "tfjs wrong kind" => TfjsCopy(json: json => json.Replace("\"dtype\":\"float32\"}", "\"dtype\":32}")),
            "unknown suffix" => Damaged("model.weights.h5", bytes => bytes, "weights.bin5"),
            "hostile huge dataset" => Hostile("huge.weights.h5"),
            _ => throw new ArgumentException(damage),
        };
        var before = model.GetWeights();
        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(path));
        Assert.Contains(Path.GetFileName(path), error.Message);
        foreach (var part in message) Assert.Contains(part, error.Message);
        Assert.Equal(before, model.GetWeights());
    }

    [Fact]
    public void A_missing_file_is_FileNotFoundException()
    {
        var model = new PimaModel(1);
        var before = model.GetWeights();
        var error = Assert.Throws<FileNotFoundException>(() => model.LoadWeights(Path.Combine(_folder, "none.weights.h5")));
        Assert.Contains("none.weights.h5", error.Message);
        Assert.Equal(before, model.GetWeights());
    }

    private static string Hostile(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile", name);

    /// <summary>Hostile legacy files (make_keras_files.py): a group that is a hard link to itself, and a name nested
    /// 200 groups deep; both fail at once, the model unchanged.</summary>
    [Fact]
    public void A_group_linking_to_itself_is_followed_no_further_than_the_names_say()
    {
        var model = new HostileConv(1);
        var before = model.GetWeights();
        var error = Assert.Throws<InvalidDataException>(() => model.LoadWeights(Hostile("cycle.h5")));
        Assert.Contains("conv/loop/loop/loop/loop/kernel:0 is missing", error.Message);
        Assert.Equal(before, model.GetWeights());
        var deep = Assert.Throws<InvalidDataException>(() => model.LoadWeights(Hostile("deep.h5")));
        Assert.Contains("nested more than 16 groups deep", deep.Message);
    }

    /// <summary>conv1d's Keras 3 file with its first kernel stored as float64.</summary>
    private string Float64Kernel()
    {
        var weights = new WeightsConv1D(1).GetWeights();
        var file = new H5File
        {
            ["layers"] = new H5Group
            {
                ["conv1d"] = new H5Group { ["vars"] = new H5Group { ["0"] = new H5Dataset(weights[0].Select(v => (double)v).ToArray(), fileDims: new ulong[] { 3, 2, 4 }), ["1"] = new H5Dataset(weights[1], fileDims: new ulong[] { 4 }) } },
            },
        };
        string path = Path.Combine(_folder, "f64.weights.h5");
        file.Write(path);
        return path;
    }

    private string Damaged(string fixture, Func<byte[], byte[]> damage, string? name = null)
    {
        string path = Path.Combine(_folder, name ?? "damaged-" + fixture);
        File.WriteAllBytes(path, damage(File.ReadAllBytes(FixturePath("conv1d", fixture))));
        return path;
    }

    /// <summary>A .keras archive whose weights entry inflates to 256 MB of zeros (a few hundred KB compressed).</summary>
    private string ZipBomb()
    {
        string path = Path.Combine(_folder, "bomb.keras");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var config = zip.CreateEntry("config.json").Open())
            using (var source = new ZipArchive(File.OpenRead(FixturePath("conv1d", "model.keras"))))
            using (var other = source.GetEntry("config.json")!.Open())
            {
                // The declared model is conv1d with kernel 5; let the config pass so the weights entry is reached.
                var text = new StreamReader(other).ReadToEnd().Replace("\"kernel_size\": [2]", "\"kernel_size\": [5]");
                using var writer = new StreamWriter(config);
                writer.Write(text);
            }
            using var weights = zip.CreateEntry("model.weights.h5", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) weights.Write(zeros);
        }
        return path;
    }

    /// <summary>The tf.keras 2 file with its second convolution left out of layer_names.</summary>
    private string LegacyWithoutSecondConvolution() => LegacyCopy("legacy_tf2.h5", "fewer.h5",
        names => names.Where(n => n != names.Where(m => m.Contains("Conv1D")).ElementAt(1)).ToArray(), keepDataset: _ => true);

    /// <summary>The Keras 1 file with weight_names pointing at a dataset it lacks.</summary>
    private string Keras1WithoutDense() => LegacyCopy("keras1.h5", "keras1-missing.h5", names => names, keepDataset: weight => weight != "dense_1_W");

    /// <summary>conv1d's legacy <paramref name="fixture"/> rebuilt (PureHDF writes new files only) with the layers
    /// <paramref name="layers"/> keeps and the datasets <paramref name="keepDataset"/> keeps; weight names with a '/'
    /// become nested groups, as h5py writes them.</summary>
    private string LegacyCopy(string fixture, string name, Func<string[], string[]> layers, Func<string, bool> keepDataset)
    {
        string path = Path.Combine(_folder, name);
        using var source = H5File.OpenRead(FixturePath("conv1d", fixture));
        var names = layers(source.Attribute("layer_names").Read<string[]>());
        var attributes = new Dictionary<string, object> { ["layer_names"] = names };
        if (source.AttributeExists("keras_version")) attributes["keras_version"] = source.Attribute("keras_version").Read<string>();
        var root = new H5File { Attributes = attributes };
        foreach (var layer in names)
        {
            var group = source.Group(layer);
            var weightNames = group.Attribute("weight_names").Type.Class == H5DataTypeClass.FloatingPoint ? Array.Empty<string>() : group.Attribute("weight_names").Read<string[]>();
            var copy = new H5Group { Attributes = new Dictionary<string, object> { ["weight_names"] = weightNames.Length == 0 ? new double[0] : weightNames } };
            foreach (var weight in weightNames.Where(keepDataset))
            {
                var dataset = group.Dataset(weight);
                var parts = weight.Split('/');
                var parent = copy;
                foreach (var part in parts[..^1])
                {
                    if (!parent.ContainsKey(part)) parent[part] = new H5Group();
                    parent = (H5Group)parent[part];
                }
                parent[parts[^1]] = new H5Dataset(dataset.Read<float[]>(), fileDims: dataset.Space.Dimensions);
            }
            root[layer] = copy;
        }
        root.Write(path);
        return path;
    }

    /// <summary>A copy of conv1d's TF.js model with its JSON or shards changed.</summary>
    private string TfjsCopy(Func<string, string>? json = null, Func<byte[], byte[]>? shards = null)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, "tfjs")).FullName;
        string text = File.ReadAllText(FixturePath("conv1d", "model.json"));
        File.WriteAllText(Path.Combine(folder, "model.json"), json is null ? text : json(text));
        foreach (var shard in new[] { "weights.bin", "weights2.bin" })
        {
            var bytes = File.ReadAllBytes(FixturePath("conv1d", shard));
            File.WriteAllBytes(Path.Combine(folder, shard), shards is null ? bytes : shards(bytes));
        }
        return Path.Combine(folder, "model.json");
    }
}
