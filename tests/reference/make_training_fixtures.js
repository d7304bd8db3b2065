'use strict';
/*
 * make_training_fixtures.js — reference training fixtures (loss + optimizer steps) for the
 * KerasGen C# tests.
 *
 * Produces ../KerasGen.Tests/Fixtures/training.json:
 *   cases[]   12 small Dense-only Sequential models; each is compiled with a loss and an
 *             optimizer and trained with model.trainOnBatch three times on the same batch
 *             (N = 6). Recorded: initial weights (Keras get_weights order), x, y, and for each
 *             step the value trainOnBatch returned (= the loss at the weights *before* that
 *             step) and all weights after the step.
 *   long_run  the Pima-like net 8-12-8-1 (relu, relu, sigmoid), binary_crossentropy,
 *             adam(0.001), N = 10, 100 trainOnBatch calls on the same batch: the 100 returned
 *             losses and the final weights.
 *
 * How to run (from this folder):   npm ci && node make_training_fixtures.js
 * Deterministic: weights / x / y come from a seeded mulberry32 PRNG (one stream per case,
 * seeded from the case name; drawn in the order weights, x, y), rounded to float32 with
 * Math.fround. Training is real TF.js 4.22.0 (@tensorflow/tfjs, 'cpu' backend):
 * tf.sequential + tf.layers.dense/flatten + model.compile({optimizer, loss}) +
 * model.trainOnBatch. Every number in the data arrays is a float32 value.
 *
 * Semantics are Keras 3 (/work/shared/KERAS_SPEC.md §4 losses, §5 optimizers, §7.3 fit).
 * TF.js vs Keras 3, case by case (KERAS_SPEC §4.1/4.2, §5.4):
 *   reduction        TF.js: mean of the per-sample losses over all elements = Keras 3
 *                    "sum_over_batch_size" (no sample weights, no regularizers here).
 *   mse, mae, poisson, categorical_crossentropy (renormalise + clip)   identical formulas.
 *   binary_crossentropy   TF.js goes through logit(clip(p)) + sigmoid-xent; same value and
 *                    gradient as Keras 3's clip formula for unsaturated p (float32 rounding).
 *   sparse_categorical_crossentropy   TF.js clips p before the renormalise+clip of CCE; no
 *                    effect for unsaturated softmax outputs. Targets are class ids (floats),
 *                    shape [N, 1] (TF.js requires the trailing 1).
 *   kl_divergence    TF.js multiplies by the *unclipped* y (Keras 3: clip(y, eps, 1)); same here
 *                    because every target entry is > eps.
 *   hinge            TF.js has no {0,1} -> {-1,+1} label conversion; targets here are -1/+1,
 *                    where Keras 3 does not convert either -> same.
 *   huber            not in TF.js: Keras 3 huber (delta 1, mean over the last axis) is passed to
 *                    compile as a custom loss function composed of float32 tf ops (keras3Huber).
 *   optimizers       sgd, momentum (= Keras SGD(momentum[, nesterov]) for constant lr),
 *                    rmsprop (momentum 0, not centered), adagrad (accumulator 0.1, sqrt(a+eps)),
 *                    adamax: same update rules as Keras 3.
 *                    adam: TF.js adds epsilon to sqrt of the bias-corrected v
 *                    (w -= lr*mhat/(sqrt(vhat)+eps)); Keras 3 adds it to the uncorrected sqrt(v)
 *                    (w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)). NOT worked around (the
 *                    brief asks for tf.train.adam); the size of the effect is measured with the
 *                    float64 emulation below and printed ("adam eps placement").
 *
 * Self-checks (exit 1, nothing written, if any fails):
 *   - step-1 loss of every case (and of long_run) vs an independent float64 computation of the
 *     Keras 3 loss at the initial weights: relative error <= 1e-5;
 *   - "sgd_mse" step-1 weights vs a hand-written float64 forward/backward + SGD step;
 *   - every step (loss + weights) of every case vs a float64 emulation of Keras 3 training
 *     (generic Dense/Flatten forward/backward, Keras 3 loss formulas and update rules; adam with
 *     the TF.js epsilon placement so that it checks TF.js itself);
 *   - model.fit(x, y, {batchSize: N, epochs, shuffle: false}) on a fresh model reproduces the
 *     trainOnBatch losses (history.loss) and the final weights.
 */

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { mulberry32, fnv1a } = require('./seeded_random');

const TFJS_VERSION = '4.22.0';
const OUT_DIR = path.join(__dirname, '..', 'KerasGen.Tests', 'Fixtures');
const SOURCE = `tests/reference/make_training_fixtures.js; @tensorflow/tfjs ${TFJS_VERSION}, cpu backend; float32; model.trainOnBatch`;

const f32 = Math.fround;
let failures = 0;
function fail(msg) {
  failures++;
  console.error('FAIL: ' + msg);
}

