'use strict';
/*
 * make_fixtures.js — reference forward-pass fixtures for the KerasGen C# tests.
 *
 * Produces (in ../KerasGen.Tests/Fixtures/):
 *   activations.json  element-wise activations on ~48 inputs in [-12, 12], plus row-wise
 *                     (last-axis) softmax / log_softmax / sparsemax / glu on a few rows;
 *   dense.json        single Dense layers (various shapes / activations / use_bias),
 *                     run with tf.sequential + tf.layers.dense + model.predict;
 *   models.json       small Sequential models (Flatten, Dense, Activation, Reshape,
 *                     Dropout) with all weights, inputs and model.predict outputs.
 *
 * How to run (from this folder):   npm ci && node make_fixtures.js
 * The output is deterministic: inputs and weights come from a seeded mulberry32 PRNG
 * (one stream per case, seeded from the case name) and are rounded to float32 with
 * Math.fround. Every number written is a float32 value (printed as the JS double
 * that equals it), as computed by TF.js 4.22.0 (@tensorflow/tfjs) on the 'cpu' backend.
 *
 * Semantics are Keras 3 (see /work/shared/KERAS_SPEC.md §3). Where TF.js has an op or an
 * activation string that matches Keras 3 it is used directly: linear, relu, relu6,
 * leaky_relu (tf.leakyRelu, slope 0.2), elu, selu, softplus, softsign, sigmoid, tanh,
 * silu/swish (activation 'swish'), gelu (activation 'gelu', erf form), gelu_approximate
 * (activation 'gelu_new', tanh form), mish, exponential (tf.exp), log_sigmoid
 * (tf.logSigmoid), softmax, log_softmax (tf.logSoftmax).
 *
 * Composed here from float32 TF.js ops, because TF.js lacks them or differs from Keras 3:
 *   hard_sigmoid   Keras 3 = clip(x/6 + 0.5, 0, 1) (same as relu6(x+3)/6); TF.js's
 *                  'hardSigmoid' is the Keras 1/2 clip(0.2x + 0.5, 0, 1) -> not used
 *   hard_silu, hard_swish   x * hard_sigmoid(x)  (Keras 3 hard_sigmoid)
 *   celu (alpha 1) identical to elu for alpha 1 -> tf.elu (no 'celu' in TF.js)
 *   squareplus (b=4), soft_shrink (0.5), sparse_plus, tanh_shrink, sparse_sigmoid,
 *   hard_tanh, hard_shrink, glu (last axis)    not in TF.js
 *   sparsemax      not in TF.js; Keras 3 algorithm emulated in float32 with Math.fround
 *
 * Self-checks (the script exits non-zero if any fails): the values at
 * x = [-3,-1,-0.5,0,0.5,1,3] against the Keras 3 values captured in KERAS_SPEC §3; every
 * activation against an independent float64 formula; every Dense/model output against an
 * independent float64 forward pass.
 */

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { mulberry32, fnv1a } = require('./seeded_random');

const TFJS_VERSION = '4.22.0';
const OUT_DIR = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures');
const SOURCE = `tests/reference/make_fixtures.js; @tensorflow/tfjs ${TFJS_VERSION}, cpu backend; float32`;

const f32 = Math.fround;
let failures = 0;
function fail(msg) {
  failures++;
  console.error('FAIL: ' + msg);
}

// ---------------------------------------------------------------- PRNG
function makeRng(name) {
  const r = mulberry32(fnv1a(name));
  return {
    uniform: (lo, hi) => f32(lo + (hi - lo) * r()),
    array(n, lo, hi) {
      const a = new Array(n);
      for (let i = 0; i < n; i++) a[i] = this.uniform(lo, hi);
      return a;
    },
  };
}

// ---------------------------------------------------------------- JSON writer
// Objects indented; arrays of numbers printed 10 per line (short ones on one line).
function fmtNum(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error('non-finite number: ' + n);
  if (!Number.isInteger(n) && f32(n) !== n) throw new Error('not a float32 value: ' + n);
  if (Object.is(n, -0)) return '0';
  return String(n);
}
function toJson(v, indent) {
  const ind = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((e) => typeof e === 'number')) {
      if (v.length <= 12) return '[' + v.map(fmtNum).join(', ') + ']';
      const lines = [];
      for (let i = 0; i < v.length; i += 10) lines.push(ind + v.slice(i, i + 10).map(fmtNum).join(', '));
      return '[\n' + lines.join(',\n') + '\n' + indent + ']';
    }
    return '[\n' + v.map((e) => ind + toJson(e, ind)).join(',\n') + '\n' + indent + ']';
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map((k) => ind + JSON.stringify(k) + ': ' + toJson(v[k], ind)).join(',\n') + '\n' + indent + '}';
  }
  if (typeof v === 'number') return fmtNum(v);
  return JSON.stringify(v);
}
function writeJson(file, obj) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const p = path.join(OUT_DIR, file);
  fs.writeFileSync(p, toJson(obj, '') + '\n');
  return p;
}

