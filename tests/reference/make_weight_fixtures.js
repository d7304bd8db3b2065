'use strict';
/*
 * make_weight_fixtures.js — TF.js layers models saved as TF.js saves them, for KerasGen's weight-file tests.
 *
 * Produces, per model, ../KerasGen.Tests/Fixtures/weights/<model>/:
 *   model.json        the TF.js artifacts' JSON (modelTopology, weightsManifest), as tfjs-node's file:// handler
 *                     writes it; the weights in two shards when the model has more than one weighted layer, so the
 *                     reader's shard concatenation is exercised;
 *   weights.bin, weights2.bin   the shards (little-endian float32, manifest order);
 *   predictions.json  {"inputShape", "x", "y"}: seeded inputs and model.predict's outputs (TF.js 4.22, cpu backend).
 * make_keras_files.py then writes the same weights as Keras 3 .weights.h5 / .keras and legacy .h5 files.
 *
 * Layers carry names of their own ("hidden", "head"): TF.js names weights after them ("hidden/kernel"), while Keras
 * 3's .weights.h5 names layers after their class (dense, dense_1), which is what the tests check.
 *
 * How to run (from this folder):   npm ci && node make_weight_fixtures.js && /usr/bin/python3 make_keras_files.py
 * Deterministic: weights and inputs come from seeded_random.js, one stream per model.
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { rngFor } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'weights');

const models = {
  mlp: { input: [8], samples: 4, layers: () => [
    tf.layers.dense({ units: 12, activation: 'relu', inputShape: [8], name: 'hidden' }),
    tf.layers.dropout({ rate: 0.25 }),
    tf.layers.dense({ units: 8, activation: 'tanh' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'head' }),
  ] },
  conv1d: { input: [10, 2], samples: 3, layers: () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [10, 2] }),
    tf.layers.maxPooling1d({ poolSize: 2 }),
    tf.layers.conv1d({ filters: 3, kernelSize: 2, padding: 'same', useBias: false }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ] },
  conv2d: { input: [6, 6, 2], samples: 2, layers: () => [
    tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], strides: [1, 2], activation: 'relu', inputShape: [6, 6, 2] }),
    tf.layers.averagePooling2d({ poolSize: [2, 1] }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 3 }),
  ] },
  conv2d_channels_first: { input: [2, 5, 5], samples: 2, layers: () => [
    tf.layers.conv2d({ filters: 2, kernelSize: [2, 3], dataFormat: 'channelsFirst', inputShape: [2, 5, 5] }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2, activation: 'tanh' }),
  ] },
  // Weightless layers between weighted ones: Keras' per-class numbering and the config check see every kind.
  mixed2d: { input: [6, 7, 2], samples: 2, layers: () => [
    tf.layers.zeroPadding2d({ padding: [[1, 0], [1, 2]], inputShape: [6, 7, 2] }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'tanh' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.upSampling2d({ size: [2, 1] }),
    tf.layers.cropping2D({ cropping: [[1, 0], [0, 1]] }),
    tf.layers.globalMaxPooling2d({}),
    tf.layers.dense({ units: 3 }),
  ] },
  mixed1d: { input: [8, 3], samples: 2, layers: () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same', inputShape: [8, 3] }),
    tf.layers.averagePooling1d({ poolSize: 2, strides: 1 }),
    tf.layers.globalAveragePooling1d({}),
    tf.layers.reshape({ targetShape: [2, 2] }),
    tf.layers.activation({ activation: 'relu' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2, activation: 'softmax' }),
  ] },
};

async function main() {
  for (const [name, spec] of Object.entries(models)) {
    const rng = rngFor('weights/' + name);
    const model = tf.sequential({ layers: spec.layers() });
    for (const layer of model.layers) {
      const weights = layer.getWeights();
      if (weights.length) layer.setWeights(weights.map((w) => tf.tensor(rng(w.size, -0.8, 0.8), w.shape)));
    }
    const size = spec.input.reduce((a, b) => a * b, 1);
    const x = rng(spec.samples * size, -1, 1);
    const y = Array.from(model.predict(tf.tensor(x, [spec.samples, ...spec.input])).dataSync());
    const dir = path.join(OUT, name);
    fs.mkdirSync(dir, { recursive: true });
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      // tfjs-node's file:// layout; the last weighted layer's values go to a second shard.
      const specs = artifacts.weightSpecs;
      const bytes = Buffer.from(artifacts.weightData);
      const lastLayer = specs[specs.length - 1].name.split('/')[0];
      const split = specs.findIndex((s) => s.name.split('/')[0] === lastLayer);
      const splitByte = specs.slice(0, split).reduce((a, s) => a + 4 * s.shape.reduce((p, d) => p * d, 1), 0);
      const shards = split > 0 ? [bytes.subarray(0, splitByte), bytes.subarray(splitByte)] : [bytes];
      const names = shards.length > 1 ? ['weights.bin', 'weights2.bin'] : ['weights.bin'];
      shards.forEach((b, i) => fs.writeFileSync(path.join(dir, names[i]), b));
      const json = {
        modelTopology: artifacts.modelTopology, format: artifacts.format, generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy, weightsManifest: [{ paths: names, weights: specs }],
      };
      fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    fs.writeFileSync(path.join(dir, 'predictions.json'), JSON.stringify({ inputShape: spec.input, x, y }));
    console.log(`${name}: ${model.countParams()} params, ${y.length} outputs`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