// ---------------------------------------------------------------- PRNG (as make_fixtures.js)
function makeRng(name) {
  const r = mulberry32(fnv1a(name));
  return {
    next: r,
    uniform: (lo, hi) => f32(lo + (hi - lo) * r()),
    array(n, lo, hi) {
      const a = new Array(n);
      for (let i = 0; i < n; i++) a[i] = this.uniform(lo, hi);
      return a;
    },
    int: (k) => Math.floor(r() * k),
  };
}

// ---------------------------------------------------------------- JSON writer
// As make_fixtures.js; numbers must be float32 values, except inside "optimizer" (hyperparameters
// are written as the decimal the Keras user types, e.g. 0.1, 1e-7).
function fmtNum(n, strict) {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error('non-finite number: ' + n);
  if (strict && !Number.isInteger(n) && f32(n) !== n) throw new Error('not a float32 value: ' + n);
  if (Object.is(n, -0)) return '0';
  return String(n);
}
function toJson(v, indent, strict = true) {
  const ind = indent + '  ';
  const fmt = (n) => fmtNum(n, strict);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((e) => typeof e === 'number')) {
      if (v.length <= 12) return '[' + v.map(fmt).join(', ') + ']';
      const lines = [];
      for (let i = 0; i < v.length; i += 10) lines.push(ind + v.slice(i, i + 10).map(fmt).join(', '));
      return '[\n' + lines.join(',\n') + '\n' + indent + ']';
    }
    return '[\n' + v.map((e) => ind + toJson(e, ind, strict)).join(',\n') + '\n' + indent + ']';
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    return '{\n' + keys.map((k) => ind + JSON.stringify(k) + ': ' + toJson(v[k], ind, strict && k !== 'optimizer')).join(',\n') + '\n' + indent + '}';
  }
  if (typeof v === 'number') return fmt(v);
  return JSON.stringify(v);
}
function writeJson(file, obj) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const p = path.join(OUT_DIR, file);
  fs.writeFileSync(p, toJson(obj, '') + '\n');
  return p;
}

const data = (t) => Array.from(t.dataSync());
const prod = (s) => s.reduce((a, b) => a * b, 1);
const maxAbs = (a) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
// max |a-b| / max(1, |b|)
function scaledErr(got, ref) {
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const e = Math.abs(got[i] - ref[i]) / Math.max(1, Math.abs(ref[i]));
    if (!(e <= worst)) worst = e;
  }
  return worst;
}
const relErr = (got, ref) => Math.abs(got - ref) / Math.max(Math.abs(ref), 1e-30);

// ---------------------------------------------------------------- float64 Keras 3 emulation
const EPS = 1e-7;
const clip = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
const inside = (v, lo, hi) => v >= lo && v <= hi; // gradient of clip passes inside [lo, hi]
const sig64 = (x) => 1 / (1 + Math.exp(-x));
const softplus64 = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

// Row activations: forward f(z row) and backward (z, a, da) -> dz.
const ACT64 = {
  linear: { f: (z) => z.slice(), b: (z, a, da) => da.slice() },
  relu: { f: (z) => z.map((v) => Math.max(v, 0)), b: (z, a, da) => da.map((d, i) => (z[i] > 0 ? d : 0)) },
  tanh: { f: (z) => z.map(Math.tanh), b: (z, a, da) => da.map((d, i) => d * (1 - a[i] * a[i])) },
  sigmoid: { f: (z) => z.map(sig64), b: (z, a, da) => da.map((d, i) => d * a[i] * (1 - a[i])) },
  softplus: { f: (z) => z.map(softplus64), b: (z, a, da) => da.map((d, i) => d * sig64(z[i])) },
  softmax: {
    f: (z) => {
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((p, q) => p + q, 0);
      return e.map((v) => v / s);
    },
    b: (z, a, da) => {
      const dot = da.reduce((s, d, i) => s + d * a[i], 0);
      return a.map((ai, i) => ai * (da[i] - dot));
    },
  },
};

