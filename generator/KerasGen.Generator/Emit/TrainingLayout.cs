using System.Collections.Generic;
using System.Linq;
using KerasGen.Generator.Model;
using KerasGen.Generator.Shapes;

namespace KerasGen.Generator.Emit;

/// <summary>
/// The training memory of a model, for up to MaxBatchSize samples, as offsets into one aligned buffer: the batch
/// input, each layer's pre-activation and output (aliased where a layer computes nothing), dropout masks, two
/// ping-pong gradient buffers and the padded output gradient the Dense kernels read.
/// </summary>
internal sealed class TrainingLayout
{
    public TrainingLayout(ModelPlan plan, int maxBatch)
    {
        MaxBatch = maxBatch;
        int batch = maxBatch, offset = 0;
        int Alloc(int floats)
        {
            int start = offset;
            offset += ModelLayout.RoundUp(floats);
            return start;
        }

        int current = Alloc(batch * ShapeMath.Product(plan.InputShape));
        Input = current;
        int largest = ShapeMath.Product(plan.InputShape), paddedGradient = 0;
        foreach (var layer in plan.Layers)
        {
            var buffers = new LayerBuffers { Input = current, PreActivation = current, Output = current, Mask = -1 };
            bool linear = layer.Spec.Activation == "linear";
            switch (layer.Spec.Kind)
            {
                case LayerKind.Dense:
                    int rows = DenseRows(layer), units = layer.Spec.Units;
                    buffers.PreActivation = Alloc(batch * rows * units);
                    buffers.Output = linear ? buffers.PreActivation : Alloc(batch * layer.OutputSize);
                    largest = System.Math.Max(largest, rows * units);
                    paddedGradient = System.Math.Max(paddedGradient, rows * ModelLayout.RoundUp(units));
                    break;
                case LayerKind.Activation:
                    if (!linear) buffers.Output = Alloc(batch * layer.OutputSize);
                    break;
                case LayerKind.Dropout:
                    buffers.Output = Alloc(batch * layer.OutputSize);
                    buffers.Mask = Alloc(batch * layer.OutputSize);
                    break;
            }
            largest = System.Math.Max(largest, System.Math.Max(layer.InputSize, layer.OutputSize));
            Layers.Add(buffers);
            current = buffers.Output;
        }
        Output = current;
        Gradient0 = Alloc(batch * largest);
        Gradient1 = Alloc(batch * largest);
        PaddedGradient = Alloc(batch * paddedGradient);
        Size = offset;
    }

    public sealed class LayerBuffers
    {
        public int Input, PreActivation, Output, Mask;
    }

    public int MaxBatch { get; }
    public int Input { get; }
    public int Output { get; }
    public int Gradient0 { get; }
    public int Gradient1 { get; }
    public int PaddedGradient { get; }
    public int Size { get; }
    public List<LayerBuffers> Layers { get; } = new();

    /// <summary>How many rows a Dense layer's product has per sample (1, or the steps of a rank-3 input).</summary>
    public static int DenseRows(LayerPlan layer) => layer.InputSize / layer.InputShape[layer.InputShape.Count - 1];
}
