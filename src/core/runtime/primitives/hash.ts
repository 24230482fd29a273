/**
 * CPython 3.11 hash functions (64-bit build, PYTHONHASHSEED=0).
 *
 * A `HashValue` is a Py_hash_t (signed 64-bit) in the canonical int
 * convention of the engine: a `number` when it is a safe integer, a `bigint`
 * otherwise. Pure functions, no object model.
 */

export type HashValue = number | bigint;

const TWO32 = 4294967296;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** Build the canonical HashValue from the unsigned 32-bit halves of a 64-bit value. */
function fromHalves(hi: number, lo: number): HashValue {
  const v = (hi | 0) * TWO32 + lo;
  if (Number.isSafeInteger(v)) return v;
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}

/** Canonicalise a bigint into the number|bigint convention. */
function canon(b: bigint): HashValue {
  return b >= MIN_SAFE_BIG && b <= MAX_SAFE_BIG ? Number(b) : b;
}

/** Low 32 bits (unsigned) of the 64-bit two's-complement value of `h`. */
export function hashLow32(h: HashValue): number {
  if (typeof h === 'number') return h >>> 0; // ToUint32 is exact modulo 2^32
  return Number(BigInt.asUintN(32, h));
}

/** High 32 bits (unsigned) of the 64-bit two's-complement value of `h`. */
export function hashHigh32(h: HashValue): number {
  if (typeof h === 'number') return Math.floor(h / TWO32) >>> 0;
  return Number(BigInt.asUintN(32, h >> 32n));
}

/** The 64-bit value as an unsigned bigint (Py_uhash_t). */
export function hashToUnsigned(h: HashValue): bigint {
  return BigInt.asUintN(64, typeof h === 'number' ? BigInt(h) : h);
}

/** Convert any bigint (taken modulo 2^64) to a canonical Py_hash_t. */
export function hashFromBigInt(b: bigint): HashValue {
  return canon(BigInt.asIntN(64, b));
}

// ---------------------------------------------------------------------------
// SipHash-1-3 (Python/pyhash.c siphash13, key k0 = k1 = 0) on 32-bit halves.

// Python/pyhash.c siphash13 with k0 = k1 = 0; 64-bit lanes as (high, low)
// unsigned 32-bit halves in local variables, rounds written out (hot loop).

/**
 * Python/pyhash.c _Py_HashBytes with siphash13 (secret 0): empty → 0,
 * Py_HASH_CUTOFF = 0 (no small-string hash), -1 → -2.
 */
function hashBuffer(b: Uint8Array, len: number): HashValue {
  hashBufferHL(b, len);
  return fromHalves(hashOut.hi, hashOut.lo >>> 0);
}

/**
 * The last hash computed by `hashStrHL` / the buffer hash, as signed int32 halves (the form the
 * dict and set tables store): read `hashOut.hi` / `hashOut.lo` right after the call.
 */
export const hashOut = { hi: 0, lo: 0 };

