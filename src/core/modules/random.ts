// The random module: Modules/_randommodule.c (MT19937: init_genrand, init_by_array,
// genrand_uint32, random_random, random_seed, getrandbits) and the Random methods of
// Lib/random.py (seed version 2 via sha512, _randbelow_with_getrandbits, randrange, choice,
// shuffle, sample, choices, gauss, ...) with the same algorithms so seeded sequences match.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, type Visit } from '../runtime/object';
import { makeType, PyBuiltinFunction, BuiltinFunctionType } from '../runtime/types';
import { registerModule, parseArgs, checkArgs, typeDict } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyInt, newInt } from '../runtime/objects/int';
import { PyFloat, newFloat } from '../runtime/objects/float';
import { PyStr, StrType, newStr } from '../runtime/objects/str';
import { PyTuple, newTuple, TupleType } from '../runtime/objects/tuple';
import { PyList, newList, ListType } from '../runtime/objects/list';
import { PyDict } from '../runtime/objects/dict';
import { PySet } from '../runtime/objects/set';
import { PyRange } from '../runtime/objects/misc';
import { None } from '../runtime/objects/singletons';
import { newBytes } from '../runtime/objects/bytes';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import * as N from '../runtime/numeric';
import { gcNewObject } from '../runtime/gc';
import { vmState } from '../runtime/vm/eval';
import { solidAllocators } from '../runtime/typeobject';
import { toDouble, pyInt, defMethod, numErr } from './modutil';
import * as libm from '../runtime/primitives/libm';
import * as glibcSin from '../runtime/primitives/libm_glibc_sin';
import * as glibc from '../runtime/primitives/libm_glibc';
import { sha512, utf8Encode } from './sha512';

const MT_N = 624;
const MT_M = 397;

