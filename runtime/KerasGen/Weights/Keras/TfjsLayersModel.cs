using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace KerasGen.Weights.Keras;

/// <summary>
/// A TF.js layers model (KERAS_SPEC §7.8): <c>model.json</c> (the Keras topology and a weights manifest) beside its
/// <c>.bin</c> shards. The topology is checked against the model, then each weight is found by its name,
/// <c>&lt;file's layer name&gt;/kernel</c>. A manifest group's values are its shards concatenated, each weight's
/// bytes after the previous one's; float32, or dequantized from uint8, uint16 or float16.
/// </summary>
internal static class TfjsLayersModel
{
    /// <summary>model.json above this is refused unread: a real one holds topology and manifest, a few hundred KB.</summary>
    private const long MaxJsonBytes = 64 << 20;

    public static void Read(string path, IReadOnlyList<KerasObject> objects, LoadedWeights into)
    {
        if (new FileInfo(path).Length > MaxJsonBytes) throw new InvalidDataException($"{path} is larger than {MaxJsonBytes >> 20} MB: not a TF.js model.json.");
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("modelTopology", out var topology))
                throw new InvalidDataException($"{path} has no modelTopology: it is not a TF.js layers model.");
            var layers = KerasConfigCheck.Check(topology.TryGetProperty("model_config", out var inner) ? inner : topology, objects, path);
            List<Entry> manifest;
            // JsonElement's getters throw InvalidOperationException on a value of another kind ("name": 5).
            try { manifest = Manifest(root, path); }
            catch (InvalidOperationException e) { throw new InvalidDataException($"{path}: the weights manifest has a value of the wrong kind: {e.Message}", e); }
            foreach (var layer in objects)
            {
                string? name = KerasConfigCheck.Name(layers[layer.Index]);
                foreach (int slot in layer.Slots)
                {
                    string weight = $"{name}/{into.Slots[slot].Name}";
                    var entry = manifest.FirstOrDefault(e => e.Name == weight)
                        ?? throw new InvalidDataException($"{path}: the weights manifest has no '{weight}', which {layer.Describe} needs for weight '{into.Slots[slot].Name}' {into.Slots[slot].ShapeText}.");
                    into.CheckShape(slot, $"weightsManifest '{weight}'", entry.Shape, layer);
                    into.Set(slot, entry.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, path));
                }
            }
        }
    }

    /// <summary>One weight of the manifest: where its bytes are, how they are encoded.</summary>
    private sealed record Entry(string Name, ulong[] Shape, string Dtype, string[] Shards, long Offset, double Scale, double Min)
    {
        public long Count => Shape.Aggregate(1L, (a, d) => a * (long)d);

        public int BytesPerValue => Dtype switch { "uint8" => 1, "uint16" or "float16" => 2, _ => 4 };

        public float[] Read(string directory, string manifest)
        {
            var bytes = new byte[Count * BytesPerValue];
            int filled = 0;
            long skip = Offset;
            foreach (var shard in Shards)
            {
                var file = new FileInfo(Path.Combine(directory, shard));
                if (!file.Exists) throw new InvalidDataException($"{manifest}: the weights shard {shard} is missing ({file.FullName}).");
                if (skip >= file.Length) { skip -= file.Length; continue; } // shards before this weight's bytes stay unopened
                using var stream = file.OpenRead();
                stream.Seek(skip, SeekOrigin.Begin);
                skip = 0;
                filled += stream.ReadAtLeast(bytes.AsSpan(filled), bytes.Length - filled, throwOnEndOfStream: false);
                if (filled == bytes.Length) break;
            }
            if (filled != bytes.Length)
                throw new InvalidDataException($"{manifest}: the shards end before weight '{Name}' is complete ({filled} of {bytes.Length} bytes).");
            var values = new float[Count];
            for (int i = 0; i < values.Length; i++)
                values[i] = Dtype switch
                {
                    "uint8" => (float)(bytes[i] * Scale + Min),
                    "uint16" => (float)(BitConverter.ToUInt16(bytes, 2 * i) * Scale + Min),
                    "float16" => (float)BitConverter.ToHalf(bytes, 2 * i),
                    _ => BitConverter.ToSingle(bytes, 4 * i),
                };
            return values;
        }
    }

    private static List<Entry> Manifest(JsonElement root, string path)
    {
        if (!root.TryGetProperty("weightsManifest", out var groups) || groups.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path} has no weightsManifest.");
        var entries = new List<Entry>();
        foreach (var group in groups.EnumerateArray())
        {
            var shards = group.TryGetProperty("paths", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(s => s.GetString() ?? "").ToArray() : Array.Empty<string>();
            if (shards.Any(s => s.Length == 0 || Path.IsPathRooted(s) || s.Split('/', '\\').Contains("..")))
                throw new InvalidDataException($"{path}: a weights manifest path is empty, absolute or leaves the model's folder.");
            long offset = 0;
            if (!group.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Array) continue;
            foreach (var w in weights.EnumerateArray())
            {
                string name = w.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                var shape = w.TryGetProperty("shape", out var s) && s.ValueKind == JsonValueKind.Array
                    ? s.EnumerateArray().Select(d => d.TryGetUInt64(out ulong v) ? v : throw new InvalidDataException($"{path}: weight '{name}' has a shape entry {d.GetRawText()}.")).ToArray()
                    : throw new InvalidDataException($"{path}: weight '{name}' has no shape.");
                string dtype = w.TryGetProperty("dtype", out var t) ? t.GetString() ?? "float32" : "float32";
                double scale = 1, min = 0;
                if (w.TryGetProperty("quantization", out var q) && q.ValueKind == JsonValueKind.Object)
                {
                    dtype = q.TryGetProperty("dtype", out var qd) ? qd.GetString() ?? "" : "";
                    if (q.TryGetProperty("scale", out var qs)) scale = qs.GetDouble();
                    if (q.TryGetProperty("min", out var qm)) min = qm.GetDouble();
                }
                if (dtype is not ("float32" or "uint8" or "uint16" or "float16"))
                    throw new InvalidDataException($"{path}: weight '{name}' has dtype {dtype}; KerasGen reads float32 and uint8, uint16 or float16 quantization.");
                var entry = new Entry(name, shape, dtype, shards, offset, scale, min);
                if (shape.Aggregate(1.0, (a, d) => a * d) > int.MaxValue / 4)
                    throw new InvalidDataException($"{path}: weight '{name}' declares shape {LoadedWeights.Text(shape)}, too large to be a weight.");
                offset += entry.Count * entry.BytesPerValue;
                entries.Add(entry);
            }
        }
        return entries;
    }
}