const data = (t) => Array.from(t.dataSync());
const maxAbs = (a) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

// ---------------------------------------------------------------- float64 references
function erfcPos(t) {
  // erfc(t) for t >= 0, float64.
  if (t < 3) {
    // erf series with positive terms: erf(t) = 2/sqrt(pi) e^{-t^2} sum t^{2n+1} 2^n / (2n+1)!!
    let term = t, sum = t;
    for (let n = 1; n < 200; n++) {
      term *= (2 * t * t) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-t * t) * sum;
  }
  // continued fraction (modified Lentz): erfc(t) = e^{-t^2}/sqrt(pi) * 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + ...))))
  let f = t, C = t, D = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    D = t + a * D; D = 1 / D;
    C = t + a / C;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-t * t) / Math.sqrt(Math.PI) / f;
}
function softplus64(x) {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
const sig64 = (x) => 1 / (1 + Math.exp(-x));
const hsig64 = (x) => Math.min(Math.max(x / 6 + 0.5, 0), 1);
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;
const REF64 = {
  linear: (x) => x,
  relu: (x) => Math.max(x, 0),
  relu6: (x) => Math.min(Math.max(x, 0), 6),
  leaky_relu: (x) => (x >= 0 ? x : 0.2 * x),
  elu: (x) => (x >= 0 ? x : Math.expm1(x)),
  selu: (x) => SELU_SCALE * (x >= 0 ? x : SELU_ALPHA * Math.expm1(x)),
  celu: (x) => (x >= 0 ? x : Math.expm1(x)),
  softplus: softplus64,
  softsign: (x) => x / (Math.abs(x) + 1),
  squareplus: (x) => (x + Math.sqrt(x * x + 4)) / 2,
  soft_shrink: (x) => (x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0),
  sparse_plus: (x) => (x <= -1 ? 0 : x >= 1 ? x : ((x + 1) * (x + 1)) / 4),
  silu: (x) => x * sig64(x),
  swish: (x) => x * sig64(x),
  gelu: (x) => {
    const t = x / Math.SQRT2;
    return t >= 0 ? 0.5 * x * (2 - erfcPos(t)) : 0.5 * x * erfcPos(-t);
  },
  gelu_approximate: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
  tanh: Math.tanh,
  tanh_shrink: (x) => x - Math.tanh(x),
  sigmoid: sig64,
  sparse_sigmoid: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2),
  exponential: Math.exp,
  hard_sigmoid: hsig64,
  hard_silu: (x) => x * hsig64(x),
  hard_swish: (x) => x * hsig64(x),
  hard_tanh: (x) => Math.min(Math.max(x, -1), 1),
  hard_shrink: (x) => (Math.abs(x) > 0.5 ? x : 0),
  mish: (x) => x * Math.tanh(softplus64(x)),
  log_sigmoid: (x) => -softplus64(-x),
};
function softmaxRow64(r) {
  const m = Math.max(...r);
  const e = r.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
function logSoftmaxRow64(r) {
  const m = Math.max(...r);
  const lse = Math.log(r.reduce((a, v) => a + Math.exp(v - m), 0));
  return r.map((v) => v - m - lse);
}
function sparsemaxRow64(r) {
  const z = [...r].sort((a, b) => b - a);
  let cs = 0, k = 0, csk = 0;
  for (let j = 0; j < z.length; j++) {
    cs += z[j];
    if (1 + (j + 1) * z[j] > cs) { k = j + 1; csk = cs; }
  }
  const tau = (csk - 1) / k;
  return r.map((v) => Math.max(v - tau, 0));
}

// Compare float32 results with a float64 reference: |a-b| <= tol * max(1, |b|).
function compare(label, got, ref, tol) {
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const e = Math.abs(got[i] - ref[i]) / Math.max(1, Math.abs(ref[i]));
    if (!(e <= worst)) worst = e;
  }
  if (!(worst <= tol)) fail(`${label}: max scaled error vs float64 reference ${worst.toExponential(2)} > ${tol}`);
  return worst;
}

