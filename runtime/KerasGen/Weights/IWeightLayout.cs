using System.Collections.Generic;
using System.ComponentModel;

namespace KerasGen.Weights;

/// <summary>Every generated model: its layers, and the Keras names, shapes and internal places of its weights, for
/// weight files and exporters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWeightLayout
{
    IReadOnlyList<WeightSlot> WeightSlots { get; }

    IReadOnlyList<LayerDescription> Layers { get; }
}
