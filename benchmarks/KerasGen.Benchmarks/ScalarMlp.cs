using System;

namespace KerasGen.Benchmarks;

/// <summary>
/// The straightforward C# a user would write by hand: Dense layers as nested loops over Keras-layout weights, one
/// sample at a time, with a matching plain SGD training step. The scalar peer of the benchmarks.
/// </summary>
public sealed class ScalarMlp
{
    private readonly float[][] _kernels, _biases, _activations, _gradients;
    private readonly int[] _sizes;
    private readonly string[] _activationNames;
    private readonly float[][] _kernelGradients, _biasGradients;

    /// <param name="sizes">Input size, then each layer's units.</param>
    public ScalarMlp(int[] sizes, string[] activations, float[][] kerasWeights)
    {
        _sizes = sizes;
        _activationNames = activations;
        int layers = sizes.Length - 1;
        _kernels = new float[layers][];
        _biases = new float[layers][];
        _kernelGradients = new float[layers][];
        _biasGradients = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            _kernels[l] = (float[])kerasWeights[2 * l].Clone();
            _biases[l] = (float[])kerasWeights[2 * l + 1].Clone();
            _kernelGradients[l] = new float[_kernels[l].Length];
            _biasGradients[l] = new float[_biases[l].Length];
        }
        _activations = new float[sizes.Length][];
        _gradients = new float[sizes.Length][];
        for (int i = 0; i < sizes.Length; i++) (_activations[i], _gradients[i]) = (new float[sizes[i]], new float[sizes[i]]);
    }

    public void Predict(ReadOnlySpan<float> x, Span<float> y)
    {
        int inputs = _sizes[0], outputs = _sizes[^1];
        for (int n = 0; n < x.Length / inputs; n++)
        {
            Forward(x.Slice(n * inputs, inputs));
            _activations[^1].AsSpan().CopyTo(y.Slice(n * outputs, outputs));
        }
    }

    /// <summary>One SGD step on a batch (mean loss gradient), MSE or, with a softmax output, categorical crossentropy.</summary>
    public void TrainOnBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float learningRate)
    {
        int inputs = _sizes[0], outputs = _sizes[^1], samples = x.Length / inputs;
        foreach (var g in _kernelGradients) Array.Clear(g);
        foreach (var g in _biasGradients) Array.Clear(g);
        for (int n = 0; n < samples; n++)
        {
            Forward(x.Slice(n * inputs, inputs));
            var output = _activations[^1];
            var delta = _gradients[^1];
            bool softmax = _activationNames[^1] == "softmax";
            for (int o = 0; o < outputs; o++)
            {
                float error = output[o] - y[n * outputs + o];
                // MSE through sigmoid: 2e/K·σ'; softmax + crossentropy: p − y.
                delta[o] = softmax ? error / samples : 2 * error / outputs * output[o] * (1 - output[o]) / samples;
            }
            for (int l = _kernels.Length - 1; l >= 0; l--)
            {
                var input = _activations[l];
                var d = _gradients[l + 1];
                int units = _sizes[l + 1];
                for (int i = 0; i < _sizes[l]; i++)
                    for (int o = 0; o < units; o++) _kernelGradients[l][i * units + o] += input[i] * d[o];
                for (int o = 0; o < units; o++) _biasGradients[l][o] += d[o];
                if (l == 0) break;
                for (int i = 0; i < _sizes[l]; i++)
                {
                    float sum = 0;
                    for (int o = 0; o < units; o++) sum += _kernels[l][i * units + o] * d[o];
                    _gradients[l][i] = input[i] > 0 ? sum : 0; // hidden layers are relu
                }
            }
        }
        for (int l = 0; l < _kernels.Length; l++)
        {
            for (int i = 0; i < _kernels[l].Length; i++) _kernels[l][i] -= learningRate * _kernelGradients[l][i];
            for (int i = 0; i < _biases[l].Length; i++) _biases[l][i] -= learningRate * _biasGradients[l][i];
        }
    }

    private void Forward(ReadOnlySpan<float> x)
    {
        x.CopyTo(_activations[0]);
        for (int l = 0; l < _kernels.Length; l++)
        {
            var input = _activations[l];
            var output = _activations[l + 1];
            int units = _sizes[l + 1];
            for (int o = 0; o < units; o++) output[o] = _biases[l][o];
            for (int i = 0; i < input.Length; i++)
            {
                float xi = input[i];
                for (int o = 0; o < units; o++) output[o] += xi * _kernels[l][i * units + o];
            }
            switch (_activationNames[l])
            {
                case "relu":
                    for (int o = 0; o < units; o++) output[o] = MathF.Max(output[o], 0);
                    break;
                case "sigmoid":
                    for (int o = 0; o < units; o++) output[o] = 1 / (1 + MathF.Exp(-output[o]));
                    break;
                case "softmax":
                    float max = float.NegativeInfinity, sum = 0;
                    for (int o = 0; o < units; o++) max = MathF.Max(max, output[o]);
                    for (int o = 0; o < units; o++) sum += output[o] = MathF.Exp(output[o] - max);
                    for (int o = 0; o < units; o++) output[o] /= sum;
                    break;
            }
        }
    }
}