// ---------------------------------------------------------------- activations
function actLayer(name, x2d) {
  return tf.layers.activation({ activation: name }).apply(x2d);
}
function keras3HardSigmoid(x) {
  // Keras 3 backends: x / 6 + 0.5, then clipped to [0, 1] (float32 ops in that order).
  return tf.clipByValue(tf.add(tf.div(x, tf.scalar(6)), tf.scalar(0.5)), 0, 1);
}
const zeros = (x) => tf.zerosLike(x);
const ELEMENTWISE = [
  ['linear', 'tfjs activation linear', (x) => actLayer('linear', x)],
  ['relu', 'tfjs activation relu', (x) => actLayer('relu', x)],
  ['relu6', 'tfjs activation relu6', (x) => actLayer('relu6', x)],
  ['leaky_relu', 'tf.leakyRelu(x, 0.2)', (x) => tf.leakyRelu(x, 0.2)],
  ['elu', 'tfjs activation elu', (x) => actLayer('elu', x)],
  ['selu', 'tfjs activation selu', (x) => actLayer('selu', x)],
  ['celu', 'composed: celu(alpha=1) == elu -> tf.elu', (x) => tf.elu(x)],
  ['softplus', 'tfjs activation softplus', (x) => actLayer('softplus', x)],
  ['softsign', 'tfjs activation softsign', (x) => actLayer('softsign', x)],
  ['squareplus', 'composed', (x) => tf.div(tf.add(x, tf.sqrt(tf.add(tf.square(x), tf.scalar(4)))), tf.scalar(2))],
  ['soft_shrink', 'composed', (x) =>
    tf.where(tf.greater(x, 0.5), tf.sub(x, tf.scalar(0.5)),
      tf.where(tf.less(x, -0.5), tf.add(x, tf.scalar(0.5)), zeros(x)))],
  ['sparse_plus', 'composed', (x) =>
    tf.where(tf.lessEqual(x, -1), zeros(x),
      tf.where(tf.less(x, 1), tf.mul(tf.scalar(0.25), tf.square(tf.add(x, tf.scalar(1)))), x))],
  ['silu', 'tfjs activation swish', (x) => actLayer('swish', x)],
  ['swish', 'tfjs activation swish', (x) => actLayer('swish', x)],
  ['gelu', 'tfjs activation gelu (erf form)', (x) => actLayer('gelu', x)],
  ['gelu_approximate', 'tfjs activation gelu_new (tanh form)', (x) => actLayer('gelu_new', x)],
  ['tanh', 'tfjs activation tanh', (x) => actLayer('tanh', x)],
  ['tanh_shrink', 'composed', (x) => tf.sub(x, tf.tanh(x))],
  ['sigmoid', 'tfjs activation sigmoid', (x) => actLayer('sigmoid', x)],
  ['sparse_sigmoid', 'composed', (x) =>
    tf.where(tf.lessEqual(x, -1), zeros(x),
      tf.where(tf.greaterEqual(x, 1), tf.onesLike(x), tf.mul(tf.scalar(0.5), tf.add(x, tf.scalar(1)))))],
  ['exponential', 'tf.exp', (x) => tf.exp(x)],
  ['hard_sigmoid', 'composed (Keras 3)', keras3HardSigmoid],
  ['hard_silu', 'composed (Keras 3 hard_sigmoid)', (x) => tf.mul(x, keras3HardSigmoid(x))],
  ['hard_swish', 'composed (Keras 3 hard_sigmoid)', (x) => tf.mul(x, keras3HardSigmoid(x))],
  ['hard_tanh', 'composed', (x) => tf.clipByValue(x, -1, 1)],
  ['hard_shrink', 'composed', (x) => tf.where(tf.greater(tf.abs(x), 0.5), x, zeros(x))],
  ['mish', 'tfjs activation mish', (x) => actLayer('mish', x)],
  ['log_sigmoid', 'tf.logSigmoid', (x) => tf.logSigmoid(x)],
];