// Keras 3 per-row losses (KERAS_SPEC §4.1): (y row, p row) -> { l: value, g: dl/dp }.
const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
function cce64(y, p) {
  // p <- p / sum(p); p <- clip(p, eps, 1-eps); -sum y log p
  const C = p.length;
  const s = p.reduce((a, b) => a + b, 0);
  const q = p.map((v) => v / s);
  const pc = q.map((v) => clip(v, EPS, 1 - EPS));
  const l = -y.reduce((acc, yi, i) => acc + yi * Math.log(pc[i]), 0);
  const dq = q.map((v, i) => (inside(v, EPS, 1 - EPS) ? -y[i] / pc[i] : 0));
  const dotq = dq.reduce((acc, d, j) => acc + d * q[j], 0);
  return { l, g: Array.from({ length: C }, (_, i) => (dq[i] - dotq) / s) };
}
const LOSS64 = {
  mean_squared_error: (y, p) => ({ l: mean(p.map((v, i) => (v - y[i]) ** 2)), g: p.map((v, i) => (2 * (v - y[i])) / p.length) }),
  mean_absolute_error: (y, p) => ({ l: mean(p.map((v, i) => Math.abs(v - y[i]))), g: p.map((v, i) => Math.sign(v - y[i]) / p.length) }),
  binary_crossentropy: (y, p) => {
    const pc = p.map((v) => clip(v, EPS, 1 - EPS));
    return {
      l: mean(pc.map((v, i) => -(y[i] * Math.log(v) + (1 - y[i]) * Math.log(1 - v)))),
      g: p.map((v, i) => (inside(v, EPS, 1 - EPS) ? (-y[i] / pc[i] + (1 - y[i]) / (1 - pc[i])) / p.length : 0)),
    };
  },
  categorical_crossentropy: cce64,
  sparse_categorical_crossentropy: (y, p) => cce64(p.map((_, i) => (i === y[0] ? 1 : 0)), p),
  huber: (y, p) => {
    const d = 1;
    const e = p.map((v, i) => v - y[i]);
    return {
      l: mean(e.map((v) => (Math.abs(v) <= d ? 0.5 * v * v : d * Math.abs(v) - 0.5 * d * d))),
      g: e.map((v) => (Math.abs(v) <= d ? v : d * Math.sign(v)) / p.length),
    };
  },
  poisson: (y, p) => ({ l: mean(p.map((v, i) => v - y[i] * Math.log(v + EPS))), g: p.map((v, i) => (1 - y[i] / (v + EPS)) / p.length) }),
  kl_divergence: (y, p) => {
    const yc = y.map((v) => clip(v, EPS, 1));
    const pc = p.map((v) => clip(v, EPS, 1));
    return { l: yc.reduce((s, v, i) => s + v * Math.log(v / pc[i]), 0), g: p.map((v, i) => (inside(v, EPS, 1) ? -yc[i] / pc[i] : 0)) };
  },
  hinge: (y, p) => {
    // Keras 3 converts {0,1} labels to {-1,1} only if all labels are 0 or 1 (not the case here).
    const m = p.map((v, i) => 1 - y[i] * v);
    return { l: mean(m.map((v) => Math.max(v, 0))), g: m.map((v, i) => (v > 0 ? -y[i] / p.length : 0)) };
  },
};

// Forward + backward over the batch, float64. weights: array of flat value arrays in
// get_weights order. Returns { loss, grads, out } (loss reduced like Keras 3 sum_over_batch_size).
function lossAndGrads64(spec, weights, x, y, n) {
  const perX = prod(spec.input_shape);
  const grads = weights.map((w) => new Array(w.length).fill(0));
  const samples = [];
  let rowsTotal = 0;
  for (let s = 0; s < n; s++) {
    let buf = x.slice(s * perX, (s + 1) * perX);
    let lastDim = spec.input_shape[spec.input_shape.length - 1];
    const caches = [];
    let wi = 0;
    for (const l of spec.layers) {
      if (l.kind === 'flatten') { lastDim = buf.length; continue; }
      const K = weights[wi], B = weights[wi + 1];
      const rows = buf.length / lastDim, z = [], a = [];
      for (let r = 0; r < rows; r++) {
        const zr = new Array(l.units).fill(0);
        for (let i = 0; i < lastDim; i++) for (let u = 0; u < l.units; u++) zr[u] += buf[r * lastDim + i] * K[i * l.units + u];
        for (let u = 0; u < l.units; u++) zr[u] += B[u];
        z.push(zr);
        a.push(ACT64[l.activation].f(zr));
      }
      caches.push({ inp: buf, inDim: lastDim, units: l.units, rows, z, a, act: l.activation, wi });
      buf = a.flat();
      lastDim = l.units;
      wi += 2;
    }
    samples.push({ caches, out: buf, outDim: lastDim });
    rowsTotal += buf.length / lastDim;
  }
  const perY = y.length / n;
  let loss = 0;
  for (let s = 0; s < n; s++) {
    const { caches, out, outDim } = samples[s];
    const ys = y.slice(s * perY, (s + 1) * perY);
    const rows = out.length / outDim, yRow = ys.length / rows;
    let dbuf = [];
    for (let r = 0; r < rows; r++) {
      const { l, g } = LOSS64[spec.loss](ys.slice(r * yRow, (r + 1) * yRow), out.slice(r * outDim, (r + 1) * outDim));
      loss += l / rowsTotal;
      dbuf.push(...g.map((v) => v / rowsTotal));
    }
    for (let c = caches.length - 1; c >= 0; c--) {
      const { inp, inDim, units, rows: R, z, a, act, wi } = caches[c];
      const K = weights[wi], dK = grads[wi], dB = grads[wi + 1];
      const dinp = new Array(inp.length).fill(0);
      for (let r = 0; r < R; r++) {
        const dz = ACT64[act].b(z[r], a[r], dbuf.slice(r * units, (r + 1) * units));
        for (let u = 0; u < units; u++) {
          dB[u] += dz[u];
          for (let i = 0; i < inDim; i++) {
            dK[i * units + u] += inp[r * inDim + i] * dz[u];
            dinp[r * inDim + i] += dz[u] * K[i * units + u];
          }
        }
      }
      dbuf = dinp; // Flatten is a no-op on the flat per-sample buffer
    }
  }
  return { loss, grads };
}

