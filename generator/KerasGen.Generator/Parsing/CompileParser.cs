using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Catalog;
using KerasGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace KerasGen.Generator.Parsing;

/// <summary>Reads <c>[Compile]</c>: the loss, optimizer and metric ids (validated, made canonical) and the optimizer
/// hyperparameters given. Its diagnostics are located at attribute index <c>compileIndex</c> (after the layers).</summary>
internal static class CompileParser
{
    public static CompileSpec? Parse(AttributeData attribute, int compileIndex, List<ModelDiagnostic> diagnostics)
    {
        if (attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error)) return null;
        string? loss = ModelParser.Named(attribute, "Loss")?.Value as string;
        if (loss is null)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.MissingLoss,
                "No loss to compute. Provide a `Loss` argument in [Compile], e.g. Loss = \"mean_squared_error\"", compileIndex, null));
        else if (!TrainingCatalog.Losses.TryGetValue(loss, out var canonicalLoss))
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownLoss,
                $"Could not interpret loss identifier: {loss}" + ModelParser.Suggestion(loss, TrainingCatalog.Losses.Keys), compileIndex, "Loss",
                loss, NameSuggester.Closest(loss, TrainingCatalog.Losses.Keys)));
        else loss = canonicalLoss;

        string optimizer = ModelParser.Named(attribute, "Optimizer")?.Value as string ?? "rmsprop";
        if (TrainingCatalog.Optimizers.TryGetValue(optimizer, out var canonicalOptimizer)) optimizer = canonicalOptimizer;
        else
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownOptimizer,
                $"Could not interpret optimizer identifier: {optimizer}" + ModelParser.Suggestion(optimizer, TrainingCatalog.Optimizers.Keys), compileIndex, "Optimizer",
                optimizer, NameSuggester.Closest(optimizer, TrainingCatalog.Optimizers.Keys)));

        var metrics = new List<string>();
        if (ModelParser.Named(attribute, "Metrics") is { IsNull: false } metricArray)
            foreach (var value in metricArray.Values)
            {
                string metric = value.Value as string ?? "";
                if (TrainingCatalog.Metrics.Contains(metric)) metrics.Add(metric);
                else
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.UnknownMetric,
                        $"Unknown metric '{metric}'" + ModelParser.Suggestion(metric, TrainingCatalog.Metrics) + $" Known: {string.Join(", ", TrainingCatalog.Metrics)}", compileIndex, "Metrics",
                        metric, NameSuggester.Closest(metric, TrainingCatalog.Metrics)));
            }

        int maxBatch = ModelParser.Named(attribute, "MaxBatchSize")?.Value as int? ?? 32;
        if (maxBatch <= 0)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize, $"MaxBatchSize must be a positive integer. Received: {maxBatch}", compileIndex, "MaxBatchSize"));

        var clips = new[] { "ClipNorm", "ClipValue", "GlobalClipNorm" }.Where(c => !double.IsNaN(Number(c))).ToList();
        if (clips.Count > 1)
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidArgumentCombination,
                $"Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: {string.Join(", ", clips.Select(c => $"{c} = {Number(c).ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}", compileIndex, clips[1]));
        foreach (var clip in clips.Where(c => !(Number(c) > 0) || double.IsInfinity(Number(c))))
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidSize,
                $"{clip} must be a positive number. Received: {Number(clip).ToString(System.Globalization.CultureInfo.InvariantCulture)}", compileIndex, clip));

        string? schedule = null;
        if (ModelParser.Named(attribute, "LearningRateSchedule")?.Value is string scheduleText)
        {
            schedule = ScheduleCatalog.Resolve(scheduleText, out var error, out var unknown);
            if (unknown is not null)
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidIdentifier,
                    $"Could not interpret learning rate schedule identifier: {scheduleText}" + ModelParser.Suggestion(unknown, ScheduleCatalog.Names) +
                    $" Known: {string.Join(", ", ScheduleCatalog.Names)}", compileIndex, "LearningRateSchedule"));
            else if (schedule is null)
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidIdentifier,
                    $"Could not interpret learning rate schedule identifier '{scheduleText}': {error}", compileIndex, "LearningRateSchedule"));
            if (!double.IsNaN(Number("LearningRate")))
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.InvalidArgumentCombination,
                    "LearningRate and LearningRateSchedule are both given: Keras takes the schedule as `learning_rate` itself; give one of them", compileIndex, "LearningRate"));
        }

        return new CompileSpec(loss ?? "", Bool("FromLogits"), new EquatableArray<string>(metrics), optimizer,
            Number("LearningRate"), Number("Momentum"), Bool("Nesterov"), Number("Beta1"), Number("Beta2"), Number("Epsilon"),
            Number("Rho"), Bool("Amsgrad"), Bool("Centered"), Number("InitialAccumulatorValue"), Number("WeightDecay"),
            Number("ClipNorm"), Number("ClipValue"), Number("GlobalClipNorm"), maxBatch, compileIndex, schedule);

        double Number(string name) => ModelParser.Named(attribute, name)?.Value is double d ? d : double.NaN;
        bool Bool(string name) => ModelParser.Named(attribute, name)?.Value is true;
    }
}