function hashBufferHL(b: Uint8Array, len: number): void {
  if (len === 0) {
    hashOut.hi = 0;
    hashOut.lo = 0;
    return;
  }
  let v0h = 0x736f6d65, v0l = 0x70736575;
  let v1h = 0x646f7261, v1l = 0x6e646f6d;
  let v2h = 0x6c796765, v2l = 0x6e657261;
  let v3h = 0x74656462, v3l = 0x79746573;
  let lo = 0, t = 0, u = 0;
  let i = 0;
  const end8 = len - (len & 7);
  while (i < end8) {
    const ml = (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
    const mh = (b[i + 4] | (b[i + 5] << 8) | (b[i + 6] << 16) | (b[i + 7] << 24)) >>> 0;
    i += 8;
    v3h = (v3h ^ mh) >>> 0; v3l = (v3l ^ ml) >>> 0;
    // SINGLE_ROUND: HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21)
    lo = (v0l + v1l) >>> 0; v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
    lo = (v2l + v3l) >>> 0; v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
    t = (v1h << 13) | (v1l >>> 19); u = (v1l << 13) | (v1h >>> 19); v1h = (t ^ v0h) >>> 0; v1l = (u ^ v0l) >>> 0;
    t = (v3h << 16) | (v3l >>> 16); u = (v3l << 16) | (v3h >>> 16); v3h = (t ^ v2h) >>> 0; v3l = (u ^ v2l) >>> 0;
    t = v0h; v0h = v0l; v0l = t;
    lo = (v2l + v1l) >>> 0; v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
    lo = (v0l + v3l) >>> 0; v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
    t = (v1h << 17) | (v1l >>> 15); u = (v1l << 17) | (v1h >>> 15); v1h = (t ^ v2h) >>> 0; v1l = (u ^ v2l) >>> 0;
    t = (v3h << 21) | (v3l >>> 11); u = (v3l << 21) | (v3h >>> 11); v3h = (t ^ v0h) >>> 0; v3l = (u ^ v0l) >>> 0;
    t = v2h; v2h = v2l; v2l = t;
    v0h = (v0h ^ mh) >>> 0; v0l = (v0l ^ ml) >>> 0;
  }
  // tail: b = len << 56 | remaining bytes (little-endian)
  let th = (len & 0xff) << 24, tl = 0;
  const rem = len & 7;
  for (let k = 0; k < rem; k++) {
    const byte = b[i + k];
    if (k < 4) tl |= byte << (8 * k);
    else th |= byte << (8 * (k - 4));
  }
  th >>>= 0; tl >>>= 0;
  v3h = (v3h ^ th) >>> 0; v3l = (v3l ^ tl) >>> 0;
  for (let r = 0; r < 4; r++) {
    if (r === 1) { v0h = (v0h ^ th) >>> 0; v0l = (v0l ^ tl) >>> 0; v2l = (v2l ^ 0xff) >>> 0; }
      // SINGLE_ROUND: HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21)
      lo = (v0l + v1l) >>> 0; v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
      lo = (v2l + v3l) >>> 0; v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
      t = (v1h << 13) | (v1l >>> 19); u = (v1l << 13) | (v1h >>> 19); v1h = (t ^ v0h) >>> 0; v1l = (u ^ v0l) >>> 0;
      t = (v3h << 16) | (v3l >>> 16); u = (v3l << 16) | (v3h >>> 16); v3h = (t ^ v2h) >>> 0; v3l = (u ^ v2l) >>> 0;
      t = v0h; v0h = v0l; v0l = t;
      lo = (v2l + v1l) >>> 0; v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
      lo = (v0l + v3l) >>> 0; v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
      t = (v1h << 17) | (v1l >>> 15); u = (v1l << 17) | (v1h >>> 15); v1h = (t ^ v2h) >>> 0; v1l = (u ^ v2l) >>> 0;
      t = (v3h << 21) | (v3l >>> 11); u = (v3l << 21) | (v3h >>> 11); v3h = (t ^ v0h) >>> 0; v3l = (u ^ v0l) >>> 0;
      t = v2h; v2h = v2l; v2l = t;
  }
  const rh = v0h ^ v1h ^ v2h ^ v3h;
  const rl = v0l ^ v1l ^ v2l ^ v3l;
  hashOut.hi = rh;
  // -1 is reserved for errors: -1 -> -2
  hashOut.lo = rh === -1 && rl === -1 ? -2 : rl;
}

let scratch = new Uint8Array(256);
function ensureScratch(n: number): Uint8Array {
  if (scratch.length < n) {
    let size = scratch.length;
    while (size < n) size *= 2;
    scratch = new Uint8Array(size);
  }
  return scratch;
}

/** Objects/bytesobject.c bytes_hash → _Py_HashBytes. */
export function hashBytes(b: Uint8Array): HashValue {
  return hashBuffer(b, b.length);
}

/**
 * Objects/unicodeobject.c unicode_hash: _Py_HashBytes over the PEP 393
 * canonical buffer (UCS1/UCS2/UCS4, little-endian). JS strings are UTF-16;
 * a valid surrogate pair is one astral code point, lone surrogates are
 * code points of their own (as in Python).
 */
export function hashStr(s: string): HashValue {
  hashStrHL(s);
  return fromHalves(hashOut.hi, hashOut.lo >>> 0);
}

/** hashStr into `hashOut` (signed int32 halves), without building the number/bigint. */
export function hashStrHL(s: string): void {
  const n = s.length;
  if (n === 0) {
    hashOut.hi = 0;
    hashOut.lo = 0;
    return;
  }
  let max = 0;
  let astral = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { astral = true; break; }
    }
  }
  if (astral) {
    const buf = ensureScratch(n * 4);
    let p = 0;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000; i++; }
      }
      buf[p] = c & 0xff; buf[p + 1] = (c >>> 8) & 0xff; buf[p + 2] = c >>> 16; buf[p + 3] = 0;
      p += 4;
    }
    hashBufferHL(buf, p);
    return;
  }
  if (max < 256) {
    const buf = ensureScratch(n);
    for (let i = 0; i < n; i++) buf[i] = s.charCodeAt(i);
    hashBufferHL(buf, n);
    return;
  }
  const buf = ensureScratch(n * 2);
  for (let i = 0, p = 0; i < n; i++, p += 2) {
    const c = s.charCodeAt(i);
    buf[p] = c & 0xff; buf[p + 1] = c >>> 8;
  }
  hashBufferHL(buf, n * 2);
}