// Keras 3 values captured in KERAS_SPEC.md §3 at x = [-3, -1, -0.5, 0, 0.5, 1, 3].
const CHECK_X = [-3, -1, -0.5, 0, 0.5, 1, 3];
const KERAS3_CAPTURED = {
  relu: [0, 0, 0, 0, 0.5, 1, 3],
  sigmoid: [0.0474259, 0.268941402, 0.377540708, 0.5, 0.622459412, 0.731058598, 0.952574074],
  tanh: [-0.995054781, -0.761594176, -0.462117195, 0, 0.462117195, 0.761594176, 0.995054781],
  softplus: [0.0485874, 0.313261688, 0.474076986, 0.693147182, 0.974076986, 1.313261747, 3.048587322],
  softsign: [-0.75, -0.5, -0.333333403, 0, 0.333333403, 0.5, 0.75],
  elu: [-0.950212896, -0.632120609, -0.393469304, 0, 0.5, 1, 3],
  selu: [-1.670568705, -1.111330748, -0.691758215, 0, 0.525350511, 1.050701022, 3.152102947],
  hard_sigmoid: [0, 0.333333313, 0.416666597, 0.5, 0.583333313, 0.666666687, 1],
  swish: [-0.142277598, -0.268941402, -0.188770294, 0, 0.311229706, 0.731058598, 2.857722282],
  silu: [-0.142277598, -0.268941402, -0.188770294, 0, 0.311229706, 0.731058598, 2.857722282],
  gelu: [-0.0040497, -0.158655196, -0.154268801, 0, 0.345731199, 0.841344714, 2.995950222],
  gelu_approximate: [-0.0036373, -0.158807993, -0.154285997, 0, 0.345714003, 0.841192007, 2.996362686],
  leaky_relu: [-0.6, -0.2, -0.1, 0, 0.5, 1, 3],
  exponential: [0.0497871, 0.367879391, 0.606530607, 1, 1.648721218, 2.718281984, 20.085536957],
  mish: [-0.145647496, -0.3034015, -0.220743805, 0, 0.375245214, 0.865098417, 2.986535072],
};

