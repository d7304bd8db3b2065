using System;
using System.ComponentModel;

namespace KerasGen.Training;

/// <summary>
/// A model whose weight gradient data-parallel training cuts by kernel rows instead of by samples: every layer with
/// weights is a Dense, whose weight gradient is, for each kernel row, a sum over the batch's rows. Each core runs its
/// chunk's forward pass and input gradients (<see cref="BackwardInputs"/>), then each part of the weights' rows has its
/// gradient summed over every chunk's samples (<see cref="AccumulateWeightGradients"/>), and the optimizer updates the
/// weights part by part (<see cref="WeightPart"/>), each part on whichever core claims it. So no core clears, sums or
/// hands over a whole gradient buffer: the
/// sample-split step moved each chunk's 2.2 MB mnist-mlp gradient across cores and back, which cost more than the
/// second core gave (issue 11).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowSplitGradients
{
    /// <summary><see cref="IDifferentiableModel.BackwardBatch(Span{float}, Span{float}, ReadOnlySpan{float}, int, bool, int)"/>
    /// without the weight gradients: each Dense's output gradient stays in <paramref name="memory"/> for
    /// <see cref="AccumulateWeightGradients"/>.</summary>
    void BackwardInputs(Span<float> memory, ReadOnlySpan<float> outputGradient, int samples, bool preActivation, int batchSamples);

    /// <summary>Adds the weight gradients of the <paramref name="samples"/> samples whose <see cref="BackwardInputs"/>
    /// ran in <paramref name="memory"/>, for the weights of part <paramref name="part"/> of <paramref name="parts"/>
    /// only (<see cref="WeightPart"/>). Every element sums the samples in order, so the parts of one batch, run in any
    /// order on any threads, give the bits one part would. With <paramref name="overwrite"/> the sums are written over
    /// the part's old gradient (every float of the part, padding included: the bits of adding to a cleared part), so
    /// the first sub-batch needs no clearing pass.</summary>
    void AccumulateWeightGradients(ReadOnlySpan<float> memory, Span<float> gradients, int samples, int part, int parts, bool overwrite);

    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/> of the weight buffer: contiguous, cut on
    /// kernel rows, of near-equal size. That is near-equal work when every Dense sees one row per sample; a Dense on a
    /// (steps, features) input costs steps times more per weight, which the cut does not weigh.</summary>
    (int Start, int End) WeightPart(int part, int parts);
}
