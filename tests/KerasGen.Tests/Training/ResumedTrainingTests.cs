using System;
using System.IO;
using System.Linq;
using KerasGen.Tests.Models;
using KerasGen.Training;
using KerasGen.Weights;
using Xunit;

namespace KerasGen.Tests.Training;

/// <summary>The optimizer's state in a .weights.h5 (optimizer/vars, in Keras' order): a model loaded from it resumes
/// training bit for bit where the saved one stopped, for every optimizer.</summary>
public sealed class ResumedTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kerasgen-resume").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ITrainableModel Create(string name, int seed) => name switch
    {
        "sgd" => new ResumeSgd(seed),
        "sgd momentum" => new ResumeSgdMomentum(seed),
        "adam" => new ResumeAdam(seed),
        "adam amsgrad" => new ResumeAdamAmsgrad(seed),
        "rmsprop centered momentum" => new ResumeRmsPropCentered(seed),
        "adagrad" => new ResumeAdagrad(seed),
        "adadelta" => new ResumeAdadelta(seed),
        "adamax" => new ResumeAdamax(seed),
        "nadam" => new ResumeNadam(seed),
        _ => throw new ArgumentException(name),
    };

    private static readonly float[] X = Enumerable.Range(0, 8 * 10).Select(i => MathF.Sin(i * 0.7f)).ToArray();
    private static readonly float[] Y = Enumerable.Range(0, 8 * 2).Select(i => MathF.Cos(i * 0.3f)).ToArray();

    private static void Train(ITrainableModel model, int steps)
    {
        for (int i = 0; i < steps; i++) model.TrainOnBatch(X, Y);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("sgd momentum")]
    [InlineData("adam")]
    [InlineData("adam amsgrad")]
    [InlineData("rmsprop centered momentum")]
    [InlineData("adagrad")]
    [InlineData("adadelta")]
    [InlineData("adamax")]
    [InlineData("nadam")]
    public void A_model_loaded_with_the_optimizer_state_resumes_training_exactly(string optimizer)
    {
        var original = Create(optimizer, 3);
        Train(original, 3);
        string path = Path.Combine(_folder, "resume.weights.h5");
        KerasWeights.Save(original, path, includeOptimizer: true);

        var resumed = Create(optimizer, 99);
        resumed.LoadWeights(path);
        Assert.Equal(original.GetWeights(), resumed.GetWeights());
        Assert.Equal(3, ((IDifferentiableModel)resumed).Optimizer.Iterations);
        Train(original, 4);
        Train(resumed, 4);
        Assert.Equal(original.GetWeights(), resumed.GetWeights());

        // Without the state, a stateful optimizer (or Adam's bias correction, which counts iterations) diverges.
        if (optimizer == "sgd") return;
        var fresh = Create(optimizer, 99);
        string weightsOnly = Path.Combine(_folder, "weights-only.weights.h5");
        var again = Create(optimizer, 3);
        Train(again, 3);
        again.SaveWeights(weightsOnly);
        fresh.LoadWeights(weightsOnly);
        Train(fresh, 4);
        Assert.NotEqual(original.GetWeights(), fresh.GetWeights());
    }

    [Fact]
    public void An_optimizer_state_of_another_optimizer_is_refused_and_nothing_changes()
    {
        var adam = Create("adam", 3);
        Train(adam, 2);
        string path = Path.Combine(_folder, "adam.weights.h5");
        KerasWeights.Save(adam, path, includeOptimizer: true);
        var sgd = Create("sgd momentum", 5);
        Train(sgd, 1);
        var before = sgd.GetWeights();
        var error = Assert.Throws<InvalidDataException>(() => sgd.LoadWeights(path));
        Assert.Contains("optimizer/vars holds 10 variables", error.Message);
        Assert.Contains("Sgd has 6", error.Message);
        Assert.Equal(before, sgd.GetWeights());
        Assert.Equal(1, ((IDifferentiableModel)sgd).Optimizer.Iterations);
    }

    [Fact]
    public void Before_the_first_step_there_is_no_optimizer_state_to_save_as_in_Keras()
    {
        string path = Path.Combine(_folder, "unbuilt.weights.h5");
        KerasWeights.Save(Create("adam", 1), path, includeOptimizer: true);
        using var file = PureHDF.H5File.OpenRead(path);
        Assert.False(file.LinkExists("optimizer"));
    }
}