// Keras' constructor forms ("relu(max_value=6)"), as KerasGen writes them: TF.js ops (or compositions of them, where
// TF.js has no parameterized op) and a float64 formula, with Keras 3's captured values where KERAS_SPEC §3 has them.
const expm1 = Math.expm1;
const PARAMETERIZED = [
  ['relu(negative_slope=0.1, max_value=2, threshold=0.5)', 'composed', (x) =>
    tf.sub(tf.clipByValue(tf.where(tf.greater(x, 0.5), x, zeros(x)), 0, 2), tf.mul(tf.scalar(0.1), tf.relu(tf.sub(tf.scalar(0.5), x)))),
  (x) => Math.min(Math.max(x > 0.5 ? x : 0, 0), 2) - 0.1 * Math.max(0.5 - x, 0),
  [-0.35, -0.15, -0.1, -0.05, 0, 1, 2]],
  ['relu(max_value=6)', 'tf.relu6', (x) => tf.relu6(x), (x) => Math.min(Math.max(x, 0), 6)],
  ['relu(threshold=-0.5)', 'composed (no clip without max_value)', (x) => tf.where(tf.greater(x, -0.5), x, zeros(x)), (x) => (x > -0.5 ? x : 0)],
  ['leaky_relu(negative_slope=0.3)', 'tf.leakyRelu(x, 0.3)', (x) => tf.leakyRelu(x, 0.3), (x) => (x >= 0 ? x : 0.3 * x),
    [-0.9, -0.3, -0.15, 0, 0.5, 1, 3]],
  ['leaky_relu(negative_slope=1.5)', 'tf.leakyRelu(x, 1.5)', (x) => tf.leakyRelu(x, 1.5), (x) => (x >= 0 ? x : 1.5 * x)],
  ['elu(alpha=0.5)', 'composed', (x) => tf.where(tf.greaterEqual(x, 0), x, tf.mul(tf.scalar(0.5), tf.sub(tf.exp(x), tf.scalar(1)))),
    (x) => (x >= 0 ? x : 0.5 * expm1(x))],
  ['celu(alpha=2)', 'composed', (x) => tf.where(tf.greaterEqual(x, 0), x, tf.mul(tf.scalar(2), tf.sub(tf.exp(tf.div(x, tf.scalar(2))), tf.scalar(1)))),
    (x) => (x >= 0 ? x : 2 * expm1(x / 2))],
  ['gelu(approximate=True)', 'tfjs activation gelu_new', (x) => actLayer('gelu_new', x),
    (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
    [-0.0036373, -0.158807993, -0.154285997, 0, 0.345714003, 0.841192007, 2.996362686]],
  ['squareplus(b=1)', 'composed', (x) => tf.div(tf.add(x, tf.sqrt(tf.add(tf.square(x), tf.scalar(1)))), tf.scalar(2)), (x) => (x + Math.sqrt(x * x + 1)) / 2],
  ['soft_shrink(threshold=1)', 'composed', (x) =>
    tf.where(tf.greater(x, 1), tf.sub(x, tf.scalar(1)), tf.where(tf.less(x, -1), tf.add(x, tf.scalar(1)), zeros(x))),
  (x) => (x > 1 ? x - 1 : x < -1 ? x + 1 : 0)],
  ['hard_shrink(threshold=1)', 'composed', (x) => tf.where(tf.greater(tf.abs(x), 1), x, zeros(x)), (x) => (Math.abs(x) > 1 ? x : 0)],
  ['threshold(threshold=0.5, default_value=-1)', 'composed', (x) => tf.where(tf.greater(x, 0.5), x, tf.fill(x.shape, -1)), (x) => (x > 0.5 ? x : -1)],
];

function makeParameterized(x, xt) {
  const out = {};
  console.log('--- parameterized activations: tol 2e-6 vs float64, 1e-6 vs Keras 3 captured ---');
  for (const [text, how, fn, f64, captured] of PARAMETERIZED) {
    const y = data(fn(xt));
    compare(`activation ${text}`, y, x.map(f64), 2e-6);
    if (captured) {
      const got = CHECK_X.map((v) => y[x.indexOf(v)]);
      const err = Math.max(...got.map((g, i) => Math.abs(g - captured[i])));
      if (!(err <= 1e-6)) fail(`captured-value check ${text}: max |diff| ${err}`);
      console.log(`check ${text} OK max|diff|=${err.toExponential(2)}`);
    }
    out[text] = y;
  }
  return out;
}

function activationInputs() {
  const base = [
    -3, -1, -0.5, 0, 0.5, 1, 3, // exact check points
    0.001, -0.001, 0.05, -0.05, // near 0
    0.99, -0.99, 1.01, -1.01, // near +-1
    2.9, -2.9, 3.1, -3.1, 0.49, -0.49, 0.51, -0.51, // near thresholds
    9, -9, 12, -12, // large
    0.25, -0.25, 0.75, -0.75, 1.5, -1.5, 2, -2, 2.5, -2.5, 4.5, -4.5, 6, -6, 7.5, -7.5,
    0.1, -0.3, 1.25, -1.75, 10.5,
  ];
  const x = [...new Set(base.map(f32))].sort((a, b) => a - b);
  if (x.length !== base.length) throw new Error('duplicate activation inputs');
  return x;
}

function sparsemaxRowF32(r) {
  // Keras 3 sparsemax (float32): sort descending, cumsum, r = 1..n,
  // support = z_sorted - (cumsum - 1) / r > 0, k = #support, tau = (cumsum[k-1] - 1) / k,
  // out = max(z - tau, 0). Also checks k against 1 + k z_(k) > sum_{j<=k} z_(j).
  const n = r.length;
  const z = [...r].sort((a, b) => b - a);
  const cs = new Array(n);
  let acc = 0;
  for (let j = 0; j < n; j++) { acc = f32(acc + z[j]); cs[j] = acc; }
  let k = 0, k2 = 0;
  for (let j = 0; j < n; j++) {
    if (f32(z[j] - f32(f32(cs[j] - 1) / (j + 1))) > 0) k++;
    if (f32(1 + f32((j + 1) * z[j])) > cs[j]) k2 = j + 1;
  }
  if (k !== k2) fail(`sparsemax support size mismatch (${k} vs ${k2}) for row ${r}`);
  const tau = f32(f32(cs[k - 1] - 1) / k);
  return r.map((v) => Math.max(f32(v - tau), 0));
}

function makeActivations() {
  const x = activationInputs();
  const xt = tf.tensor2d(x, [1, x.length], 'float32');
  const elementwise = {};
  const f64Errors = [];
  console.log('--- Keras 3 captured-value checks (KERAS_SPEC §3), tol 1e-6 ---');
  for (const [name, how, fn] of ELEMENTWISE) {
    const y = data(fn(xt));
    if (y.length !== x.length) throw new Error(name + ': wrong length');
    elementwise[name] = y;
    const e64 = compare(`activation ${name}`, y, x.map(REF64[name]), 2e-6);
    f64Errors.push(`${name}=${e64.toExponential(1)}`);
    const cap = KERAS3_CAPTURED[name];
    if (cap) {
      const got = CHECK_X.map((v) => y[x.indexOf(v)]);
      const err = Math.max(...got.map((g, i) => Math.abs(g - cap[i])));
      const ok = err <= 1e-6;
      if (!ok) fail(`captured-value check ${name}: max |diff| ${err}`);
      console.log(`check ${name.padEnd(17)} ${ok ? 'OK  ' : 'FAIL'} max|diff|=${err.toExponential(2)}  [${got.map((g) => g.toPrecision(9)).join(', ')}]`);
    }
  }
  console.log(`max |y - f64 formula| / max(1,|f64|) over all 48 x (tol 2e-6): ${f64Errors.join(' ')}`);
  // TF.js's own hardSigmoid differs from Keras 3 — record the discrepancy in the log.
  const tfjsHard = data(actLayer('hardSigmoid', tf.tensor2d(CHECK_X, [1, 7])));
  console.log(`note  tfjs 'hardSigmoid' (Keras 1/2 form, NOT used) at check x: [${tfjsHard.map((g) => g.toPrecision(9)).join(', ')}]`);

  // ---- row-wise (last axis)
  const L = 7, R = 5;
  const rng = makeRng('activations:rows');
  const rx = rng.array(L * R, -4, 4);
  rx[3 * L + 4] = 40; // numerical-stability row
  rx[4 * L + 2] = rx[4 * L + 6] = f32(3.5); // tie for the row maximum
  const rt = tf.tensor2d(rx, [R, L]);
  const softmax = data(actLayer('softmax', rt));
  const logSoftmax = data(actLayer('logSoftmax', rt));
  const sparsemax = [];
  for (let i = 0; i < R; i++) sparsemax.push(...sparsemaxRowF32(rx.slice(i * L, (i + 1) * L)));
  const rowsOf = (a, n) => Array.from({ length: a.length / n }, (_, i) => a.slice(i * n, (i + 1) * n));
  const flatMap = (f) => rowsOf(rx, L).flatMap(f);
  compare('softmax rows', softmax, flatMap(softmaxRow64), 2e-6);
  compare('log_softmax rows', logSoftmax, flatMap(logSoftmaxRow64), 2e-6);
  compare('sparsemax rows', sparsemax, flatMap(sparsemaxRow64), 2e-6);
  for (const [nm, a] of [['softmax', softmax], ['sparsemax', sparsemax]]) {
    rowsOf(a, L).forEach((row, i) => {
      const s = row.reduce((p, q) => p + q, 0);
      if (Math.abs(s - 1) > 1e-5) fail(`${nm} row ${i} sums to ${s}`);
    });
  }

  const GL = 8;
  const grng = makeRng('activations:glu');
  const gx = grng.array(GL * R, -4, 4);
  const gt = tf.tensor2d(gx, [R, GL]);
  const [ga, gb] = tf.split(gt, 2, -1);
  const gy = data(tf.mul(ga, tf.sigmoid(gb)));
  const gref = rowsOf(gx, GL).flatMap((r) => r.slice(0, GL / 2).map((a, j) => a * sig64(r[GL / 2 + j])));
  compare('glu rows', gy, gref, 2e-6);

  return {
    source: SOURCE,
    x,
    elementwise,
    parameterized: makeParameterized(x, xt),
    rows: {
      length: L,
      x: rx,
      softmax,
      log_softmax: logSoftmax,
      sparsemax,
      glu: { length: GL, x: gx, y: gy },
    },
  };
}

// ---------------------------------------------------------------- dense
const ACT64_ROW = {
  linear: (r) => r,
  relu: (r) => r.map(REF64.relu),
  sigmoid: (r) => r.map(REF64.sigmoid),
  tanh: (r) => r.map(Math.tanh),
  elu: (r) => r.map(REF64.elu),
  softmax: softmaxRow64,
};
// Dense over the last axis of a flat row-major sample buffer, float64.
function dense64(buf, inDim, kernel, bias, units, act) {
  const rows = buf.length / inDim;
  const out = [];
  for (let r = 0; r < rows; r++) {
    const acc = new Array(units).fill(0);
    for (let i = 0; i < inDim; i++) {
      const xv = buf[r * inDim + i];
      for (let u = 0; u < units; u++) acc[u] += xv * kernel[i * units + u];
    }
    if (bias.length) for (let u = 0; u < units; u++) acc[u] += bias[u];
    out.push(...ACT64_ROW[act](acc));
  }
  return out;
}
const prod = (s) => s.reduce((a, b) => a * b, 1);

const DENSE_CASES = [
  { name: 'pima_first', input_shape: [8], units: 12, activation: 'relu', use_bias: true, n: 3 },
  { name: 'odd_sigmoid', input_shape: [37], units: 19, activation: 'sigmoid', use_bias: true, n: 4 },
  { name: 'wide_tanh', input_shape: [100], units: 70, activation: 'tanh', use_bias: true, n: 2 },
  { name: 'per_step', input_shape: [5, 3], units: 16, activation: 'linear', use_bias: true, n: 2 },
  { name: 'softmax10', input_shape: [13], units: 10, activation: 'softmax', use_bias: true, n: 3 },
  { name: 'no_bias', input_shape: [20], units: 33, activation: 'relu', use_bias: false, n: 2 },
  { name: 'big', input_shape: [300], units: 130, activation: 'linear', use_bias: true, n: 2 },
  { name: 'tiny', input_shape: [1], units: 1, activation: 'sigmoid', use_bias: true, n: 5 },
  { name: 'per_step_softmax', input_shape: [4, 6], units: 9, activation: 'softmax', use_bias: true, n: 2 },
];

function makeDense() {
  const cases = [];
  for (const c of DENSE_CASES) {
    const rng = makeRng('dense:' + c.name);
    const inDim = c.input_shape[c.input_shape.length - 1];
    const kernel = rng.array(inDim * c.units, -0.5, 0.5);
    const bias = c.use_bias ? rng.array(c.units, -0.2, 0.2) : [];
    const x = rng.array(c.n * prod(c.input_shape), -2, 2);
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: c.units, activation: c.activation, useBias: c.use_bias, inputShape: c.input_shape })],
    });
    const w = [tf.tensor2d(kernel, [inDim, c.units])];
    if (c.use_bias) w.push(tf.tensor1d(bias));
    model.setWeights(w);
    const yt = model.predict(tf.tensor(x, [c.n, ...c.input_shape]));
    const output_shape = yt.shape.slice(1);
    const y = data(yt);
    const per = prod(c.input_shape);
    const ref = [];
    for (let s = 0; s < c.n; s++) ref.push(...dense64(x.slice(s * per, (s + 1) * per), inDim, kernel, bias, c.units, c.activation));
    const err = compare(`dense ${c.name}`, y, ref, 1e-5);
    console.log(`dense  ${c.name.padEnd(17)} out ${JSON.stringify(output_shape).padEnd(8)} max scaled err vs f64 ${err.toExponential(2)}`);
    cases.push({
      name: c.name, input_shape: c.input_shape, units: c.units, activation: c.activation, use_bias: c.use_bias,
      kernel, bias, n: c.n, x, output_shape, y,
    });
  }
  return { source: SOURCE, cases };
}

