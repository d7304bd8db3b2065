using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace KerasGen.Tests.Support;

/// <summary>Reference values written by tests/reference/make_fixtures.js (TF.js 4.22.0, Keras 3 semantics).</summary>
internal static class Fixture
{
    public static JsonElement Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name))).RootElement;

    public static float[] Floats(this JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();

    public static int[] Ints(this JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static JsonElement Case(JsonElement root, string collection, string name) =>
        root.GetProperty(collection).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
