'use strict';
/*
 * make_normalization_fixtures.js — TF.js 4.22 trainOnBatch on models with BatchNormalization (KERAS_SPEC §1.9), for
 * the KerasGen C# tests. Produces ../KerasGen.Tests/Fixtures/normalization_training.json in the format of
 * conv_training.json (`cases[]`: seeded initial weights in Keras' get_weights order, N = 6 samples and targets,
 * three trainOnBatch steps with the loss and all weights after each), plus `predictions`: model.predict on the same
 * samples after the three steps, which uses the moving statistics.
 *
 * The LayerNormalization cases (one axis after Dense and Conv1D, two trailing axes as the first layer) use
 * trainOnBatch as well.
 *
 * TF.js's model.getWeights() lists every trainable weight before every non-trainable one (§7.6); Keras orders them
 * layer by layer (gamma, beta, moving_mean, moving_variance), so weights are read and set per layer here.
 *
 * TF.js's own gradient of BatchNormalization fails on a feature axis other than the last (axis=1 after a
 * channels_first Conv2D: "Size(288) must match the product of shape 1,3,1,1"), so that case takes `manual`: Keras 3's
 * train step written out with TF.js ops — the batch normalization as tf.moments over every other axis and
 * (x − mean)·rsqrt(var + ε)·γ + β, tf.variableGrads, the optimizer's applyGradients, then the moving statistics moved
 * with the batch moments. TF.js's inference is wrong there too (it broadcasts the statistics over the last axis:
 * checked against the formula on a (2, 3, 3) input), so that case's predictions are the same ops with the moving
 * statistics.
 *
 * Run: npm ci && node make_normalization_fixtures.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { mulberry32, fnv1a } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'normalization_training.json');
const f32 = Math.fround;
const N = 6;
const size = (shape) => shape.reduce((a, b) => a * b, 1);
const data = (t) => Array.from(t.dataSync()).map(f32);

/** Initial values by weight name: kernels U(−0.5, 0.5), biases and beta U(−0.3, 0.3), gamma and moving variance
 * U(0.5, 1.5), moving mean U(−0.2, 0.2), so the inference path is not the identity. */
function initial(name, n, rand) {
  if (name.endsWith('gamma') || name.endsWith('moving_variance')) return rand(n, 0.5, 1.5);
  if (name.endsWith('moving_mean')) return rand(n, -0.2, 0.2);
  if (name.endsWith('kernel')) return rand(n, -0.5, 0.5);
  return rand(n, -0.3, 0.3);
}

async function add(cases, name, inputShape, layers, loss, optimizer, targets, manual = false) {
  const r = mulberry32(fnv1a('normalization:' + name));
  const rand = (n, lo, hi) => Array.from({ length: n }, () => f32(lo + (hi - lo) * r()));
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape }), ...layers()] });
  const real = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const kerasWeights = () => real.flatMap((l) => l.getWeights().map((w) => ({ shape: w.shape, values: data(w) })));
  for (const layer of real) {
    const values = layer.weights.map((w) => tf.tensor(initial(w.name, size(w.shape), rand), w.shape));
    if (values.length > 0) layer.setWeights(values);
  }
  const weights = kerasWeights();
  model.compile({ optimizer: optimizer.make(), loss });
  const x = rand(N * size(inputShape), -1, 1);
  const outputs = model.outputs[0].shape[1];
  const y = targets(r, outputs);
  const xt = tf.tensor(x, [N, ...inputShape]), yt = tf.tensor(y, [N, outputs]);
  const steps = [];
  for (let k = 0; k < 3; k++) {
    const value = manual ? manualStep(real, xt, yt, loss, model.optimizer) : await model.trainOnBatch(xt, yt);
    steps.push({ loss: f32(value), weights: kerasWeights() });
  }
  if (name === 'dense_batchnorm') {
    // The written-out step must reproduce TF.js's trainOnBatch where the latter works.
    const check = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape }), ...layers()] });
    const checkReal = check.layers.filter((l) => l.getClassName() !== 'InputLayer');
    let w = 0;
    for (const layer of checkReal) {
      const n = layer.weights.length;
      if (n > 0) layer.setWeights(weights.slice(w, w + n).map((v) => tf.tensor(v.values, v.shape)));
      w += n;
    }
    check.compile({ optimizer: optimizer.make(), loss });
    for (let k = 0; k < 3; k++) {
      const l = manualStep(checkReal, xt, yt, loss, check.optimizer);
      const got = checkReal.flatMap((layer) => layer.getWeights().flatMap(data)), want = steps[k].weights.flatMap((v) => v.values);
      const worst = Math.max(...got.map((g, i) => Math.abs(g - want[i])));
      if (Math.abs(l - steps[k].loss) > 1e-5 || worst > 2e-6) throw new Error(`${name}: the written-out step disagrees with trainOnBatch at step ${k + 1}: loss ${l} vs ${steps[k].loss}, weights ${worst}`);
    }
    console.log(`${name}: the written-out step agrees with trainOnBatch`);
  }
  const predictions = data(manual ? manualInference(real, xt) : model.predict(xt));
  console.log(`${name}: losses ${steps.map((s) => s.loss.toPrecision(7)).join(', ')}`);
  cases.push({ name, input_shape: inputShape, loss, optimizer: optimizer.text, weights, x, y, steps, predictions });
}
/** y = (x − moving_mean)·rsqrt(moving_variance + ε)·γ + β over the layer's axis, and the other layers as TF.js runs them. */
function manualInference(real, xt) {
  let h = xt;
  for (const layer of real) {
    if (layer.getClassName() !== 'BatchNormalization') { h = layer.apply(h); continue; }
    const axis = layer.axis < 0 ? layer.axis + h.rank : layer.axis;
    const shape = h.shape.map((d, a) => (a === axis ? d : 1));
    const [gamma, beta, mean, variance] = [layer.gamma, layer.beta, layer.movingMean, layer.movingVariance].map((v) => v.read().reshape(shape));
    h = tf.add(tf.mul(tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, layer.epsilon))), gamma), beta);
  }
  return h;
}