// ---------------------------------------------------------------- models
const MODELS = [
  {
    name: 'flatten_example', input_shape: [3, 2],
    layers: [{ kind: 'flatten' }, { kind: 'dense', units: 16 }, { kind: 'activation', activation: 'relu' }, { kind: 'dense', units: 4 }],
  },
  { name: 'per_step', input_shape: [5, 3], layers: [{ kind: 'dense', units: 16 }] },
  {
    name: 'pima', input_shape: [8],
    layers: [{ kind: 'dense', units: 12, activation: 'relu' }, { kind: 'dense', units: 8, activation: 'relu' }, { kind: 'dense', units: 1, activation: 'sigmoid' }],
  },
  {
    name: 'reshape_chain', input_shape: [6],
    layers: [
      { kind: 'dense', units: 12, activation: 'tanh' }, { kind: 'reshape', target_shape: [3, 4] },
      { kind: 'dense', units: 5, activation: 'relu' }, { kind: 'flatten' }, { kind: 'dense', units: 2, activation: 'softmax' },
    ],
  },
  {
    name: 'dropout_inference', input_shape: [4],
    layers: [{ kind: 'dense', units: 10, activation: 'relu' }, { kind: 'dropout', rate: 0.5 }, { kind: 'dense', units: 3 }],
  },
  {
    name: 'activation_layers', input_shape: [7],
    layers: [
      { kind: 'dense', units: 9 }, { kind: 'activation', activation: 'elu' },
      { kind: 'dense', units: 6 }, { kind: 'activation', activation: 'softmax' },
    ],
  },
];