// Keras 3 update rules (KERAS_SPEC §5.2), float64. adamEps: 'keras3' | 'tfjs' placement.
function makeOpt64(o, adamEps = 'keras3') {
  const st = {};
  let t = 0;
  const slot = (k, i, len, init = 0) => {
    st[k] = st[k] || [];
    if (!st[k][i]) st[k][i] = new Array(len).fill(init);
    return st[k][i];
  };
  return function step(weights, grads) {
    t++;
    weights.forEach((w, vi) => {
      const g = grads[vi];
      const lr = o.learning_rate;
      if (o.name === 'sgd') {
        const mu = o.momentum || 0;
        if (mu === 0) { for (let i = 0; i < w.length; i++) w[i] -= lr * g[i]; return; }
        const m = slot('m', vi, w.length);
        for (let i = 0; i < w.length; i++) {
          m[i] = mu * m[i] - lr * g[i];
          w[i] += o.nesterov ? mu * m[i] - lr * g[i] : m[i];
        }
      } else if (o.name === 'adam') {
        const m = slot('m', vi, w.length), v = slot('v', vi, w.length);
        const b1 = o.beta_1, b2 = o.beta_2, eps = o.epsilon;
        for (let i = 0; i < w.length; i++) {
          m[i] += (g[i] - m[i]) * (1 - b1);
          v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
          if (adamEps === 'keras3') w[i] -= ((lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t)) * (m[i] / (Math.sqrt(v[i]) + eps));
          else w[i] -= (lr * (m[i] / (1 - b1 ** t))) / (Math.sqrt(v[i] / (1 - b2 ** t)) + eps);
        }
      } else if (o.name === 'rmsprop') {
        const v = slot('v', vi, w.length);
        for (let i = 0; i < w.length; i++) {
          v[i] = o.rho * v[i] + (1 - o.rho) * g[i] * g[i];
          w[i] -= (lr * g[i]) / Math.sqrt(v[i] + o.epsilon);
        }
      } else if (o.name === 'adagrad') {
        const a = slot('a', vi, w.length, o.initial_accumulator_value);
        for (let i = 0; i < w.length; i++) {
          a[i] += g[i] * g[i];
          w[i] -= (lr * g[i]) / Math.sqrt(a[i] + o.epsilon);
        }
      } else if (o.name === 'adamax') {
        const m = slot('m', vi, w.length), u = slot('u', vi, w.length);
        for (let i = 0; i < w.length; i++) {
          m[i] += (g[i] - m[i]) * (1 - o.beta_1);
          u[i] = Math.max(o.beta_2 * u[i], Math.abs(g[i]));
          w[i] -= (lr * m[i]) / ((1 - o.beta_1 ** t) * (u[i] + o.epsilon));
        }
      } else throw new Error('optimizer ' + o.name);
    });
  };
}
// Train `steps` steps in float64 from the initial weights; returns per-step loss and weights.
function train64(spec, opt, weights0, x, y, n, steps, adamEps) {
  const w = weights0.map((r) => r.values.slice());
  const step = makeOpt64(opt, adamEps);
  const out = [];
  for (let k = 0; k < steps; k++) {
    const { loss, grads } = lossAndGrads64(spec, w, x, y, n);
    step(w, grads);
    out.push({ loss, weights: w.map((a) => a.slice()) });
  }
  return out;
}

