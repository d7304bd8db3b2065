'use strict';
/*
 * seeded_random.js — the deterministic numbers every fixture script draws its inputs and weights from: a mulberry32
 * PRNG seeded by the FNV-1a hash of a name, so each case has its own stream and adding a case changes no other.
 */
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** `(n, lo, hi) => n float32 values uniform in [lo, hi)` from the stream of `name`. */
function rngFor(name) {
  const r = mulberry32(fnv1a(name));
  return (n, lo, hi) => Array.from({ length: n }, () => Math.fround(lo + (hi - lo) * r()));
}

module.exports = { mulberry32, fnv1a, rngFor };