function describe(l) {
  switch (l.kind) {
    case 'dense': return `Dense(${l.units}${l.activation ? `, activation='${l.activation}'` : ''})`;
    case 'flatten': return 'Flatten()';
    case 'activation': return `Activation('${l.activation}')`;
    case 'reshape': return `Reshape((${l.target_shape.join(', ')}))`;
    case 'dropout': return `Dropout(${l.rate})`;
    default: throw new Error(l.kind);
  }
}
function tfLayer(l, first, inputShape) {
  const extra = first ? { inputShape } : {};
  switch (l.kind) {
    case 'dense': return tf.layers.dense({ units: l.units, activation: l.activation || 'linear', ...extra });
    case 'flatten': return tf.layers.flatten(extra);
    case 'activation': return tf.layers.activation({ activation: l.activation, ...extra });
    case 'reshape': return tf.layers.reshape({ targetShape: l.target_shape, ...extra });
    case 'dropout': return tf.layers.dropout({ rate: l.rate, ...extra });
    default: throw new Error(l.kind);
  }
}
// float64 forward of one sample (flat row-major buffer + shape without batch).
function forward64(spec, weights, sample) {
  let buf = sample, shape = spec.input_shape.slice();
  let wi = 0;
  for (const l of spec.layers) {
    if (l.kind === 'dense') {
      const inDim = shape[shape.length - 1];
      const k = weights[wi++], b = weights[wi++];
      buf = dense64(buf, inDim, k.values, b.values, l.units, l.activation || 'linear');
      shape = [...shape.slice(0, -1), l.units];
    } else if (l.kind === 'flatten') {
      shape = [prod(shape)];
    } else if (l.kind === 'reshape') {
      shape = l.target_shape.slice();
    } else if (l.kind === 'activation') {
      const last = shape[shape.length - 1];
      const out = [];
      for (let r = 0; r < buf.length / last; r++) out.push(...ACT64_ROW[l.activation](buf.slice(r * last, (r + 1) * last)));
      buf = out;
    } // dropout: identity at inference
  }
  return buf;
}