// Hand-written float64 forward/backward + SGD step for "sgd_mse" (Dense(5,tanh) -> Dense(2),
// mean_squared_error, sum_over_batch_size over N*1 rows). Independent of lossAndGrads64.
function sgdMseStep64(W, x, y, n, lr) {
  const [K1, b1, K2, b2] = W.map((r) => r.values);
  const dK1 = new Array(20).fill(0), db1 = new Array(5).fill(0), dK2 = new Array(10).fill(0), db2 = [0, 0];
  let loss = 0;
  for (let s = 0; s < n; s++) {
    const xs = x.slice(4 * s, 4 * s + 4), ys = y.slice(2 * s, 2 * s + 2);
    const h = [0, 1, 2, 3, 4].map((j) => Math.tanh(b1[j] + xs.reduce((a, xi, i) => a + xi * K1[i * 5 + j], 0)));
    const o = [0, 1].map((k) => b2[k] + h.reduce((a, hj, j) => a + hj * K2[j * 2 + k], 0));
    loss += ((o[0] - ys[0]) ** 2 + (o[1] - ys[1]) ** 2) / 2 / n;
    const dO = [0, 1].map((k) => (2 * (o[k] - ys[k])) / 2 / n); // d/do of mean over 2 outputs, mean over n
    for (let k = 0; k < 2; k++) { db2[k] += dO[k]; for (let j = 0; j < 5; j++) dK2[j * 2 + k] += h[j] * dO[k]; }
    const dZ1 = [0, 1, 2, 3, 4].map((j) => (dO[0] * K2[j * 2] + dO[1] * K2[j * 2 + 1]) * (1 - h[j] * h[j]));
    for (let j = 0; j < 5; j++) { db1[j] += dZ1[j]; for (let i = 0; i < 4; i++) dK1[i * 5 + j] += xs[i] * dZ1[j]; }
  }
  const upd = (w, g) => w.map((v, i) => v - lr * g[i]);
  return { loss, weights: [upd(K1, dK1), upd(b1, db1), upd(K2, dK2), upd(b2, db2)] };
}

// ---------------------------------------------------------------- TF.js side
// Keras 3 huber (delta = 1): e = yPred - yTrue; mean over last axis of
// 0.5 e^2 if |e| <= delta else delta |e| - 0.5 delta^2.
// The branch mask is tf.step(|e| - delta) (1 iff |e| > delta, 0 at equality), because
// tf.lessEqual has no registered gradient in TF.js and gradients cannot be stopped otherwise;
// tf.step's gradient is zero, so only the selected branch is differentiated (as in Keras).
function keras3Huber(yTrue, yPred) {
  return tf.tidy(() => {
    const delta = tf.scalar(1), half = tf.scalar(0.5);
    const err = tf.sub(yPred, yTrue);
    const absErr = tf.abs(err);
    const quad = tf.mul(half, tf.square(err));
    const lin = tf.sub(tf.mul(delta, absErr), tf.mul(half, tf.square(delta)));
    const isLinear = tf.cast(tf.step(tf.sub(absErr, delta)), 'bool');
    return tf.mean(tf.where(isLinear, lin, quad), -1);
  });
}
// Keras 3 loss id -> TF.js compile loss.
const TFJS_LOSS = {
  mean_squared_error: 'meanSquaredError',
  mean_absolute_error: 'meanAbsoluteError',
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  kl_divergence: 'kullbackLeiblerDivergence',
  poisson: 'poisson',
  hinge: 'hinge',
  huber: keras3Huber,
};
// Keras 3 optimizer config -> fresh TF.js optimizer (KERAS_SPEC §5.4).
function tfjsOptimizer(o) {
  switch (o.name) {
    case 'sgd':
      return o.momentum ? tf.train.momentum(o.learning_rate, o.momentum, !!o.nesterov) : tf.train.sgd(o.learning_rate);
    case 'adam': return tf.train.adam(o.learning_rate, o.beta_1, o.beta_2, o.epsilon);
    case 'rmsprop': return tf.train.rmsprop(o.learning_rate, o.rho, 0, o.epsilon);
    case 'adagrad': return tf.train.adagrad(o.learning_rate, o.initial_accumulator_value);
    case 'adamax': return tf.train.adamax(o.learning_rate, o.beta_1, o.beta_2, o.epsilon);
    default: throw new Error(o.name);
  }
}
function tfjsOptimizerText(o) {
  switch (o.name) {
    case 'sgd': return o.momentum ? `tf.train.momentum(${o.learning_rate}, ${o.momentum}${o.nesterov ? ', true' : ''})` : `tf.train.sgd(${o.learning_rate})`;
    case 'adam': return `tf.train.adam(${o.learning_rate}, ${o.beta_1}, ${o.beta_2}, ${o.epsilon})`;
    case 'rmsprop': return `tf.train.rmsprop(${o.learning_rate}, ${o.rho}, 0, ${o.epsilon})`;
    case 'adagrad': return `tf.train.adagrad(${o.learning_rate}, ${o.initial_accumulator_value})`;
    case 'adamax': return `tf.train.adamax(${o.learning_rate}, ${o.beta_1}, ${o.beta_2}, ${o.epsilon})`;
    default: throw new Error(o.name);
  }
}

const dense = (units, activation = 'linear') => ({ kind: 'dense', units, activation });
const FLATTEN = { kind: 'flatten' };
function describe(l) {
  if (l.kind === 'flatten') return 'Flatten()';
  return `Dense(${l.units}${l.activation !== 'linear' ? `, activation='${l.activation}'` : ''})`;
}
function buildModel(spec) {
  const model = tf.sequential();
  spec.layers.forEach((l, i) => {
    const extra = i === 0 ? { inputShape: spec.input_shape } : {};
    model.add(l.kind === 'flatten' ? tf.layers.flatten(extra) : tf.layers.dense({ units: l.units, activation: l.activation, ...extra }));
  });
  return model;
}

