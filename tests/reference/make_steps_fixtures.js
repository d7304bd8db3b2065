'use strict';
/*
 * make_steps_fixtures.js — reference forward passes of models whose input steps are None (Keras' unknown sequence
 * length), for the KerasGen C# tests of Predict(x, y, steps).
 *
 * Produces ../KerasGen.Tests/Fixtures/steps.json: `cases[]`, each a TF.js 4.22 Sequential model built with
 * inputShape [null, channels], its weights in get_weights() order (seeded uniform values), and `runs[]`: for several
 * lengths, 2 input samples of that many steps and model.predict's outputs, all flat row-major float32.
 *
 * Run: npm ci && node make_steps_fixtures.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { rngFor } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'steps.json');
const f32 = Math.fround;
const SAMPLES = 2;

const size = (shape) => shape.reduce((a, b) => a * b, 1);

const cases = [];
function add(name, channels, layers, lengths) {
  const rnd = rngFor(name);
  const model = tf.sequential();
  layers.forEach((make, i) => model.add(make(i === 0 ? { inputShape: [null, channels] } : {})));
  const weights = [];
  for (const layer of model.layers) {
    const values = layer.getWeights().map((v) => rnd(size(v.shape), -0.5, 0.5));
    layer.setWeights(layer.getWeights().map((v, i) => tf.tensor(values[i], v.shape)));
    layer.getWeights().forEach((v, i) => weights.push({ shape: v.shape, values: values[i] }));
  }
  const runs = lengths.map((steps) => {
    const x = rnd(SAMPLES * steps * channels, -1, 1);
    const y = model.predict(tf.tensor(x, [SAMPLES, steps, channels]));
    return { steps, output_shape: y.shape.slice(1), x, y: Array.from(y.dataSync()).map(f32) };
  });
  cases.push({ name, channels, weights, runs });
}

const conv1d = (o) => (extra) => tf.layers.conv1d({ ...o, ...extra });
const layer = (kind, o) => (extra) => tf.layers[kind]({ ...o, ...extra });

add('steps_conv_pool_dense', 5, [
  conv1d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
  conv1d({ filters: 4, kernelSize: 2 }),
  layer('maxPooling1d', { poolSize: 2 }),
  layer('dense', { units: 3, activation: 'softmax' }),
], [3, 7, 16, 40]);
add('steps_dilated_global_dense', 3, [
  conv1d({ filters: 6, kernelSize: 3, dilationRate: 2, activation: 'tanh' }),
  layer('averagePooling1d', { poolSize: 2, padding: 'same' }),
  layer('globalMaxPooling1d', {}),
  layer('dense', { units: 2 }),
], [5, 9, 33]);
add('steps_keras1_seed', 4, [
  conv1d({ filters: 16, kernelSize: 3, padding: 'same' }),
  conv1d({ filters: 8, kernelSize: 3, padding: 'same', strides: 2 }),
  layer('globalAveragePooling1d', {}),
  layer('dense', { units: 1, activation: 'sigmoid' }),
], [1, 2, 10, 64]);

fs.writeFileSync(OUT, JSON.stringify({ source: 'tests/reference/make_steps_fixtures.js; @tensorflow/tfjs 4.22.0, cpu backend; float32', cases }) + '\n');
console.log(`wrote ${OUT}: ${cases.length} cases`);
