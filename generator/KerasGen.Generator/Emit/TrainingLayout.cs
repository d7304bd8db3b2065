using System.Collections.Generic;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The training memory of a model, for up to MaxBatchSize samples, as offsets into one aligned buffer: the batch
/// input, each layer's pre-activation and output (aliased where a layer computes nothing or has no activation),
/// dropout masks, the layers' scratch, two ping-pong gradient buffers and the padded output gradient the weighted
/// kernels read.
/// </summary>
internal sealed class TrainingLayout
{
    /// <param name="ownPaddedGradients">Each weighted layer keeps its padded output gradient in a buffer of its own
    /// (<see cref="RowSplitGradients"/>), instead of sharing one.</param>
    public TrainingLayout(ModelPlan plan, int maxBatch, bool ownPaddedGradients)
    {
        MaxBatch = maxBatch;
        int batch = maxBatch, offset = 0;
        int Alloc(int floats)
        {
            int start = offset;
            offset += ModelLayout.RoundUp(floats);
            return start;
        }

        int current = Alloc(batch * plan.InputSize);
        Input = current;
        int largest = plan.InputSize, paddedGradient = 0, scratch = 0;
        foreach (var layer in plan.Layers)
        {
            var memory = layer.Spec.Memory(layer);
            var buffers = new LayerBuffers { Input = current, PreActivation = current, Output = current, Mask = -1, ActivityPenalty = -1, PaddedGradient = -1 };
            int span = System.Math.Max(memory.OutputSpan, layer.OutputSize);
            if (layer.Params > 0)
            {
                buffers.PreActivation = Alloc(batch * span);
                buffers.Output = layer.Spec.Activation == "linear" ? buffers.PreActivation : Alloc(batch * layer.OutputSize);
            }
            else if (memory.Computes || memory.Mask) buffers.Output = Alloc(batch * span);
            if (memory.Mask) buffers.Mask = Alloc(batch * layer.OutputSize);
            if (layer.Spec.Regularization.Activity is not null) buffers.ActivityPenalty = Alloc(1);
            if (ownPaddedGradients && layer.Params > 0) buffers.PaddedGradient = Alloc(batch * memory.PaddedGradient);
            largest = System.Math.Max(largest, System.Math.Max(layer.InputSize, System.Math.Max(layer.OutputSize, memory.OutputSpan)));
            paddedGradient = System.Math.Max(paddedGradient, memory.PaddedGradient);
            scratch = System.Math.Max(scratch, memory.ScratchPerSample);
            Layers.Add(buffers);
            current = buffers.Output;
        }
        Output = current;
        Gradient0 = Alloc(batch * largest);
        Gradient1 = Alloc(batch * largest);
        PaddedGradient = Alloc(batch * paddedGradient);
        Scratch = Alloc(batch * scratch);
        Size = offset;
    }

    /// <summary>Where a layer reads and writes. A layer with weights computes its pre-activation, then its output
    /// (the same buffer when the activation is linear); a layer without weights reads its input as the
    /// "pre-activation" (an Activation layer's z), and writes its output.</summary>
    /// <summary>A name per buffer (in allocation order; an aliased buffer keeps its first name), so the training
    /// passes read <c>layer1Dense1Output</c> rather than an offset into <c>t</c>.</summary>
    public List<(string Name, int Offset)> Names(ModelPlan plan)
    {
        var names = new List<(string, int)>();
        void Name(string name, int offset)
        {
            if (offset >= 0 && !names.Exists(n => n.Item2 == offset)) names.Add((name, offset));
        }
        Name("input", Input);
        for (int l = 0; l < Layers.Count; l++)
        {
            string id = char.ToLowerInvariant(plan.Layers[l].Identifier[0]) + plan.Layers[l].Identifier.Substring(1);
            Name(id + "Z", Layers[l].PreActivation);
            Name(id + "Output", Layers[l].Output);
            Name(id + "Mask", Layers[l].Mask);
            Name(id + "ActivityPenalty", Layers[l].ActivityPenalty);
            Name(id + "PaddedGradient", Layers[l].PaddedGradient);
        }
        Name("gradient", Gradient0);
        Name("spareGradient", Gradient1);
        Name("paddedGradient", PaddedGradient);
        Name("scratch", Scratch);
        return names;
    }

    public sealed class LayerBuffers
    {
        /// <summary>ActivityPenalty: one float, the activity regularizer's penalty of the last forward pass (−1: none).
        /// PaddedGradient: the layer's own padded output gradient, kept for a row split's weight pass (−1: none).</summary>
        public int Input, PreActivation, Output, Mask, ActivityPenalty, PaddedGradient;
    }

    public int MaxBatch { get; }
    public int Input { get; }
    public int Output { get; }
    public int Gradient0 { get; }
    public int Gradient1 { get; }
    public int PaddedGradient { get; }
    public int Scratch { get; }
    public int Size { get; }
    public List<LayerBuffers> Layers { get; } = new();
}
