using System;
using System.Collections.Generic;
using KerasGen.Generator.Layers.Convolution;
using KerasGen.Generator.Layers.Core;
using KerasGen.Generator.Layers.Normalization;
using KerasGen.Generator.Layers.Pooling;
using KerasGen.Generator.Layers.Reshaping;

namespace KerasGen.Generator.Layers;

/// <summary>The only list of layer kinds: each attribute's full name and the parser of its layer's unit. Adding a
/// layer is adding its attribute (runtime/KerasGen/Attributes), its unit (a folder under Layers/) and a line here.</summary>
internal static class LayerRegistry
{
    private const string Namespace = "KerasGen.";

    private static readonly Dictionary<string, Func<LayerArguments, LayerSpec?>> Parsers = new()
    {
        [Namespace + "DenseAttribute"] = DenseLayer.Parse,
        [Namespace + "ActivationAttribute"] = ActivationLayer.Parse,
        [Namespace + "FlattenAttribute"] = FlattenLayer.Parse,
        [Namespace + "DropoutAttribute"] = DropoutLayer.Parse,
        [Namespace + "ReshapeAttribute"] = ReshapeLayer.Parse,
        [Namespace + "Conv1DAttribute"] = a => ConvLayer.Parse(a, ConvFlavor.Conv1D),
        [Namespace + "Convolution1DAttribute"] = a => ConvLayer.Parse(a, ConvFlavor.Convolution1D),
        [Namespace + "Conv2DAttribute"] = a => ConvLayer.Parse(a, ConvFlavor.Conv2D),
        [Namespace + "Convolution2DAttribute"] = a => ConvLayer.Parse(a, ConvFlavor.Convolution2D),
        [Namespace + "MaxPooling1DAttribute"] = a => PoolingLayer.Parse(a, PoolKind.Max, rank: 1),
        [Namespace + "AveragePooling1DAttribute"] = a => PoolingLayer.Parse(a, PoolKind.Average, rank: 1),
        [Namespace + "MaxPooling2DAttribute"] = a => PoolingLayer.Parse(a, PoolKind.Max, rank: 2),
        [Namespace + "AveragePooling2DAttribute"] = a => PoolingLayer.Parse(a, PoolKind.Average, rank: 2),
        [Namespace + "GlobalMaxPooling1DAttribute"] = a => GlobalPoolingLayer.Parse(a, PoolKind.Max, rank: 1),
        [Namespace + "GlobalAveragePooling1DAttribute"] = a => GlobalPoolingLayer.Parse(a, PoolKind.Average, rank: 1),
        [Namespace + "GlobalMaxPooling2DAttribute"] = a => GlobalPoolingLayer.Parse(a, PoolKind.Max, rank: 2),
        [Namespace + "GlobalAveragePooling2DAttribute"] = a => GlobalPoolingLayer.Parse(a, PoolKind.Average, rank: 2),
        [Namespace + "ZeroPadding1DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.ZeroPadding, rank: 1),
        [Namespace + "ZeroPadding2DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.ZeroPadding, rank: 2),
        [Namespace + "Cropping1DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.Cropping, rank: 1),
        [Namespace + "Cropping2DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.Cropping, rank: 2),
        [Namespace + "UpSampling1DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.UpSampling, rank: 1),
        [Namespace + "UpSampling2DAttribute"] = a => ResamplingLayer.Parse(a, ResamplingKind.UpSampling, rank: 2),
        [Namespace + "BatchNormalizationAttribute"] = BatchNormalizationLayer.Parse,
        [Namespace + "LayerNormalizationAttribute"] = LayerNormalizationLayer.Parse,
    };

    public static bool IsLayerAttribute(string fullName) => Parsers.ContainsKey(fullName);

    public static LayerSpec? Parse(string fullName, LayerArguments arguments) => Parsers[fullName](arguments);
}
