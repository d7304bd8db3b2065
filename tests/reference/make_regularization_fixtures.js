'use strict';
/*
 * make_regularization_fixtures.js — three training steps on models with regularizers and constraints (KERAS_SPEC §6),
 * for the KerasGen C# tests. Produces ../KerasGen.Tests/Fixtures/regularization_training.json in the format of
 * conv_training.json: `cases[]`, each with seeded initial weights (get_weights order), a batch of N = 6 samples and
 * targets, and per step the loss it reported and the weights after it.
 *
 * TF.js 4.22's trainOnBatch adds weight regularizers to the loss, but it does not apply constraints after the
 * optimizer step (checked: a max_norm kernel comes back unconstrained) and it refuses activity regularizers ("Layer
 * invocation in the presence of activity regularizer(s) is not supported yet"). So each step is Keras 3's train_step
 * written out with TF.js's own pieces: the loss (mean over the batch) plus every weight penalty
 * (tf.regularizers.l1l2(...).apply(w)) plus every activity penalty on the layer's output, divided by the batch size
 * (Keras 3) or not (Keras 1); tf.variableGrads; the optimizer's applyGradients; then each constraint's apply()
 * assigned back. The weight-regularizer case is also run through TF.js's trainOnBatch, and the two must agree.
 *
 * Run: npm ci && node make_regularization_fixtures.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { mulberry32, fnv1a } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'regularization_training.json');
const f32 = Math.fround;
const N = 6;
const size = (shape) => shape.reduce((a, b) => a * b, 1);
const data = (t) => Array.from(t.dataSync()).map(f32);
const l1l2 = (l1, l2) => tf.regularizers.l1l2({ l1, l2 });

/**
 * layers(): TF.js layers without regularizers; rules[i] = { kernel, bias, activity, kernelConstraint, biasConstraint }
 * for layer i (regularizers from l1l2(), constraints from tf.constraints); keras1: activity penalties not divided.
 */
async function add(cases, name, inputShape, layers, rules, loss, optimizer, targets, { keras1 = false, crossCheck = null } = {}) {
  const r = mulberry32(fnv1a('regularization:' + name));
  const rand = (n, lo, hi) => Array.from({ length: n }, () => f32(lo + (hi - lo) * r()));
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape }), ...layers()] });
  const weights = model.getWeights().map((w) => ({ shape: w.shape, values: rand(size(w.shape), w.shape.length === 1 ? -0.3 : -0.8, w.shape.length === 1 ? 0.3 : 0.8) }));
  model.setWeights(weights.map((w) => tf.tensor(w.values, w.shape)));
  const x = rand(N * size(inputShape), -1, 1);
  const outputs = model.outputs[0].shape[1];
  const y = targets(r, outputs);
  const xt = tf.tensor(x, [N, ...inputShape]), yt = tf.tensor(y, [N, outputs]);
  const lossFn = { meanSquaredError: tf.losses.meanSquaredError, binaryCrossentropy: (a, b) => tf.metrics.binaryCrossentropy(a, b).mean(), categoricalCrossentropy: (a, b) => tf.metrics.categoricalCrossentropy(a, b).mean() }[loss];
  const opt = optimizer.make();
  const variables = [];
  const constraints = [];
  const real = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  real.forEach((layer, i) => {
    const rule = rules[i] || {};
    layer.trainableWeights.forEach((w) => {
      const kind = w.name.endsWith('kernel') ? 'kernel' : 'bias';
      variables.push({ v: w.val, regularizer: rule[kind] });
      if (rule[kind + 'Constraint']) constraints.push({ v: w.val, constraint: rule[kind + 'Constraint'] });
    });
  });
  const steps = [];
  for (let k = 0; k < 3; k++) {
    const { value, grads } = tf.variableGrads(() => {
      let h = xt;
      let total = tf.scalar(0);
      real.forEach((layer, i) => {
        h = layer.apply(h);
        const activity = (rules[i] || {}).activity;
        if (activity) total = tf.add(total, keras1 ? activity.apply(h) : tf.div(activity.apply(h), N));
      });
      total = tf.add(total, lossFn(yt, h));
      for (const { v, regularizer } of variables) if (regularizer) total = tf.add(total, regularizer.apply(v));
      return total;
    }, variables.map((e) => e.v));
    opt.applyGradients(grads);
    for (const { v, constraint } of constraints) v.assign(constraint.apply(v));
    steps.push({ loss: f32(value.dataSync()[0]), weights: model.getWeights().map((w) => ({ shape: w.shape, values: data(w) })) });
  }
  if (crossCheck) {
    // TF.js's own trainOnBatch with the regularizers on the layers must give the same steps.
    const check = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape }), ...crossCheck()] });
    check.setWeights(weights.map((w) => tf.tensor(w.values, w.shape)));
    check.compile({ optimizer: optimizer.make(), loss });
    for (let k = 0; k < 3; k++) {
      const l = await check.trainOnBatch(xt, yt);
      const got = check.getWeights().flatMap(data), want = steps[k].weights.flatMap((w) => w.values);
      const worst = Math.max(...got.map((g, i) => Math.abs(g - want[i])));
      if (Math.abs(l - steps[k].loss) > 1e-5 || worst > 1e-6) throw new Error(`${name}: trainOnBatch disagrees at step ${k + 1}: loss ${l} vs ${steps[k].loss}, weights ${worst}`);
    }
    console.log(`${name}: TF.js trainOnBatch agrees with the written-out step`);
  }
  console.log(`${name}: losses ${steps.map((s) => s.loss.toPrecision(7)).join(', ')}`);
  cases.push({ name, input_shape: inputShape, loss, optimizer: optimizer.text, keras1, weights, x, y, steps });
}
const uniform = (r, k) => Array.from({ length: N * k }, () => f32(r() * 2 - 1));
const oneHot = (r, k) => Array.from({ length: N * k }, (_, i) => (i % k === Math.floor(i / k) % k ? 1 : 0));
const binary = (r, k) => Array.from({ length: N * k }, () => (r() < 0.5 ? 0 : 1));
const sgd = (lr) => ({ make: () => tf.train.sgd(lr), text: `sgd(${lr})` });