/** One Keras 3 train step with BatchNormalization written out (see the header); returns the loss. */
function manualStep(real, xt, yt, loss, optimizer) {
  if (loss !== 'meanSquaredError') throw new Error('manualStep: only mse');
  const isNorm = (l) => l.getClassName() === 'BatchNormalization';
  const normalize = (layer, h, moments) => {
    const axis = layer.axis < 0 ? layer.axis + h.rank : layer.axis;
    const axes = [...Array(h.rank).keys()].filter((a) => a !== axis);
    const { mean, variance } = tf.moments(h, axes, true);
    if (moments) moments.push({ layer, mean: mean.reshape([-1]), variance: variance.reshape([-1]) });
    const shape = h.shape.map((d, a) => (a === axis ? d : 1));
    const [gamma, beta] = [layer.gamma.read(), layer.beta.read()].map((v) => v.reshape(shape));
    return tf.add(tf.mul(tf.mul(tf.sub(h, mean), tf.rsqrt(tf.add(variance, layer.epsilon))), gamma), beta);
  };
  const forward = (moments) => {
    let h = xt;
    for (const layer of real) h = isNorm(layer) ? normalize(layer, h, moments) : layer.apply(h);
    return tf.losses.meanSquaredError(yt, h);
  };
  const moments = [];
  forward(moments); // the batch moments at the weights before the step
  const variables = real.flatMap((l) => l.trainableWeights.map((w) => w.val));
  const { value, grads } = tf.variableGrads(() => forward(null), variables);
  optimizer.applyGradients(grads);
  for (const { layer, mean, variance } of moments) {
    const m = layer.momentum;
    layer.movingMean.write(tf.add(tf.mul(layer.movingMean.read(), m), tf.mul(mean, 1 - m)));
    layer.movingVariance.write(tf.add(tf.mul(layer.movingVariance.read(), m), tf.mul(variance, 1 - m)));
  }
  return value.dataSync()[0];
}

const uniform = (r, k) => Array.from({ length: N * k }, () => f32(r() * 2 - 1));
const oneHot = (r, k) => Array.from({ length: N * k }, (_, i) => (i % k === Math.floor(i / k) % k ? 1 : 0));
const binary = (r, k) => Array.from({ length: N * k }, () => (r() < 0.5 ? 0 : 1));
const sgd = (lr) => ({ make: () => tf.train.sgd(lr), text: `sgd(${lr})` });

(async () => {
  const cases = [];
  await add(cases, 'dense_batchnorm', [4], () => [
    tf.layers.dense({ units: 6 }),
    tf.layers.batchNormalization({ momentum: 0.8 }),
    tf.layers.activation({ activation: 'relu' }),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', sgd(0.1), uniform);
  await add(cases, 'batchnorm_first_gamma_l2', [5], () => [
    tf.layers.batchNormalization({ gammaRegularizer: tf.regularizers.l1l2({ l1: 0, l2: 0.01 }) }),
    tf.layers.dense({ units: 2, activation: 'tanh' }),
  ], 'meanSquaredError', sgd(0.2), uniform);
  await add(cases, 'conv1d_batchnorm', [8, 3], () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3 }),
    tf.layers.batchNormalization({ momentum: 0.9 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ], 'binaryCrossentropy', { make: () => tf.train.momentum(0.1, 0.9), text: 'sgd(0.1, momentum=0.9)' }, binary);
  await add(cases, 'conv2d_batchnorm', [5, 5, 2], () => [
    tf.layers.conv2d({ filters: 3, kernelSize: 2 }),
    tf.layers.batchNormalization({ epsilon: 0.01, momentum: 0.7 }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ], 'categoricalCrossentropy', sgd(0.1), oneHot);
  await add(cases, 'conv2d_channels_first_batchnorm_axis1', [2, 5, 5], () => [
    tf.layers.conv2d({ filters: 3, kernelSize: 2, dataFormat: 'channelsFirst' }),
    tf.layers.batchNormalization({ axis: 1, momentum: 0.5 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', sgd(0.1), uniform, true);
  await add(cases, 'dense_layernorm', [4], () => [
    tf.layers.dense({ units: 6 }),
    tf.layers.layerNormalization({}),
    tf.layers.activation({ activation: 'tanh' }),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', sgd(0.1), uniform);
  await add(cases, 'conv1d_layernorm', [8, 3], () => [
    tf.layers.conv1d({ filters: 4, kernelSize: 3 }),
    tf.layers.layerNormalization({ epsilon: 0.01 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ], 'categoricalCrossentropy', { make: () => tf.train.momentum(0.1, 0.9), text: 'sgd(0.1, momentum=0.9)' }, oneHot);
  await add(cases, 'layernorm_two_axes_first', [3, 4], () => [
    tf.layers.layerNormalization({ axis: [1, 2] }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2 }),
  ], 'meanSquaredError', sgd(0.2), uniform);
  fs.writeFileSync(OUT, JSON.stringify({ source: 'tests/reference/make_normalization_fixtures.js (TF.js 4.22 trainOnBatch)', cases }, null, 1) + '\n');
  console.log(`wrote ${OUT}: ${cases.length} cases`);
})();
