// SHA-512 (FIPS 180-4), for random.seed(str/bytes) version 2 (Lib/random.py uses _sha512).
// The round constants are derived at load time from the primes (cube/square roots).

const MASK = (1n << 64n) - 1n;

function iroot(n: bigint, k: bigint): bigint {
  // integer k-th root (floor) by Newton's method
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) break;
    x = y;
  }
  while (x ** k > n) x -= 1n;
  while ((x + 1n) ** k <= n) x += 1n;
  return x;
}

function primes(n: number): number[] {
  const out: number[] = [];
  for (let c = 2; out.length < n; c++) if (out.every((p) => c % p !== 0)) out.push(c);
  return out;
}

let K: bigint[] | null = null;
let H0: bigint[] | null = null;
function init(): void {
  const ps = primes(80);
  K = ps.map((p) => iroot(BigInt(p) << 192n, 3n) & MASK);
  H0 = ps.slice(0, 8).map((p) => iroot(BigInt(p) << 128n, 2n) & MASK);
}

const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK;

export function sha512(msg: Uint8Array): number[] {
  if (!K) init();
  const k = K!;
  const h = H0!.slice();
  const len = msg.length;
  const padLen = ((len + 17 + 127) >> 7) << 7;
  const buf = new Uint8Array(padLen);
  buf.set(msg);
  buf[len] = 0x80;
  let bits = BigInt(len) * 8n;
  for (let i = padLen - 1; i >= padLen - 16 && bits > 0n; i--) {
    buf[i] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  const w: bigint[] = new Array(80);
  for (let off = 0; off < padLen; off += 128) {
    for (let t = 0; t < 16; t++) {
      let v = 0n;
      for (let b = 0; b < 8; b++) v = (v << 8n) | BigInt(buf[off + t * 8 + b]);
      w[t] = v;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (hh + S1 + ch + k[t] + w[t]) & MASK;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + add[i]) & MASK;
  }
  const out: number[] = [];
  for (const x of h) for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((x >> s) & 0xffn));
  return out;
}

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