const SGD = (lr) => ({ name: 'sgd', learning_rate: lr });
const CASES = [
  { name: 'sgd_mse', input_shape: [4], layers: [dense(5, 'tanh'), dense(2)], loss: 'mean_squared_error', optimizer: SGD(0.1) },
  { name: 'momentum_mse', input_shape: [4], layers: [dense(5, 'tanh'), dense(2)], loss: 'mean_squared_error', optimizer: { name: 'sgd', learning_rate: 0.1, momentum: 0.9 } },
  { name: 'nesterov_mse', input_shape: [4], layers: [dense(5, 'tanh'), dense(2)], loss: 'mean_squared_error', optimizer: { name: 'sgd', learning_rate: 0.1, momentum: 0.9, nesterov: true } },
  { name: 'adam_bce', input_shape: [4], layers: [dense(6, 'relu'), dense(1, 'sigmoid')], loss: 'binary_crossentropy', optimizer: { name: 'adam', learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 } },
  { name: 'rmsprop_cce', input_shape: [4], layers: [dense(5, 'relu'), dense(3, 'softmax')], loss: 'categorical_crossentropy', optimizer: { name: 'rmsprop', learning_rate: 0.01, rho: 0.9, momentum: 0, epsilon: 1e-7 } },
  { name: 'adagrad_mae', input_shape: [4], layers: [dense(5, 'relu'), dense(2)], loss: 'mean_absolute_error', optimizer: { name: 'adagrad', learning_rate: 0.1, initial_accumulator_value: 0.1, epsilon: 1e-7 } },
  { name: 'adamax_huber', input_shape: [4], layers: [dense(5, 'tanh'), dense(2)], loss: 'huber', optimizer: { name: 'adamax', learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 } },
  { name: 'sgd_sparse_cce', input_shape: [4], layers: [dense(5, 'relu'), dense(3, 'softmax')], loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.1) },
  { name: 'sgd_poisson', input_shape: [4], layers: [dense(3), dense(2, 'softplus')], loss: 'poisson', optimizer: SGD(0.05) },
  { name: 'sgd_kld', input_shape: [4], layers: [dense(5, 'relu'), dense(3, 'softmax')], loss: 'kl_divergence', optimizer: SGD(0.1) },
  { name: 'sgd_hinge', input_shape: [4], layers: [dense(5, 'tanh'), dense(1, 'tanh')], loss: 'hinge', optimizer: SGD(0.1) },
  { name: 'sgd_per_step', input_shape: [3, 4], layers: [dense(5, 'relu'), FLATTEN, dense(2)], loss: 'mean_squared_error', optimizer: SGD(0.1) },
];
const LONG_RUN = {
  name: 'pima_adam_long_run', input_shape: [8], layers: [dense(12, 'relu'), dense(8, 'relu'), dense(1, 'sigmoid')],
  loss: 'binary_crossentropy', optimizer: { name: 'adam', learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  n: 10, x_range: 2, steps: 100,
};

// Targets as the loss needs; returns { y (flat), yShape }.
function makeTargets(rng, loss, n, outDim) {
  const y = [];
  switch (loss) {
    case 'binary_crossentropy':
      for (let i = 0; i < n * outDim; i++) y.push(rng.next() < 0.5 ? 0 : 1);
      if (new Set(y).size < 2) throw new Error('bce targets: one class only');
      return { y, yShape: [n, outDim] };
    case 'categorical_crossentropy':
      for (let i = 0; i < n; i++) { const c = rng.int(outDim); for (let j = 0; j < outDim; j++) y.push(j === c ? 1 : 0); }
      return { y, yShape: [n, outDim] };
    case 'sparse_categorical_crossentropy':
      for (let i = 0; i < n; i++) y.push(rng.int(outDim));
      return { y, yShape: [n, 1] };
    case 'kl_divergence':
      for (let i = 0; i < n; i++) {
        const r = Array.from({ length: outDim }, () => 0.05 + rng.next());
        const s = r.reduce((a, b) => a + b, 0);
        y.push(...r.map((v) => f32(v / s)));
      }
      return { y, yShape: [n, outDim] };
    case 'poisson':
      return { y: rng.array(n * outDim, 0.1, 3), yShape: [n, outDim] };
    case 'hinge':
      for (let i = 0; i < n * outDim; i++) y.push(rng.next() < 0.5 ? -1 : 1);
      if (new Set(y).size < 2) throw new Error('hinge targets: one class only');
      return { y, yShape: [n, outDim] };
    default: // regression: mse, mae, huber
      return { y: rng.array(n * outDim, -1, 1), yShape: [n, outDim] };
  }
}

// Build + initialise + compile a model for spec; returns { model, weights (initial records) }.
function freshModel(spec, initialWeights) {
  const model = buildModel(spec);
  model.setWeights(initialWeights.map((r) => tf.tensor(r.values, r.shape)));
  model.compile({ optimizer: tfjsOptimizer(spec.optimizer), loss: TFJS_LOSS[spec.loss] });
  return model;
}
const getWeights = (model) => model.getWeights().map((t) => ({ shape: t.shape, values: data(t) }));

// Common preparation: weights, x, y from the case's PRNG stream.
function prepare(spec, n, xRange) {
  const rng = makeRng('training:' + spec.name);
  const model = buildModel(spec);
  const weights = model.getWeights().map((t) => {
    const isBias = t.shape.length === 1;
    return { shape: t.shape, values: rng.array(prod(t.shape), isBias ? -0.1 : -0.5, isBias ? 0.1 : 0.5) };
  });
  const x = rng.array(n * prod(spec.input_shape), -xRange, xRange);
  const outDim = spec.layers[spec.layers.length - 1].units;
  const { y, yShape } = makeTargets(rng, spec.loss, n, outDim);
  return { weights, x, y, yShape };
}

async function trainTfjs(spec, weights, x, y, yShape, n, steps) {
  const model = freshModel(spec, weights);
  const xt = tf.tensor(x, [n, ...spec.input_shape]);
  const yt = tf.tensor(y, yShape);
  const out = [];
  for (let k = 0; k < steps; k++) {
    const loss = await model.trainOnBatch(xt, yt);
    if (typeof loss !== 'number') throw new Error('trainOnBatch returned ' + loss);
    out.push({ loss, weights: getWeights(model) });
  }
  return out;
}
// model.fit on a fresh model, one batch per epoch, no shuffling: must match trainOnBatch.
async function checkFit(spec, weights, x, y, yShape, n, steps, tob) {
  const model = freshModel(spec, weights);
  const h = await model.fit(tf.tensor(x, [n, ...spec.input_shape]), tf.tensor(y, yShape), { batchSize: n, epochs: steps, shuffle: false, verbose: 0 });
  const fl = h.history.loss.map((v) => (typeof v === 'number' ? v : v.dataSync()[0]));
  const lossErr = Math.max(...fl.map((v, i) => relErr(v, tob[i].loss)));
  const wFit = getWeights(model).flatMap((r) => r.values);
  const wTob = tob[steps - 1].weights.flatMap((r) => r.values);
  const wErr = scaledErr(wFit, wTob);
  if (!(lossErr <= 1e-6) || !(wErr <= 1e-7)) fail(`${spec.name}: model.fit(shuffle:false) differs from trainOnBatch: loss rel ${lossErr}, weights ${wErr}`);
  return { lossErr, wErr };
}

function checkStep1Loss(name, got, ref) {
  const e = relErr(got, ref);
  const ok = e <= 1e-5;
  if (!ok) fail(`${name}: step-1 loss ${got} vs float64 Keras 3 loss ${ref} (rel ${e})`);
  console.log(`check ${name.padEnd(18)} step1 loss tfjs=${got.toPrecision(9)} f64(keras3)=${ref.toPrecision(9)} rel=${e.toExponential(2)} ${ok ? 'OK' : 'FAIL'}`);
}

async function makeCase(spec) {
  const N = 6;
  const { weights, x, y, yShape } = prepare(spec, N, 1.5);
  const tob = await trainTfjs(spec, weights, x, y, yShape, N, 3);
  const emu = train64(spec, spec.optimizer, weights, x, y, N, 3, 'tfjs');

  checkStep1Loss(spec.name, tob[0].loss, emu[0].loss);
  if (spec.name === 'sgd_mse') {
    const hand = sgdMseStep64(weights, x, y, N, spec.optimizer.learning_rate);
    const eL = relErr(tob[0].loss, hand.loss);
    const eW = scaledErr(tob[0].weights.flatMap((r) => r.values), hand.weights.flat());
    const ok = eL <= 1e-5 && eW <= 1e-6;
    if (!ok) fail(`sgd_mse hand-written float64 step: loss rel ${eL}, weights ${eW}`);
    console.log(`check sgd_mse            step1 weights vs hand-written f64 forward/backward+SGD: max scaled err ${eW.toExponential(2)} (loss rel ${eL.toExponential(2)}) ${ok ? 'OK' : 'FAIL'}`);
  }
  // All steps vs the generic float64 emulation.
  let wErr = 0, lErr = 0;
  for (let k = 0; k < 3; k++) {
    lErr = Math.max(lErr, relErr(tob[k].loss, emu[k].loss));
    wErr = Math.max(wErr, scaledErr(tob[k].weights.flatMap((r) => r.values), emu[k].weights.flat()));
  }
  if (!(lErr <= 1e-5) || !(wErr <= 1e-5)) fail(`${spec.name}: steps 1-3 vs float64 emulation: loss rel ${lErr}, weights ${wErr}`);
  const fit = await checkFit(spec, weights, x, y, yShape, N, 3, tob);
  let note = '';
  if (spec.optimizer.name === 'adam') {
    const k3 = train64(spec, spec.optimizer, weights, x, y, N, 3, 'keras3');
    const d = Math.max(...k3.map((s, k) => scaledErr(s.weights.flat(), emu[k].weights.flat())));
    note = `  adam eps placement: |keras3 - tfjs| (f64) max ${d.toExponential(2)}`;
    spec.adamEpsEffect = d;
  }
  console.log(`       ${spec.name.padEnd(18)} ${tfjsOptimizerText(spec.optimizer).padEnd(38)} losses [${tob.map((s) => s.loss.toPrecision(7)).join(', ')}]  steps vs f64: loss rel ${lErr.toExponential(1)}, w ${wErr.toExponential(1)}; fit vs trainOnBatch: loss ${fit.lossErr.toExponential(1)}, w ${fit.wErr.toExponential(1)}${note}`);
  return {
    name: spec.name,
    layers: spec.layers.map(describe),
    input_shape: spec.input_shape,
    loss: spec.loss,
    optimizer: spec.optimizer,
    weights,
    n: N,
    x,
    y,
    steps: tob,
  };
}

async function makeLongRun() {
  const spec = LONG_RUN;
  const { weights, x, y, yShape } = prepare(spec, spec.n, spec.x_range);
  const tob = await trainTfjs(spec, weights, x, y, yShape, spec.n, spec.steps);
  const emu = train64(spec, spec.optimizer, weights, x, y, spec.n, spec.steps, 'tfjs');
  const k3 = train64(spec, spec.optimizer, weights, x, y, spec.n, spec.steps, 'keras3');
  checkStep1Loss(spec.name, tob[0].loss, emu[0].loss);
  const losses = tob.map((s) => s.loss);
  const lErr = Math.max(...losses.map((v, k) => relErr(v, emu[k].loss)));
  const wErr = scaledErr(tob[spec.steps - 1].weights.flatMap((r) => r.values), emu[spec.steps - 1].weights.flat());
  if (!(lErr <= 1e-4) || !(wErr <= 1e-4)) fail(`long run vs float64 emulation: loss rel ${lErr}, final weights ${wErr}`);
  const fit = await checkFit(spec, weights, x, y, yShape, spec.n, spec.steps, tob);
  const dW = scaledErr(k3[spec.steps - 1].weights.flat(), emu[spec.steps - 1].weights.flat());
  const dL = Math.max(...k3.map((s, k) => relErr(s.loss, emu[k].loss)));
  console.log(`       ${spec.name} ${tfjsOptimizerText(spec.optimizer)}: loss ${losses[0].toPrecision(7)} -> ${losses[spec.steps - 1].toPrecision(7)}; vs f64 emulation: losses rel ${lErr.toExponential(1)}, final w ${wErr.toExponential(1)}; fit vs trainOnBatch: loss ${fit.lossErr.toExponential(1)}, w ${fit.wErr.toExponential(1)}`);
  console.log(`       adam eps placement over 100 steps (f64 keras3 vs f64 tfjs): final weights max scaled diff ${dW.toExponential(2)}, losses max rel diff ${dL.toExponential(2)}`);
  return {
    name: spec.name,
    layers: spec.layers.map(describe),
    input_shape: spec.input_shape,
    loss: spec.loss,
    optimizer: spec.optimizer,
    weights,
    n: spec.n,
    x,
    y,
    losses,
    final_weights: tob[spec.steps - 1].weights,
  };
}

// ---------------------------------------------------------------- main
async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  if (tf.getBackend() !== 'cpu') throw new Error('backend is ' + tf.getBackend());
  if (tf.version.tfjs !== TFJS_VERSION) throw new Error('expected tfjs ' + TFJS_VERSION + ', got ' + tf.version.tfjs);
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`);

  const cases = [];
  for (const spec of CASES) cases.push(await makeCase(spec));
  const longRun = await makeLongRun();
  if (failures) {
    console.error(`${failures} check(s) failed; fixtures NOT written`);
    process.exit(1);
  }
  const p = writeJson('training.json', { source: SOURCE, cases, long_run: longRun });
  const allW = cases.flatMap((c) => c.steps.flatMap((s) => s.weights.flatMap((r) => r.values)));
  console.log(`${path.relative(process.cwd(), p)}: ${cases.length} cases x 3 steps + long_run (${longRun.losses.length} steps); max |w| ${maxAbs(allW)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