export class PyRandom extends PyObject {
  mt = new Uint32Array(MT_N);
  mti = MT_N + 1;
  gaussNext: number | null = null;
  constructor(type: PyType) {
    super(type);
  }
  override traverse(visit: Visit): void {
    if (this.type.flags & TypeFlags.HEAPTYPE) visit(this.type, Edge.TYPE, '__class__');
  }

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < MT_N; i++) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, p) + i) >>> 0;
    }
    this.mti = MT_N;
  }
  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = key.length;
    for (let k = MT_N > len ? MT_N : len; k; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(p, 1566083941)) - i) >>> 0;
      i++;
      if (i >= MT_N) {
        mt[0] = mt[MT_N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = MT_N;
  }
  genrand(): number {
    const mt = this.mt;
    let y: number;
    if (this.mti >= MT_N) {
      let kk = 0;
      for (; kk < MT_N - MT_M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + MT_M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < MT_N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[MT_N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[MT_N - 1] = mt[MT_M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
  /** random_random: 53 bits from two outputs */
  random(): number {
    const a = this.genrand() >>> 5;
    const b = this.genrand() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
  /** _random_Random_getrandbits_impl */
  getrandbits(k: number): N.Int {
    if (k === 0) return 0;
    if (k <= 32) return this.genrand() >>> (32 - k);
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let w = this.genrand();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
    }
    return N.norm(r);
  }
  /** _randbelow_with_getrandbits */
  randbelow(n: N.Int): N.Int {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (N.intCmp(r, n) >= 0) r = this.getrandbits(k);
    return r;
  }
  /** random_seed (C) for an int key */
  seedInt(v: bigint): void {
    if (v < 0n) v = -v;
    const key: number[] = [];
    while (v > 0n) {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (!key.length) key.push(0);
    this.initByArray(key);
  }
  /** Random.seed(a, version=2) */
  seed(a: PyObject | null): void {
    this.gaussNext = null;
    if (a === null || a === None) {
      const key: number[] = [];
      for (let i = 0; i < 624; i++) key.push(Math.floor(Math.random() * 0x100000000) >>> 0);
      this.initByArray(key);
      return;
    }
    if (a instanceof PyStr) {
      const bytes = utf8Encode(a.v);
      this.seedInt(bytesToBig([...bytes, ...sha512(bytes)]));
      return;
    }
    if (a.type.name === 'bytes' || a.type.name === 'bytearray') {
      const v = (a as unknown as { v?: Uint8Array | number[] }).v;
      if (v) {
        const bytes = Array.from(v);
        this.seedInt(bytesToBig([...bytes, ...sha512(Uint8Array.from(bytes))]));
        return;
      }
    }
    if (a instanceof PyInt) {
      this.seedInt(BigInt(a.v));
      return;
    }
    if (!(a instanceof PyFloat)) typeError('The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    // random_seed: other objects seed with (size_t)hash(a)
    let h = BigInt(abs.hash(a));
    if (h < 0n) h += 1n << 64n;
    this.seedInt(h);
  }
}

function bytesToBig(b: number[]): bigint {
  let r = 0n;
  for (const x of b) r = (r << 8n) | BigInt(x);
  return r;
}
function bitLength(n: N.Int): number {
  if (typeof n === 'number') {
    n = Math.abs(n);
    return n === 0 ? 0 : n.toString(2).length;
  }
  return (n < 0n ? -n : n).toString(2).length;
}

// random.Random: a Python subclass of _random.Random (2,528 bytes) with the gc and managed-dict
// pre-header, so sys.getsizeof gives 2,560
export const RandomType = makeType('Random', null, TypeFlags.BASETYPE, 2560);
RandomType.module = 'random';
RandomType.weakrefable = true;
solidAllocators.set(RandomType, (t) => new PyRandom(t));

function newRandom(t: PyType): PyRandom {
  const r = new PyRandom(t);
  if (t.flags & TypeFlags.HEAPTYPE) t.rc++;
  gcNewObject(r, false);
  return r;
}

/** PyNumber_Index with Lib/random.py's randrange handling of non-integers (3.10-3.11): an
 * integral float is accepted with a DeprecationWarning, another one warns and is a ValueError */
function rrIndex(o: PyObject, what: string): N.Int {
  if (o instanceof PyInt) return o.v;
  if (abs.typeLookup(o.type, '__index__')) return abs.index(o);
  if (o instanceof PyFloat) {
    if (Number.isInteger(o.v)) {
      deprecationWarning('non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version');
      return N.floatToInt(o.v);
    }
    deprecationWarning('randrange() will raise TypeError in the future');
    raise(E.ValueError, `non-integer ${what} for randrange()`);
  }
  return abs.index(o);
}

/** warnings.warn(msg, DeprecationWarning, 2) from Lib/random.py: here randrange is native, so the
 * warning's frame is the caller's at stack level 1 */
function deprecationWarning(msg: string): void {
  const w = vmState.importModule!('warnings', vmState.current!);
  try {
    const warn = abs.getAttr(w, 'warn');
    const m = newStr(msg);
    const level = newInt(1);
    try {
      decref(abs.call(warn, [m, E.DeprecationWarning, level], null));
    } finally {
      decref(level);
      decref(m);
      decref(warn);
    }
  } finally {
    decref(w);
  }
}

function self_(s: PyObject | null): PyRandom {
  if (!(s instanceof PyRandom)) typeError('descriptor requires a \'random.Random\' object');
  return s;
}

function seqLen(o: PyObject): number {
  return abs.length(o);
}
function seqGet(o: PyObject, i: number): PyObject {
  if (o instanceof PyList && o.type === ListType) return newRef(o.items[i]);
  if (o instanceof PyTuple && o.type === TupleType) return newRef(o.items[i]);
  const k = newInt(i);
  try {
    return abs.getItem(o, k);
  } finally {
    decref(k);
  }
}

function randrange(r: PyRandom, start: PyObject, stop: PyObject | undefined, step: PyObject | undefined): N.Int {
  const istart = rrIndex(start, 'arg 1');
  if (stop === undefined || stop === None) {
    if (step !== undefined) typeError('Missing a non-None stop argument');
    if (N.intSign(istart) > 0) return r.randbelow(istart);
    raise(E.ValueError, 'empty range for randrange()');
  }
  const istop = rrIndex(stop, 'stop');
  const width = N.intSub(istop, istart);
  const istep = step === undefined ? 1 : rrIndex(step, 'step');
  if (istep === 1) {
    if (N.intSign(width) > 0) return N.intAdd(istart, r.randbelow(width));
    raise(E.ValueError, `empty range for randrange() (${istart}, ${istop}, ${width})`);
  }
  let n: N.Int;
  if (N.intSign(istep) > 0) n = N.intFloorDiv(N.intSub(N.intAdd(width, istep), 1), istep);
  else if (N.intSign(istep) < 0) n = N.intFloorDiv(N.intAdd(N.intAdd(width, istep), 1), istep);
  else raise(E.ValueError, 'zero step for randrange()');
  if (N.intSign(n) <= 0) raise(E.ValueError, 'empty range for randrange()');
  return N.intAdd(istart, N.intMul(istep, r.randbelow(n)));
}

function isSequence(o: PyObject): boolean {
  if (o instanceof PyDict || o instanceof PySet) return false;
  if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyRange) return true;
  if (o.type.name === 'bytes' || o.type.name === 'bytearray' || o.type.name === 'collections.deque') return o.type.name !== 'collections.deque' ? true : false;
  return !!abs.typeLookup(o.type, '__getitem__') && !!abs.typeLookup(o.type, '__len__') && !!abs.typeLookup(o.type, '__iter__') && !!abs.typeLookup(o.type, 'index');
}

/** bisect_right over doubles */
function bisectRight(a: number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sample(r: PyRandom, population: PyObject, kObj: PyObject, counts: PyObject | undefined): PyObject {
  if (!isSequence(population)) typeError('Population must be a sequence.  For dicts or sets, use sorted(d).');
  const n = seqLen(population);
  if (counts !== undefined && counts !== None) {
    const cs = abs.toArray(counts);
    const cum: number[] = [];
    let total = 0;
    try {
      for (const c of cs) {
        if (!(c instanceof PyInt)) typeError('Counts must be integers');
        total += Number(c.v);
        cum.push(total);
      }
    } finally {
      for (const c of cs) decref(c);
    }
    if (cum.length !== n) raise(E.ValueError, 'The number of counts does not match the population');
    cum.pop();
    if (total <= 0) raise(E.ValueError, 'Total of counts must be greater than zero');
    const rng = new PyRange(0, total, 1, total);
    gcNewObject(rng, false);
    let sel: PyList;
    try {
      sel = sample(r, rng, kObj, undefined) as PyList;
    } finally {
      decref(rng);
    }
    const out = sel.items.map((s) => seqGet(population, bisectRight(cum, Number((s as PyInt).v), 0, cum.length)));
    decref(sel);
    return newList(out);
  }
  const k = Number(abs.index(kObj));
  if (!(0 <= k && k <= n)) raise(E.ValueError, 'Sample larger than population or is negative');
  const result: PyObject[] = [];
  let setsize = 21;
  if (k > 5) setsize += 4 ** Math.ceil(libm.log(k * 3) / libm.log(4));
  try {
    if (n <= setsize) {
      const pool = abs.toArray(population);
      try {
        for (let i = 0; i < k; i++) {
          const j = Number(r.randbelow(n - i));
          result.push(newRef(pool[j]));
          const moved = pool[n - i - 1];
          if (moved !== pool[j]) {
            decref(pool[j]);
            pool[j] = newRef(moved);
          }
        }
      } finally {
        for (const x of pool) decref(x);
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = Number(r.randbelow(n));
        while (selected.has(j)) j = Number(r.randbelow(n));
        selected.add(j);
        result.push(seqGet(population, j));
      }
    }
  } catch (e) {
    for (const x of result) decref(x);
    throw e;
  }
  return newList(result);
}

function choices(r: PyRandom, population: PyObject, weights: PyObject | undefined, cumWeights: PyObject | undefined, kObj: PyObject | undefined): PyObject {
  const n = seqLen(population);
  const k = kObj ? Number(abs.index(kObj)) : 1;
  const out: PyObject[] = [];
  const hasW = weights !== undefined && weights !== None;
  const hasCW = cumWeights !== undefined && cumWeights !== None;
  try {
    if (!hasCW) {
      if (!hasW) {
        for (let i = 0; i < k; i++) out.push(seqGet(population, Math.floor(r.random() * n)));
        return newList(out);
      }
    } else if (hasW) typeError('Cannot specify both weights and cumulative weights');
    let cum: number[];
    if (hasW) {
      if (weights instanceof PyInt && !abs.getIterOrNullSafe(weights)) typeError(`The number of choices must be a keyword argument: k=${weights.v}`);
      const ws = abs.toArray(weights!);
      cum = [];
      let acc: PyObject | null = null;
      try {
        for (const w of ws) {
          const nacc: PyObject = acc ? abs.binaryOp(acc, w, 0) : newRef(w);
          if (acc) decref(acc);
          acc = nacc;
          cum.push(toDouble(acc));
        }
      } finally {
        if (acc) decref(acc);
        for (const w of ws) decref(w);
      }
    } else {
      const ws = abs.toArray(cumWeights!);
      try {
        cum = ws.map(toDouble);
      } finally {
        for (const w of ws) decref(w);
      }
    }
    if (cum.length !== n) raise(E.ValueError, 'The number of weights does not match the population');
    const total = cum[n - 1] + 0.0;
    if (total <= 0.0) raise(E.ValueError, 'Total of weights must be greater than zero');
    if (!Number.isFinite(total)) raise(E.ValueError, 'Total of weights must be finite');
    const hi = n - 1;
    for (let i = 0; i < k; i++) out.push(seqGet(population, bisectRight(cum, r.random() * total, 0, hi)));
    return newList(out);
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  }
}

// Lib/random.py's constants and the math functions it imports (the C library's: runtime/primitives/libm).
// The three computed ones are written out: computing them when the bundle loads made libm build its
// log table (92 double-double logarithms, ~4 ms unoptimised) in every run, random imported or not.
// test/core/runtime/primitives/libm.test.ts checks that each is what its expression gives.
/** (4 * exp(-0.5)) / sqrt(2.0) */
export const NV_MAGICCONST = 1.7155277699214135;
/** log(4.0) */
export const LOG4 = 1.3862943611198906;
/** 1.0 + log(4.5) */
export const SG_MAGICCONST = 2.504077396776274;
const TWOPI = 2 * Math.PI;

/** Python's float ** float (float_pow) */
function fpow(a: number, b: number): number {
  try {
    return N.floatPow(a, b)!;
  } catch (e) {
    return numErr(e);
  }
}

/** Random.gammavariate (Lib/random.py 3.11) */
function gammavariate(r: PyRandom, alpha: number, beta: number): number {
  if (alpha <= 0.0 || beta <= 0.0) raise(E.ValueError, 'gammavariate: alpha and beta must be > 0.0');
  if (alpha > 1.0) {
    // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters"
    const ainv = Math.sqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = r.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1.0 - r.random();
      const v = libm.log(u1 / (1.0 - u1)) / ainv;
      const x = alpha * glibc.exp(v);
      const z = u1 * u1 * u2;
      const rr = bbb + ccc * v - x;
      if (rr + SG_MAGICCONST - 4.5 * z >= 0.0 || rr >= logOf(z)) return x * beta;
    }
  }
  if (alpha === 1.0) return -logOf(1.0 - r.random()) * beta;
  // alpha between 0 and 1: algorithm GS of Statistical Computing (Kennedy & Gentle)
  let x: number;
  for (;;) {
    const u = r.random();
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    if (p <= 1.0) x = fpow(p, 1.0 / alpha);
    else x = -logOf((b - p) / alpha);
    const u1 = r.random();
    if (p > 1.0) {
      if (u1 <= fpow(x, alpha - 1.0)) break;
    } else if (u1 <= glibc.exp(-x)) break;
  }
  return x * beta;
}

/** math.log(x) as random.py calls it: "math domain error" at 0 */
function logOf(x: number): number {
  if (x <= 0) raise(E.ValueError, 'math domain error');
  return libm.log(x);
}

function gauss(r: PyRandom, mu: number, sigma: number): number {
  let z = r.gaussNext;
  r.gaussNext = null;
  if (z === null) {
    const x2pi = r.random() * 2 * Math.PI;
    const g2rad = Math.sqrt(-2.0 * logOf(1.0 - r.random()));
    z = glibcSin.cos(x2pi) * g2rad;
    r.gaussNext = glibcSin.sin(x2pi) * g2rad;
  }
  return mu + z * sigma;
}

function installRandomMethods(): void {
  const T = RandomType;
  T.slots.new = (t, args, kw) => {
    void args;
    void kw;
    return newRandom(t);
  };
  T.slots.init = (self, args, kw) => {
    const [x] = parseArgs({ name: 'Random', params: ['x'] }, args, kw);
    self_(self).seed(x ?? null);
  };
  defMethod(T, 'seed', (args, kw, self) => {
    const [a, version] = parseArgs({ name: 'seed', params: ['a', 'version'] }, args, kw);
    void version;
    self_(self).seed(a ?? null);
    return newRef(None);
  });
  defMethod(T, 'random', (args, kw, self) => {
    checkArgs('random', args, kw, 0, 0);
    return newFloat(self_(self).random());
  });
  defMethod(T, 'getrandbits', (args, kw, self) => {
    checkArgs('getrandbits', args, kw, 1, 1);
    const k = Number(abs.index(args[0]));
    if (k < 0) raise(E.ValueError, 'number of bits must be non-negative');
    return pyInt(self_(self).getrandbits(k));
  });
  defMethod(T, '_randbelow', (args, kw, self) => {
    checkArgs('_randbelow', args, kw, 1, 1);
    return pyInt(self_(self).randbelow(abs.index(args[0])));
  });
  defMethod(T, 'randrange', (args, kw, self) => {
    const [start, stop, step] = parseArgs({ name: 'randrange', params: ['start', 'stop', 'step'], required: 1 }, args, kw);
    return pyInt(randrange(self_(self), start!, stop, step));
  });
  defMethod(T, 'randint', (args, kw, self) => {
    const [a, b] = parseArgs({ name: 'randint', params: ['a', 'b'], required: 2 }, args, kw);
    const one = newInt(1);
    let b1: PyObject;
    try {
      b1 = abs.binaryOp(b!, one, 0);
    } finally {
      decref(one);
    }
    try {
      return pyInt(randrange(self_(self), a!, b1, undefined));
    } finally {
      decref(b1);
    }
  });
  defMethod(T, 'choice', (args, kw, self) => {
    checkArgs('choice', args, kw, 1, 1);
    const seq = args[0];
    const n = seqLen(seq);
    if (!n) raise(E.IndexError, 'Cannot choose from an empty sequence');
    return seqGet(seq, Number(self_(self).randbelow(n)));
  });
  defMethod(T, 'shuffle', (args, kw, self) => {
    checkArgs('shuffle', args, kw, 1, 1);
    const r = self_(self);
    const x = args[0];
    const n = seqLen(x);
    for (let i = n - 1; i >= 1; i--) {
      const j = Number(r.randbelow(i + 1));
      if (x instanceof PyList) {
        const it = x.items;
        const t = it[i];
        it[i] = it[j];
        it[j] = t;
      } else {
        const a = seqGet(x, j);
        const b = seqGet(x, i);
        const ki = newInt(i);
        const kj = newInt(j);
        try {
          abs.setItem(x, ki, a);
          abs.setItem(x, kj, b);
        } finally {
          decref(a);
          decref(b);
          decref(ki);
          decref(kj);
        }
      }
    }
    return newRef(None);
  });
  defMethod(T, 'sample', (args, kw, self) => {
    const [pop, k, counts] = parseArgs({ name: 'sample', params: ['population', 'k', '*', 'counts'], required: 2 }, args, kw);
    return sample(self_(self), pop!, k!, counts);
  });
  defMethod(T, 'choices', (args, kw, self) => {
    const [pop, w, cw, k] = parseArgs({ name: 'choices', params: ['population', 'weights', '*', 'cum_weights', 'k'], required: 1 }, args, kw);
    return choices(self_(self), pop!, w, cw, k);
  });
  defMethod(T, 'uniform', (args, kw, self) => {
    const [a, b] = parseArgs({ name: 'uniform', params: ['a', 'b'], required: 2 }, args, kw);
    const r = newFloat(self_(self).random());
    const d = abs.binaryOp(b!, a!, 10);
    try {
      const p = abs.binaryOp(d, r, 5);
      try {
        return abs.binaryOp(a!, p, 0);
      } finally {
        decref(p);
      }
    } finally {
      decref(d);
      decref(r);
    }
  });
  defMethod(T, 'triangular', (args, kw, self) => {
    const [lo, hi, mode] = parseArgs({ name: 'triangular', params: ['low', 'high', 'mode'] }, args, kw);
    let low = lo ? toDouble(lo) : 0.0;
    let high = hi ? toDouble(hi) : 1.0;
    let u = self_(self).random();
    if (high === low) return newFloat(low);
    let c = mode === undefined || mode === None ? 0.5 : (toDouble(mode) - low) / (high - low);
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return newFloat(low + (high - low) * Math.sqrt(u * c));
  });
  defMethod(T, 'gauss', (args, kw, self) => {
    const [mu, sigma] = parseArgs({ name: 'gauss', params: ['mu', 'sigma'] }, args, kw);
    return newFloat(gauss(self_(self), mu ? toDouble(mu) : 0.0, sigma ? toDouble(sigma) : 1.0));
  });
  defMethod(T, 'normalvariate', (args, kw, self) => {
    const [mu, sigma] = parseArgs({ name: 'normalvariate', params: ['mu', 'sigma'] }, args, kw);
    const r = self_(self);
    let z: number;
    for (;;) {
      const u1 = r.random();
      const u2 = 1.0 - r.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -libm.log(u2)) break;
    }
    return newFloat((mu ? toDouble(mu) : 0.0) + z * (sigma ? toDouble(sigma) : 1.0));
  });
  defMethod(T, 'lognormvariate', (args, kw, self) => {
    const [mu, sigma] = parseArgs({ name: 'lognormvariate', params: ['mu', 'sigma'], required: 2 }, args, kw);
    const r = self_(self);
    let z: number;
    for (;;) {
      const u1 = r.random();
      const u2 = 1.0 - r.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4.0 <= -libm.log(u2)) break;
    }
    const e = glibc.exp(toDouble(mu!) + z * toDouble(sigma!));
    if (e === Infinity) raise(E.OverflowError, 'math range error');
    return newFloat(e);
  });
  defMethod(T, 'expovariate', (args, kw, self) => {
    const [l] = parseArgs({ name: 'expovariate', params: ['lambd'], required: 1 }, args, kw);
    // the draw comes first, then the division (which can raise)
    const x = -libm.log(1.0 - self_(self).random());
    const lambd = toDouble(l!);
    if (lambd === 0) raise(E.ZeroDivisionError, 'float division by zero');
    return newFloat(x / lambd);
  });
  defMethod(T, 'paretovariate', (args, kw, self) => {
    const [a] = parseArgs({ name: 'paretovariate', params: ['alpha'], required: 1 }, args, kw);
    const u = 1.0 - self_(self).random();
    const alpha = toDouble(a!);
    if (alpha === 0) raise(E.ZeroDivisionError, 'float division by zero');
    return newFloat(fpow(u, -1.0 / alpha));
  });
  defMethod(T, 'weibullvariate', (args, kw, self) => {
    const [a, b] = parseArgs({ name: 'weibullvariate', params: ['alpha', 'beta'], required: 2 }, args, kw);
    const u = 1.0 - self_(self).random();
    const l = -libm.log(u);
    const beta = toDouble(b!);
    const alpha = toDouble(a!);
    if (beta === 0) raise(E.ZeroDivisionError, 'float division by zero');
    return newFloat(alpha * fpow(l, 1.0 / beta));
  });
  defMethod(T, 'vonmisesvariate', (args, kw, self) => {
    const [m, k] = parseArgs({ name: 'vonmisesvariate', params: ['mu', 'kappa'], required: 2 }, args, kw);
    const r = self_(self);
    const mu = toDouble(m!);
    const kappa = toDouble(k!);
    // N.I. Fisher, "Statistical Analysis of Circular Data" (Lib/random.py 3.11)
    if (kappa <= 1e-6) return newFloat(TWOPI * r.random());
    const s = 0.5 / kappa;
    const rr = s + Math.sqrt(1.0 + s * s);
    let z: number;
    for (;;) {
      const u1 = r.random();
      z = glibcSin.cos(Math.PI * u1);
      const d = z / (rr + z);
      const u2 = r.random();
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * glibc.exp(d)) break;
    }
    const q = 1.0 / rr;
    const f = (q + z) / (1.0 + q * z);
    const u3 = r.random();
    const theta = u3 > 0.5 ? mu + libm.acos(f) : mu - libm.acos(f);
    return newFloat(N.floatMod(theta, TWOPI));
  });
  defMethod(T, 'gammavariate', (args, kw, self) => {
    const [a, b] = parseArgs({ name: 'gammavariate', params: ['alpha', 'beta'], required: 2 }, args, kw);
    return newFloat(gammavariate(self_(self), toDouble(a!), toDouble(b!)));
  });
  defMethod(T, 'betavariate', (args, kw, self) => {
    const [a, b] = parseArgs({ name: 'betavariate', params: ['alpha', 'beta'], required: 2 }, args, kw);
    const r = self_(self);
    const y = gammavariate(r, toDouble(a!), 1.0);
    if (y) return newFloat(y / (y + gammavariate(r, toDouble(b!), 1.0)));
    return newFloat(0.0);
  });
  defMethod(T, 'getstate', (args, kw, self) => {
    checkArgs('getstate', args, kw, 0, 0);
    const r = self_(self);
    const st: PyObject[] = Array.from(r.mt, (x) => newInt(x));
    st.push(newInt(r.mti));
    return newTuple([newInt(3), newTuple(st), r.gaussNext === null ? newRef(None) : newFloat(r.gaussNext)]);
  });
  defMethod(T, 'setstate', (args, kw, self) => {
    checkArgs('setstate', args, kw, 1, 1);
    const r = self_(self);
    const s = args[0];
    if (!(s instanceof PyTuple) || s.items.length !== 3) typeError('state vector must be a tuple');
    const ver = s.items[0];
    if (!(ver instanceof PyInt) || (ver.v !== 3 && ver.v !== 2)) raise(E.ValueError, `state with version ${abs.repr(ver)} passed to Random.setstate() of version 3`);
    const inner = s.items[1];
    if (!(inner instanceof PyTuple)) typeError('state vector must be a tuple');
    if (inner.items.length !== MT_N + 1) raise(E.ValueError, 'state vector is the wrong size');
    for (let i = 0; i < MT_N; i++) r.mt[i] = Number(BigInt.asUintN(32, BigInt(abs.index(inner.items[i]))));
    const idx = Number(abs.index(inner.items[MT_N]));
    if (idx < 0 || idx > MT_N) raise(E.ValueError, 'invalid state');
    r.mti = idx;
    const g = s.items[2];
    r.gaussNext = g === None ? null : toDouble(g);
    return newRef(None);
  });
  defMethod(T, 'randbytes', (args, kw, self) => {
    // Lib/random.py: self.getrandbits(n * 8).to_bytes(n, 'little')
    checkArgs('randbytes', args, kw, 1, 1);
    const n = Number(abs.index(args[0]));
    if (n < 0) raise(E.ValueError, 'number of bits must be non-negative');
    let v = BigInt(self_(self).getrandbits(n * 8));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return newBytes(out);
  });
}


const MODULE_FUNCS = ['seed', 'random', 'uniform', 'triangular', 'randint', 'choice', 'randrange', 'sample', 'shuffle', 'choices', 'normalvariate', 'lognormvariate', 'expovariate', 'vonmisesvariate', 'gammavariate', 'gauss', 'betavariate', 'paretovariate', 'weibullvariate', 'getstate', 'setstate', 'getrandbits', 'randbytes'];

let installed = false;
registerModule('random', (m) => {
  if (!installed) {
    installed = true;
    installRandomMethods();
  }
  m.set('Random', RandomType);
  const inst = newRandom(RandomType);
  inst.seed(null);
  m.set('_inst', inst);
  // module-level functions are the bound methods of the hidden instance (random.py: seed = _inst.seed)
  for (const name of MODULE_FUNCS) {
    const d = typeDict(RandomType).getItem(abs.strKey(name)) as PyBuiltinFunction;
    const b = new PyBuiltinFunction(BuiltinFunctionType, name, d.fn, inst, null, `Random.${name}`);
    gcNewObject(b, true);
    m.own(name, b);
  }
  decref(inst);
  void StrType;
});
