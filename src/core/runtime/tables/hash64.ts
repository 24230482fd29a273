/**
 * 64-bit Python hash values split into two int32 halves.
 *
 * Python's `Py_hash_t` is a signed 64-bit integer. The runtime passes hashes
 * around as `number | bigint` (canonical form: a `number` whenever the value is
 * a safe integer, a `bigint` in the signed 64-bit range otherwise). The tables
 * split each hash once into `hi` (bits 63..32, as int32) and `lo` (bits 31..0,
 * as int32) and store both halves next to the entry, so that every probe loop
 * only does int32 arithmetic.
 */

export type Hash = number | bigint;

const TWO32 = 4294967296;

/** Low 32 bits of a 64-bit hash, as an int32. */
export function hashLo(h: Hash): number {
  if (typeof h === "number") return h | 0;
  return Number(BigInt.asIntN(32, h));
}

/** High 32 bits of a 64-bit hash (arithmetic, i.e. sign-carrying), as an int32. */
export function hashHi(h: Hash): number {
  if (typeof h === "number") return Math.floor(h / TWO32) | 0;
  return Number(BigInt.asIntN(32, h >> 32n));
}

/** Rebuilds the canonical hash (`number` if safe, else signed 64-bit `bigint`). */
export function joinHash(hi: number, lo: number): Hash {
  const v = hi * TWO32 + (lo >>> 0);
  if (Number.isSafeInteger(v)) return v;
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

/** Canonicalises any integer-valued hash (number or bigint) into the canonical form. */
export function canonicalHash(h: Hash): Hash {
  if (typeof h === "number") return h;
  const s = BigInt.asIntN(64, h);
  if (s >= -9007199254740991n && s <= 9007199254740991n) return Number(s);
  return s;
}

/**
 * Next probe index of the CPython open-addressing scheme
 * (`perturb >>= PERTURB_SHIFT; i = mask & (i*5 + perturb + 1)`) is inlined in
 * the tables; the 64-bit `perturb` (size_t, i.e. unsigned) is kept as two
 * uint32 halves:
 *
 *     pLo = (pLo >>> 5) | (pHi << 27); pHi >>>= 5;
 *
 * and since `mask < 2**31`, only the low 32 bits of `i*5 + perturb + 1` matter.
 */
export const PERTURB_SHIFT = 5;

/** [v, v, ... v] (n items) as a packed JS array (the tables use plain arrays: V8 allocates a
 * small typed array about ten times slower, and most tables are small). */
export function filled<T>(n: number, v: T): T[] {
  const a: T[] = [];
  for (let i = 0; i < n; i++) a.push(v);
  return a;
}