(async () => {
  const cases = [];
  await add(cases, 'dense_weight_regularizers', [4], () => [
    tf.layers.dense({ units: 5, activation: 'tanh' }),
    tf.layers.dense({ units: 2 }),
  ], [{ kernel: l1l2(0.01, 0.02), bias: l1l2(0, 0.05) }, { kernel: l1l2(0.03, 0) }], 'meanSquaredError', sgd(0.1), uniform, {
    crossCheck: () => [
      tf.layers.dense({ units: 5, activation: 'tanh', kernelRegularizer: l1l2(0.01, 0.02), biasRegularizer: l1l2(0, 0.05) }),
      tf.layers.dense({ units: 2, kernelRegularizer: l1l2(0.03, 0) }),
    ],
  });
  await add(cases, 'dense_activity_keras3', [4], () => [
    tf.layers.dense({ units: 5, activation: 'relu' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ], [{ activity: l1l2(0.01, 0.02) }, { activity: l1l2(0, 0.1) }], 'binaryCrossentropy', sgd(0.1), binary);
  await add(cases, 'dense_activity_keras1', [4], () => [
    tf.layers.dense({ units: 5, activation: 'tanh' }),
    tf.layers.dense({ units: 2 }),
  ], [{ kernel: l1l2(0, 0.001), activity: l1l2(0.01, 0.01) }], 'meanSquaredError', sgd(0.1), uniform, { keras1: true });
  await add(cases, 'dense_constraints', [4], () => [
    tf.layers.dense({ units: 5, activation: 'relu' }),
    tf.layers.dense({ units: 2 }),
  ], [{ kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.5, axis: 0 }), biasConstraint: tf.constraints.nonNeg() },
    { kernelConstraint: tf.constraints.unitNorm({ axis: 0 }) }], 'meanSquaredError', sgd(0.5), uniform);
  await add(cases, 'dense_min_max_norm_momentum', [4], () => [
    tf.layers.dense({ units: 5, activation: 'tanh' }),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ], [{ kernelConstraint: tf.constraints.minMaxNorm({ minValue: 0.3, maxValue: 0.6, rate: 0.7, axis: 0 }), kernel: l1l2(0.01, 0) }],
  'categoricalCrossentropy', { make: () => tf.train.momentum(0.2, 0.9), text: 'sgd(0.2, momentum=0.9)' }, oneHot);
  await add(cases, 'conv1d_regularized_constrained', [5, 2], () => [
    tf.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'relu' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 1 }),
  ], [{ kernel: l1l2(0, 0.01), activity: l1l2(0.01, 0), kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.6, axis: [0, 1] }), biasConstraint: tf.constraints.nonNeg() }],
  'meanSquaredError', sgd(0.2), uniform);
  await add(cases, 'conv2d_regularized_constrained', [4, 4, 2], () => [
    tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'tanh' }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dense({ units: 2 }),
  ], [{ kernel: l1l2(0.01, 0.01), bias: l1l2(0.1, 0), activity: l1l2(0, 0.01), kernelConstraint: tf.constraints.unitNorm({ axis: [0, 1, 2] }) }],
  'meanSquaredError', sgd(0.2), uniform);
  await add(cases, 'conv2d_channels_first_max_norm', [2, 4, 4], () => [
    tf.layers.conv2d({ filters: 2, kernelSize: 2, dataFormat: 'channelsFirst', activation: 'relu' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2 }),
  ], [{ kernel: l1l2(0.02, 0), kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.4, axis: [0, 1, 2] }) }, null, { kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.3 }) }],
  'meanSquaredError', sgd(0.3), uniform);
  fs.writeFileSync(OUT, JSON.stringify({ source: 'tests/reference/make_regularization_fixtures.js (TF.js 4.22, Keras 3 train_step written out)', cases }, null, 1) + '\n');
  console.log(`wrote ${OUT}: ${cases.length} cases`);
})();
