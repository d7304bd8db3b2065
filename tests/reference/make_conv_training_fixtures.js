'use strict';
/*
 * make_conv_training_fixtures.js — TF.js 4.22 trainOnBatch on convolution models, for the KerasGen C# tests.
 *
 * Produces ../KerasGen.Tests/Fixtures/conv_training.json: `cases[]`, each a small Sequential model with conv and
 * pooling layers, seeded initial weights (get_weights order), a batch of N = 6 samples and targets, and three
 * model.trainOnBatch steps on that batch: the loss each step returned and the weights after it.
 * TF.js's adam puts ε on the bias-corrected √v̂ (Keras 3 on √v): the Adam case is compared with a looser tolerance.
 *
 * Run: npm ci && node make_conv_training_fixtures.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { mulberry32, fnv1a } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'conv_training.json');
const f32 = Math.fround;
const N = 6;
const size = (shape) => shape.reduce((a, b) => a * b, 1);
const data = (t) => Array.from(t.dataSync()).map(f32);

async function add(cases, name, inputShape, layers, loss, optimizer, targets) {
  const r = mulberry32(fnv1a('conv_training:' + name));
  const rand = (n, lo, hi) => Array.from({ length: n }, () => f32(lo + (hi - lo) * r()));
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape }), ...layers()] });
  const weights = model.getWeights().map((w) => ({ shape: w.shape, values: rand(size(w.shape), w.shape.length === 1 ? -0.1 : -0.5, w.shape.length === 1 ? 0.1 : 0.5) }));
  model.setWeights(weights.map((w) => tf.tensor(w.values, w.shape)));
  model.compile({ optimizer: optimizer.make(), loss });
  const x = rand(N * size(inputShape), -1, 1);
  const outputs = model.outputs[0].shape[1];
  const y = targets(r, outputs);
  const xt = tf.tensor(x, [N, ...inputShape]), yt = tf.tensor(y, [N, outputs]);
  const steps = [];
  for (let k = 0; k < 3; k++) {
    const value = await model.trainOnBatch(xt, yt);
    steps.push({ loss: f32(value), weights: model.getWeights().map((w) => ({ shape: w.shape, values: data(w) })) });
  }
  cases.push({ name, input_shape: inputShape, loss, optimizer: optimizer.text, weights, x, y, steps });
}
const uniform = (r, k) => Array.from({ length: N * k }, () => f32(r() * 2 - 1));
const oneHot = (r, k) => Array.from({ length: N * k }, (_, i) => (i % k === Math.floor(i / k) % k ? 1 : 0));
const binary = (r, k) => Array.from({ length: N * k }, () => (r() < 0.5 ? 0 : 1));

(async () => {
  const cases = [];
  await add(cases, 'conv1d_same_sgd_mse', [8, 3], () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', { make: () => tf.train.sgd(0.1), text: 'sgd(0.1)' }, uniform);
  await add(cases, 'conv1d_strides_pooling_momentum_bce', [9, 2], () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 2, strides: 2, activation: 'tanh' }),
    tf.layers.averagePooling1d({ poolSize: 2, padding: 'same' }),
    tf.layers.globalMaxPooling1d(),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ], 'binaryCrossentropy', { make: () => tf.train.momentum(0.1, 0.9), text: 'sgd(0.1, momentum=0.9)' }, binary);
  await add(cases, 'conv2d_pool_adam_cce', [6, 6, 2], () => [
    tf.layers.conv2d({ filters: 3, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: [2, 2] }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ], 'categoricalCrossentropy', { make: () => tf.train.adam(0.01, 0.9, 0.999, 1e-7), text: 'adam(0.01, 0.9, 0.999, 1e-7)' }, oneHot);
  await add(cases, 'conv2d_same_strides_sgd_mse', [5, 6, 2], () => [
    tf.layers.conv2d({ filters: 3, kernelSize: [3, 2], strides: [2, 1], padding: 'same', activation: 'elu' }),
    tf.layers.zeroPadding2d({ padding: 1 }),
    tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', { make: () => tf.train.sgd(0.05), text: 'sgd(0.05)' }, uniform);
  fs.writeFileSync(OUT, JSON.stringify({ source: 'tests/reference/make_conv_training_fixtures.js; @tensorflow/tfjs 4.22.0, cpu backend; float32; model.trainOnBatch', cases }) + '\n');
  console.log(`wrote ${OUT}: ${cases.length} cases`);
})();