function makeModels() {
  const models = [];
  const N = 3;
  for (const spec of MODELS) {
    const model = tf.sequential();
    spec.layers.forEach((l, i) => model.add(tfLayer(l, i === 0, spec.input_shape)));
    const rng = makeRng('models:' + spec.name);
    const newW = model.getWeights().map((t) => {
      const isBias = t.shape.length === 1;
      return tf.tensor(rng.array(prod(t.shape), isBias ? -0.2 : -0.5, isBias ? 0.2 : 0.5), t.shape);
    });
    model.setWeights(newW);
    const weights = model.getWeights().map((t) => ({ shape: t.shape, values: data(t) }));
    const x = rng.array(N * prod(spec.input_shape), -2, 2);
    const yt = model.predict(tf.tensor(x, [N, ...spec.input_shape]));
    const output_shape = yt.shape.slice(1);
    const y = data(yt);
    const per = prod(spec.input_shape);
    const ref = [];
    for (let s = 0; s < N; s++) ref.push(...forward64(spec, weights, x.slice(s * per, (s + 1) * per)));
    const err = compare(`model ${spec.name}`, y, ref, 1e-5);
    console.log(`model  ${spec.name.padEnd(17)} out ${JSON.stringify(output_shape).padEnd(8)} weights ${weights.length}  max scaled err vs f64 ${err.toExponential(2)}`);
    models.push({
      name: spec.name,
      layers: spec.layers.map(describe),
      input_shape: spec.input_shape,
      weights,
      n: N,
      x,
      output_shape,
      y,
    });
  }
  return { source: SOURCE, models };
}

// ---------------------------------------------------------------- main
async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error('backend is ' + tf.getBackend());
  if (tf.version.tfjs !== TFJS_VERSION) throw new Error('expected tfjs ' + TFJS_VERSION + ', got ' + tf.version.tfjs);
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`);

  const acts = makeActivations();
  const dense = makeDense();
  const models = makeModels();
  if (failures) {
    console.error(`${failures} check(s) failed; fixtures NOT written`);
    process.exit(1);
  }
  const p1 = writeJson('activations.json', acts);
  const p2 = writeJson('dense.json', dense);
  const p3 = writeJson('models.json', models);

  console.log('--- summary ---');
  const allAct = [...Object.values(acts.elementwise).flat(), acts.rows.softmax, acts.rows.log_softmax, acts.rows.sparsemax, acts.rows.glu.y].flat();
  console.log(`${path.relative(process.cwd(), p1)}: ${Object.keys(acts.elementwise).length} elementwise x ${acts.x.length} values, rows ${acts.rows.x.length / acts.rows.length}x${acts.rows.length} (softmax, log_softmax, sparsemax) + glu 5x8->5x4; max |y| ${maxAbs(allAct)}`);
  console.log(`${path.relative(process.cwd(), p2)}: ${dense.cases.length} cases; max |y| ${maxAbs(dense.cases.flatMap((c) => c.y))}`);
  console.log(`${path.relative(process.cwd(), p3)}: ${models.models.length} models; max |y| ${maxAbs(models.models.flatMap((m) => m.y))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