// ---------------------------------------------------------------------------
// Numeric hashes (Python/pyhash.c, Objects/longobject.c long_hash)

/** _PyHASH_MODULUS = 2**61 - 1 */
export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_BITS = 61;
export const HASH_INF = 314159;
export const HASH_IMAG = 1000003;

/** Objects/longobject.c long_hash: sign(v) * (|v| mod 2**61-1), -1 → -2. */
export function hashInt(v: number | bigint): HashValue {
  if (typeof v === 'number') {
    if (v === -1) return -2;
    // |v| <= 2^53-1 < modulus; `+ 0` normalises -0
    if (Number.isSafeInteger(v)) return v + 0;
    v = BigInt(v);
  }
  const neg = v < 0n;
  let x = (neg ? -v : v) % HASH_MODULUS;
  if (neg) x = -x;
  if (x === -1n) x = -2n;
  return canon(x);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decompose a finite nonzero double into integer mantissa m and exponent e with |x| = m * 2**e. */
export function decomposeDouble(x: number): { m: bigint; e: number; neg: boolean } {
  f64[0] = x;
  const hi = LITTLE ? u32[1] : u32[0];
  const lo = LITTLE ? u32[0] : u32[1];
  const neg = (hi >>> 31) === 1;
  const bexp = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  let m = (BigInt(fracHi) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  return { m, e, neg };
}

/**
 * Python/pyhash.c _Py_HashDouble (3.10+): ±inf → ±314159, nan → the
 * identity hash of the float object (`identityHash`, normally
 * hashPointer(address)), otherwise the hash of the exact rational value.
 */
export function hashFloat(x: number, identityHash: HashValue = 0): HashValue {
  if (x !== x) return identityHash;
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (Number.isInteger(x) && Math.abs(x) <= MAX_SAFE) return x === -1 ? -2 : x + 0;
  const { m, e, neg } = decomposeDouble(x);
  // 2**e ≡ 2**(e mod 61) (mod 2**61-1), also for negative e
  const sh = ((e % HASH_BITS) + HASH_BITS) % HASH_BITS;
  let h = ((m % HASH_MODULUS) << BigInt(sh)) % HASH_MODULUS;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return canon(h);
}

/** Objects/complexobject.c complex_hash: hash(re) + 1000003 * hash(im) (mod 2**64), -1 → -2. */
export function hashComplex(re: number, im: number, identityHash: HashValue = 0): HashValue {
  const hr = hashToUnsigned(hashFloat(re, identityHash));
  const hi = hashToUnsigned(hashFloat(im, identityHash));
  let c = BigInt.asIntN(64, hr + BigInt(HASH_IMAG) * hi);
  if (c === -1n) c = -2n;
  return canon(c);
}

/** Python/pyhash.c _Py_HashPointer: rotate the (64-bit) address right by 4 bits, -1 → -2. */
export function hashPointer(addr: number): HashValue {
  const hi = Math.floor(addr / TWO32) >>> 0;
  const lo = addr >>> 0;
  const rl = ((lo >>> 4) | (hi << 28)) >>> 0;
  const rh = ((hi >>> 4) | (lo << 28)) >>> 0;
  if (rh === 0xffffffff && rl === 0xffffffff) return -2;
  return fromHalves(rh, rl);
}

// ---------------------------------------------------------------------------
// Objects/tupleobject.c tuplehash (xxHash-based, 3.8+), on 32-bit halves.

let mh = 0, ml = 0;
/** (ah:al) * (bh:bl) mod 2**64 into (mh:ml). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33, exact
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^49
  const carry = Math.floor(low / TWO32);
  const high = a1 * b1 + Math.floor(mid / 65536) + carry;
  ml = low >>> 0;
  mh = (high + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

// _PyHASH_XXPRIME_1 = 11400714785074694791, _PyHASH_XXPRIME_2 = 14029467366897019727,
// _PyHASH_XXPRIME_5 = 2870177450012600261
const P1H = 0x9e3779b1, P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f;
const P5H = 0x27d4eb2f, P5L = 0x165667c5;
// _PyHASH_XXPRIME_5 ^ 3527539
const P5X = 2870177450012600261n ^ 3527539n;
const P5XH = Number(P5X >> 32n), P5XL = Number(P5X & 0xffffffffn);

/** Objects/tupleobject.c tuplehash over already computed item hashes. */
export function hashTupleCombine(itemHashes: readonly HashValue[]): HashValue {
  let ah = P5H, al = P5L;
  const n = itemHashes.length;
  for (let i = 0; i < n; i++) {
    const h = itemHashes[i];
    let lh: number, ll: number;
    if (typeof h === 'number') { ll = h >>> 0; lh = Math.floor(h / TWO32) >>> 0; }
    else { ll = hashLow32(h); lh = hashHigh32(h); }
    // acc += lane * XXPRIME_2
    mul64(lh, ll, P2H, P2L);
    let lo = (al + ml) >>> 0;
    ah = (ah + mh + (lo < al ? 1 : 0)) >>> 0; al = lo;
    // acc = XXROTATE(acc): rotate left 31
    const rh = ((ah << 31) | (al >>> 1)) >>> 0;
    const rl = ((al << 31) | (ah >>> 1)) >>> 0;
    // acc *= XXPRIME_1
    mul64(rh, rl, P1H, P1L);
    ah = mh; al = ml;
  }
  // acc += len ^ (XXPRIME_5 ^ 3527539)
  const xl = ((n >>> 0) ^ P5XL) >>> 0;
  const xh = (Math.floor(n / TWO32) ^ P5XH) >>> 0;
  const lo = (al + xl) >>> 0;
  ah = (ah + xh + (lo < al ? 1 : 0)) >>> 0; al = lo;
  if (ah === 0xffffffff && al === 0xffffffff) return 1546275796;
  return fromHalves(ah, al);
}

// Objects/setobject.c frozenset_hash (3.11)
function shuffleBits(h: bigint): bigint {
  return BigInt.asUintN(64, ((h ^ 89869747n) ^ (h << 16n)) * 3644798167n);
}

/** Objects/setobject.c frozenset_hash over the hashes of the (distinct) elements. */
export function hashFrozensetCombine(itemHashes: readonly HashValue[]): HashValue {
  let hash = 0n;
  for (const h of itemHashes) hash ^= shuffleBits(hashToUnsigned(h));
  hash ^= BigInt.asUintN(64, (BigInt(itemHashes.length) + 1n) * 1927868237n);
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = BigInt.asUintN(64, hash * 69069n + 907133923n);
  if (hash === 0xffffffffffffffffn) hash = 590923713n;
  return hashFromBigInt(hash);
}
