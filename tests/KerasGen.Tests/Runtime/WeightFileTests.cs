using System;
using System.IO;
using KerasGen.Tests.Models;
using KerasGen.Weights;
using Xunit;

namespace KerasGen.Tests.Runtime;

/// <summary>The native weight file: round trip, and clear errors that leave the model unchanged on bad files.</summary>
public sealed class WeightFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-weights").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Round_trip_restores_every_weight()
    {
        string path = Path.Combine(_folder, "pima.kgw");
        var saved = new PimaModel(11);
        WeightFile.Save(saved, path);
        var loaded = new PimaModel(12);
        WeightFile.Load(loaded, path);
        Assert.Equal(saved.GetWeights(), loaded.GetWeights());
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("magic")]
    [InlineData("trailing")]
    [InlineData("other model")]
    public void Bad_files_throw_and_leave_the_model_unchanged(string damage)
    {
        string path = Path.Combine(_folder, "w.kgw");
        WeightFile.Save(new PimaModel(1), path);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(path, bytes[..^10]); break;
            case "magic": bytes[0] = (byte)'X'; File.WriteAllBytes(path, bytes); break;
            case "trailing": File.WriteAllBytes(path, [.. bytes, 1, 2, 3]); break;
            case "other model": WeightFile.Save(new FlattenExample(1), path); break;
        }
        var model = new PimaModel(2);
        var before = model.GetWeights();
        var error = Assert.Throws<InvalidDataException>(() => WeightFile.Load(model, path));
        Assert.Contains(path, error.Message);
        Assert.Equal(before, model.GetWeights());
    }
}
