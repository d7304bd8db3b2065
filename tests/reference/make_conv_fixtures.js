'use strict';
/*
 * make_conv_fixtures.js — reference forward passes of convolution and pooling models for the KerasGen C# tests.
 *
 * Produces ../KerasGen.Tests/Fixtures/conv.json: `cases[]`, each a small Sequential model built with TF.js 4.22
 * layers (Keras semantics), its weights in get_weights() order (seeded uniform values), N = 5 input samples and
 * model.predict's outputs, all flat row-major float32.
 *
 * TF.js lacks some of what Keras has; those cases are composed from TF.js ops with Keras' definition:
 *   causal  (Keras 3 Conv1D): left-pad dilation·(k−1) zeros (tf.pad), then a valid convolution;
 *   full    (Keras 1 Convolution1D border_mode): pad dk−1 zeros on both sides, then valid;
 *   channels_first: the channels_last layer between two transposes (Keras' definition of the layout);
 *   groups  (Keras 3 Conv1D/Conv2D): the input's channels split into `groups` slices (tf.split), slice g convolved
 *           with the kernel's filters g·F/groups… (tf.slice of the (k…, C/groups, F) kernel), the results joined
 *           (tf.concat), then the bias and the activation;
 *   glu     (Keras 3 activation): a · sigmoid(b) for the two halves a, b of the last axis (tf.split), whatever the
 *           data format (channels_first's last axis is spatial).
 * Self-checks (exit 1, nothing written, if one fails): KERAS_SPEC §1.1's worked examples of `same` padding and of
 * average pooling with `same`.
 *
 * Run: npm ci && node make_conv_fixtures.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { rngFor } = require('./seeded_random');

const OUT = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures', 'conv.json');
const f32 = Math.fround;
const N = 5;

const size = (shape) => shape.reduce((a, b) => a * b, 1);
const data = (t) => Array.from(t.dataSync());

let failures = 0;
function check(what, actual, expected) {
  const ok = actual.length === expected.length && actual.every((v, i) => Math.abs(v - expected[i]) < 1e-4);
  if (!ok) { failures++; console.error(`FAIL ${what}: ${actual} != ${expected}`); }
}

// KERAS_SPEC §1.1: conv1d k=2 weights [1,10] same on [1,2,3,4] -> [21,32,43,4]; k=3 s=2 [1,10,100] on 1..6 -> [321,543,65];
// average pooling 2, stride 2, same on 1..5 -> [1.5, 3.5, 5].
{
  const c = tf.layers.conv1d({ filters: 1, kernelSize: 2, padding: 'same', useBias: false, inputShape: [4, 1] });
  const m = tf.sequential({ layers: [c] });
  c.setWeights([tf.tensor3d([1, 10], [2, 1, 1])]);
  check('same k=2', data(m.predict(tf.tensor3d([1, 2, 3, 4], [1, 4, 1]))), [21, 32, 43, 4]);
  const c3 = tf.layers.conv1d({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', useBias: false, inputShape: [6, 1] });
  const m3 = tf.sequential({ layers: [c3] });
  c3.setWeights([tf.tensor3d([1, 10, 100], [3, 1, 1])]);
  check('same k=3 s=2', data(m3.predict(tf.tensor3d([1, 2, 3, 4, 5, 6], [1, 6, 1]))), [321, 543, 65]);
  const p = tf.sequential({ layers: [tf.layers.averagePooling1d({ poolSize: 2, strides: 2, padding: 'same', inputShape: [5, 1] })] });
  check('avg same', data(p.predict(tf.tensor3d([1, 2, 3, 4, 5], [1, 5, 1]))), [1.5, 3.5, 5]);
}

// A layer description: { make: () => tf layer (channels_last), pre: padding for causal/full, channelsFirst }.
const cases = [];
function add(name, inputShape, layers, note) {
  const rnd = rngFor(name);
  const x = rnd(N * size(inputShape), -1, 1);
  let t = tf.tensor(x, [N, ...inputShape]);
  const weights = [];
  let shape = inputShape;
  for (const spec of layers) {
    const channelsFirst = !!spec.channelsFirst;
    if (channelsFirst) t = tf.transpose(t, shape.length === 2 ? [0, 2, 1] : [0, 2, 3, 1]);
    if (spec.pad) t = tf.pad(t, [[0, 0], spec.pad, [0, 0]]);
    if (spec.grouped) {
      const { groups, filters, kernelSize, strides, padding, dilation, activation } = spec.grouped;
      const rank = kernelSize.length, cg = t.shape[t.shape.length - 1] / groups, fg = filters / groups;
      const kernelShape = [...kernelSize, cg, filters];
      const kernel = rnd(size(kernelShape), -0.5, 0.5), bias = rnd(filters, -0.5, 0.5);
      weights.push({ shape: kernelShape, values: kernel }, { shape: [filters], values: bias });
      const k = tf.tensor(kernel, kernelShape), begin = kernelShape.map(() => 0), extent = kernelShape.map(() => -1);
      const outs = tf.split(t, groups, -1).map((part, g) => {
        const kg = tf.slice(k, [...begin.slice(0, -1), g * fg], [...extent.slice(0, -1), fg]);
        return rank === 1 ? tf.conv1d(part, kg, strides[0], padding, 'NWC', dilation[0]) : tf.conv2d(part, kg, strides, padding, 'NHWC', dilation);
      });
      t = tf.add(tf.concat(outs, -1), tf.tensor1d(bias));
      if (activation) t = tf[activation](t);
      if (channelsFirst && t.shape.length >= 3) t = tf.transpose(t, t.shape.length === 3 ? [0, 2, 1] : [0, 3, 1, 2]);
      shape = t.shape.slice(1);
      continue;
    }
    if (spec.op) {
      t = spec.op(t);
      if (channelsFirst && t.shape.length >= 3) t = tf.transpose(t, t.shape.length === 3 ? [0, 2, 1] : [0, 3, 1, 2]);
      shape = t.shape.slice(1);
      continue;
    }
    const layer = spec.make();
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: t.shape.slice(1) }), layer] });
    const w = layer.getWeights().map((v) => rnd(size(v.shape), -0.5, 0.5));
    layer.setWeights(layer.getWeights().map((v, i) => tf.tensor(w[i], v.shape)));
    layer.getWeights().forEach((v, i) => weights.push({ shape: v.shape, values: w[i] }));
    t = model.predict(t);
    if (channelsFirst && t.shape.length >= 3) t = tf.transpose(t, t.shape.length === 3 ? [0, 2, 1] : [0, 3, 1, 2]);
    shape = t.shape.slice(1);
  }
  cases.push({ name, note: note || '', input_shape: inputShape, output_shape: shape, weights, x, y: data(t).map(f32) });
}

const conv1d = (o) => () => tf.layers.conv1d(o);
const conv2d = (o) => () => tf.layers.conv2d(o);

add('conv1d_valid_relu', [10, 8], [{ make: conv1d({ filters: 4, kernelSize: 3, activation: 'relu' }) }]);
add('conv1d_same_even_kernel', [10, 8], [{ make: conv1d({ filters: 5, kernelSize: 4, padding: 'same' }) }]);
add('conv1d_strides_tanh', [11, 3], [{ make: conv1d({ filters: 6, kernelSize: 3, strides: 2, activation: 'tanh' }) }]);
add('conv1d_strides_same', [10, 3], [{ make: conv1d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }) }]);
add('conv1d_dilation_sigmoid', [12, 5], [{ make: conv1d({ filters: 3, kernelSize: 3, dilationRate: 2, activation: 'sigmoid' }) }]);
add('conv1d_channels_first', [8, 10], [{ make: conv1d({ filters: 4, kernelSize: 3 }), channelsFirst: true }]);
add('conv1d_causal', [9, 4], [{ make: conv1d({ filters: 3, kernelSize: 3 }), pad: [2, 0] }], 'causal: left pad 2, then valid');
add('conv1d_causal_dilated', [9, 4], [{ make: conv1d({ filters: 3, kernelSize: 2, dilationRate: 3 }), pad: [3, 0] }], 'causal, dilation 3');
add('convolution1d_full', [7, 3], [{ make: conv1d({ filters: 2, kernelSize: 3, strides: 2 }), pad: [2, 2] }], 'Keras 1 border_mode full: pad 2 both sides, then valid');
add('conv1d_wide_no_bias', [7, 20], [{ make: conv1d({ filters: 37, kernelSize: 5, padding: 'same', useBias: false }) }]);
add('conv1d_pointwise', [6, 10], [{ make: conv1d({ filters: 7, kernelSize: 1, activation: 'elu' }) }]);
add('conv1d_softmax', [6, 4], [{ make: conv1d({ filters: 5, kernelSize: 2, activation: 'softmax' }) }]);
add('conv2d_valid_relu', [7, 6, 3], [{ make: conv2d({ filters: 5, kernelSize: 3, activation: 'relu' }) }]);
add('conv2d_same_strides', [9, 8, 2], [{ make: conv2d({ filters: 4, kernelSize: [3, 2], strides: [2, 3], padding: 'same' }) }]);
add('conv2d_channels_first_same', [3, 6, 5], [{ make: conv2d({ filters: 6, kernelSize: 3, padding: 'same' }), channelsFirst: true }]);
add('conv2d_dilation', [8, 8, 2], [{ make: conv2d({ filters: 3, kernelSize: 3, dilationRate: 2 }) }]);
// Rows long enough for the implicit GEMM's blocks of four positions, and filter counts with a partial panel.
add('conv2d_wide_rows_same', [12, 13, 3], [{ make: conv2d({ filters: 20, kernelSize: 3, padding: 'same', activation: 'relu' }) }]);
add('conv2d_wide_rows_strided', [11, 17, 2], [{ make: conv2d({ filters: 33, kernelSize: [2, 3], strides: [2, 2], useBias: false }) }]);
// Rows narrower than a block of four, with relu: im2col, the Dense GEMM, then relu over a row that is not whole registers.
add('conv2d_narrow_rows_relu', [5, 4, 2], [{ make: conv2d({ filters: 5, kernelSize: 3, activation: 'relu' }) }]);
add('conv2d_wide_rows_dilated', [9, 16, 4], [{ make: conv2d({ filters: 64, kernelSize: 3, dilationRate: [1, 2], padding: 'same' }) }]);
add('conv1d_stack_flatten_dense', [10, 32], [
  { make: conv1d({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' }) },
  { make: conv1d({ filters: 32, kernelSize: 3, padding: 'same' }) },
  { make: () => tf.layers.flatten() },
  { make: () => tf.layers.dense({ units: 3, activation: 'softmax' }) },
]);
add('conv2d_flatten_dense', [6, 6, 2], [
  { make: conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }) },
  { make: () => tf.layers.flatten() },
  { make: () => tf.layers.dense({ units: 4 }) },
]);
const grouped = (o) => ({ strides: o.kernelSize.map(() => 1), dilation: o.kernelSize.map(() => 1), padding: 'valid', ...o });
add('conv1d_groups_same_relu', [9, 6], [{ grouped: grouped({ groups: 2, filters: 4, kernelSize: [3], padding: 'same', activation: 'relu' }) }], 'groups 2');
add('conv1d_groups_pointwise', [5, 6], [{ grouped: grouped({ groups: 3, filters: 9, kernelSize: [1] }) }], 'groups 3, kernel 1');
add('conv1d_groups_dilation', [12, 4], [{ grouped: grouped({ groups: 4, filters: 20, kernelSize: [3], dilation: [2] }) }], 'groups 4 (depthwise), 5 filters each');
add('conv2d_groups_strides', [6, 5, 4], [{ grouped: grouped({ groups: 2, filters: 6, kernelSize: [3, 2], strides: [2, 1] }) }], 'groups 2');
add('conv2d_groups_channels_first_same', [4, 5, 5], [{ grouped: grouped({ groups: 4, filters: 8, kernelSize: [3, 3], padding: 'same', activation: 'tanh' }), channelsFirst: true }], 'groups 4, channels_first');
const glu = { op: (t) => { const [a, b] = tf.split(t, 2, -1); return tf.mul(a, tf.sigmoid(b)); } };
add('conv1d_glu', [8, 3], [{ make: conv1d({ filters: 6, kernelSize: 3, padding: 'same' }) }, glu], 'activation glu: halves the 6 filters');
add('conv2d_glu_channels_first', [2, 5, 7], [{ make: conv2d({ filters: 3, kernelSize: 2 }), channelsFirst: true }, glu], 'glu on channels_first: halves the last (width) axis');
add('conv1d_groups_glu', [7, 4], [{ grouped: grouped({ groups: 2, filters: 4, kernelSize: [2] }) }, glu], 'groups 2, then glu');
const pool = (kind, o) => () => tf.layers[kind](o);
add('max_pooling1d_default', [10, 8], [{ make: pool('maxPooling1d', { poolSize: 2 }) }]);
add('max_pooling1d_3_same', [10, 8], [{ make: pool('maxPooling1d', { poolSize: 3, padding: 'same' }) }]);
add('average_pooling1d_same_odd', [11, 4], [{ make: pool('averagePooling1d', { poolSize: 2, padding: 'same' }) }]);
add('average_pooling1d_strides1', [10, 3], [{ make: pool('averagePooling1d', { poolSize: 2, strides: 1 }) }]);
add('max_pooling2d_same', [7, 7, 3], [{ make: pool('maxPooling2d', { poolSize: [2, 2], padding: 'same' }) }]);
add('max_pooling2d_strides', [9, 8, 2], [{ make: pool('maxPooling2d', { poolSize: [3, 2], strides: [2, 2] }) }]);
add('average_pooling2d_channels_first', [3, 7, 7], [{ make: pool('averagePooling2d', { poolSize: [2, 2] }), channelsFirst: true }]);
add('average_pooling2d_same', [5, 6, 2], [{ make: pool('averagePooling2d', { poolSize: [2, 3], padding: 'same' }) }]);
add('global_max_pooling1d', [10, 8], [{ make: pool('globalMaxPooling1d', {}) }]);
add('global_average_pooling1d', [10, 8], [{ make: pool('globalAveragePooling1d', {}) }]);
add('global_average_pooling2d', [5, 5, 3], [{ make: pool('globalAveragePooling2d', {}) }]);
add('global_max_pooling2d_channels_first', [3, 5, 5], [{ make: pool('globalMaxPooling2d', {}), channelsFirst: true }]);
add('conv1d_pool_flatten_dense', [12, 3], [
  { make: conv1d({ filters: 6, kernelSize: 3, activation: 'relu' }) },
  { make: pool('maxPooling1d', { poolSize: 2 }) },
  { make: () => tf.layers.flatten() },
  { make: () => tf.layers.dense({ units: 2, activation: 'sigmoid' }) },
]);
add('conv2d_channels_first_pool_flatten_dense', [1, 8, 8], [
  { make: conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }), channelsFirst: true },
  { make: pool('maxPooling2d', { poolSize: [2, 2] }), channelsFirst: true },
  { make: () => tf.layers.flatten() },
  { make: () => tf.layers.dense({ units: 10, activation: 'softmax' }) },
]);
// ZeroPadding1D, Cropping1D and UpSampling1D are not TF.js layers: composed from tf.pad, tf.slice and tf.gather.
const steps = (t) => t.shape[1];
add('zero_padding1d', [6, 3], [{ op: (t) => tf.pad(t, [[0, 0], [1, 2], [0, 0]]) }], 'ZeroPadding1D((1, 2)) = tf.pad');
add('cropping1d', [9, 4], [{ op: (t) => tf.slice(t, [0, 2, 0], [-1, steps(t) - 3, -1]) }], 'Cropping1D((2, 1)) = tf.slice');
add('up_sampling1d', [5, 3], [{ op: (t) => tf.gather(t, tf.tensor1d(Array.from({ length: 15 }, (_, i) => Math.floor(i / 3)), 'int32'), 1) }], 'UpSampling1D(3) = tf.gather');
add('zero_padding2d', [4, 5, 2], [{ make: () => tf.layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] }) }]);
add('zero_padding2d_channels_first', [2, 4, 3], [{ make: () => tf.layers.zeroPadding2d({ padding: 1 }), channelsFirst: true }]);
add('cropping2d', [7, 6, 2], [{ make: () => tf.layers.cropping2D({ cropping: [[1, 2], [2, 0]] }) }]);
add('up_sampling2d', [3, 4, 2], [{ make: () => tf.layers.upSampling2d({ size: [2, 3] }) }]);
add('up_sampling2d_channels_first', [2, 3, 3], [{ make: () => tf.layers.upSampling2d({ size: [2, 2] }), channelsFirst: true }]);
add('conv1d_zero_padding_up_sampling_chain', [8, 3], [
  { op: (t) => tf.pad(t, [[0, 0], [2, 0], [0, 0]]) },
  { make: conv1d({ filters: 4, kernelSize: 3, activation: 'relu' }) },
  { op: (t) => tf.gather(t, tf.tensor1d(Array.from({ length: 2 * steps(t) }, (_, i) => Math.floor(i / 2)), 'int32'), 1) },
  { make: () => tf.layers.flatten() },
  { make: () => tf.layers.dense({ units: 2 }) },
]);

if (failures > 0) { console.error(`${failures} self-check(s) failed; nothing written`); process.exit(1); }
fs.writeFileSync(OUT, JSON.stringify({ source: 'tests/reference/make_conv_fixtures.js; @tensorflow/tfjs 4.22.0, cpu backend; float32', cases }) + '\n');
console.log(`wrote ${OUT}: ${cases.length} cases`);
