// The UTF codecs (Objects/unicodeobject.c, Objects/stringlib/codecs.h): utf-8
// (unicode_encode_utf8, unicode_decode_utf8 with stringlib's utf8_decode), UTF-16 and UTF-32
// (_PyUnicode_EncodeUTF16 / _PyUnicode_EncodeUTF32, PyUnicode_DecodeUTF16Stateful /
// PyUnicode_DecodeUTF32Stateful) and utf-8-sig (Lib/encodings/utf_8_sig.py). 'utf-16' and
// 'utf-32' write a BOM and the little-endian order (CPython's native order on the platforms it
// is tested on) and read the order a BOM gives, else little-endian. Errors go through
// codec_errors.ts's handlers.

import { Encoder, encodeWith, DecodeState } from './codec_errors';

function surrogates3(out: number[], c: number): void {
  out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
}

const UTF8: Encoder = {
  name: 'utf-8',
  reason: 'surrogates not allowed',
  asciiIdentity: true,
  group: true,
  escapeInline: true,
  put(c, out) {
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) {
      if (c >= 0xd800 && c <= 0xdfff) return false;
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    return true;
  },
  passSurrogate: (c, out) => surrogates3(out, c),
};

export function utf8Encode(s: string, errors = 'strict'): Uint8Array {
  return encodeWith(UTF8, s, errors);
}

const cont = (b: number) => (b & 0xc0) === 0x80;

/** PyCodec_SurrogatePassErrors for utf-8: a three-byte surrogate at `at`, or -1 */
function utf8Surrogate(b: Uint8Array, at: number): number {
  if ((b[at] & 0xf0) !== 0xe0 || !cont(b[at + 1]) || !cont(b[at + 2])) return -1;
  return ((b[at] & 0x0f) << 12) | ((b[at + 1] & 0x3f) << 6) | (b[at + 2] & 0x3f);
}

/** UTF-8 decoding (stringlib utf8_decode's checks, unicode_decode_utf8's error ranges) */
export function utf8Decode(b: Uint8Array, errors: string, name = 'utf-8'): string {
  const n = b.length;
  let i = 0;
  // (the ASCII prefix at once)
  while (i < n && b[i] < 0x80) i++;
  if (i === n) return String.fromCharCode.apply(null, b.length < 4096 ? (b as unknown as number[]) : Array.from(b));
  const st = new DecodeState(name, b, errors, utf8Surrogate, 3);
  let out = '';
  const flushAscii = (from: number, to: number) => {
    for (let k = from; k < to; k += 4096) out += String.fromCharCode.apply(null, Array.from(b.subarray(k, Math.min(to, k + 4096))));
  };
  flushAscii(0, i);
  const err = (start: number, end: number, why: string): number => {
    st.out = '';
    const next = st.error(start, end, why);
    out += st.out;
    return next;
  };
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      let j = i + 1;
      while (j < n && b[j] < 0x80) j++;
      flushAscii(i, j);
      i = j;
      continue;
    }
    if (c < 0xc2 || c > 0xf4) {
      i = err(i, i + 1, 'invalid start byte');
      continue;
    }
    const left = n - i;
    if (c < 0xe0) {
      if (left < 2) {
        i = err(i, n, 'unexpected end of data');
        continue;
      }
      if (!cont(b[i + 1])) {
        i = err(i, i + 1, 'invalid continuation byte');
        continue;
      }
      out += String.fromCharCode(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
      continue;
    }
    // the second byte's range (E0: A0-BF, ED: 80-9F, F0: 90-BF, F4: 80-8F)
    const c2 = b[i + 1];
    const bad2 = (x: number) => !cont(x) || (c < 0xf0 ? (x < 0xa0 ? c === 0xe0 : c === 0xed) : x < 0x90 ? c === 0xf0 : c === 0xf4);
    const need = c < 0xf0 ? 3 : 4;
    if (left < need) {
      if (left < 2) i = err(i, n, 'unexpected end of data');
      else if (bad2(c2)) i = err(i, i + 1, 'invalid continuation byte');
      else if (need === 4 && left === 3 && !cont(b[i + 2])) i = err(i, i + 2, 'invalid continuation byte');
      else i = err(i, n, 'unexpected end of data');
      continue;
    }
    if (bad2(c2)) {
      i = err(i, i + 1, 'invalid continuation byte');
      continue;
    }
    if (!cont(b[i + 2])) {
      i = err(i, i + 2, 'invalid continuation byte');
      continue;
    }
    if (need === 3) {
      out += String.fromCharCode(((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
      continue;
    }
    if (!cont(b[i + 3])) {
      i = err(i, i + 3, 'invalid continuation byte');
      continue;
    }
    out += String.fromCodePoint(((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
    i += 4;
  }
  return out;
}

/** the normalised names (lowercase, no '-', '_' or ' ') this module handles -> canonical name */
const NAMES: Record<string, string> = {
  utf16: 'utf-16', utf16le: 'utf-16-le', utf16be: 'utf-16-be',
  utf32: 'utf-32', utf32le: 'utf-32-le', utf32be: 'utf-32-be',
  u16: 'utf-16', u32: 'utf-32', utf8sig: 'utf-8-sig',
};

export function utfCodecName(norm: string): string | null {
  return NAMES[norm] ?? null;
}

const utfEncoders = new Map<string, Encoder>();
function utfEncoder(name: string): Encoder {
  let enc = utfEncoders.get(name);
  if (enc) return enc;
  const width = name.startsWith('utf-16') ? 2 : 4;
  const le = !name.endsWith('-be');
  const unit = (u: number, out: number[]) => {
    if (width === 2) {
      if (le) out.push(u & 0xff, u >> 8);
      else out.push(u >> 8, u & 0xff);
    } else if (le) out.push(u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, u >>> 24);
    else out.push(u >>> 24, (u >> 16) & 0xff, (u >> 8) & 0xff, u & 0xff);
  };
  enc = {
    name,
    reason: 'surrogates not allowed',
    asciiIdentity: false,
    group: false,
    unit: width,
    put(c, out) {
      if (c >= 0xd800 && c <= 0xdfff) return false;
      if (width === 2 && c >= 0x10000) {
        unit(0xd800 | ((c - 0x10000) >> 10), out);
        unit(0xdc00 | ((c - 0x10000) & 0x3ff), out);
      } else unit(c, out);
      return true;
    },
    passSurrogate: unit,
  };
  utfEncoders.set(name, enc);
  return enc;
}

/** encode `s` with 'utf-16'/'utf-32' (and their -le/-be forms) or utf-8-sig */
export function utfEncode(s: string, name: string, errors: string): Uint8Array {
  if (name === 'utf-8-sig') {
    const body = utf8Encode(s, errors);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const body = encodeWith(utfEncoder(name), s, errors);
  if (name !== 'utf-16' && name !== 'utf-32') return body;
  const bom = name === 'utf-16' ? [0xff, 0xfe] : [0xff, 0xfe, 0, 0];
  const out = new Uint8Array(body.length + bom.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
}

/** decode `b` with 'utf-16'/'utf-32' (and their -le/-be forms) or utf-8-sig */
export function utfDecode(b: Uint8Array, name: string, errors: string): string {
  if (name === 'utf-8-sig') return utf8Decode(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b, errors);
  const width = name.startsWith('utf-16') ? 2 : 4;
  let le = !name.endsWith('-be');
  let i = 0;
  if (name === 'utf-16' && b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) i = 2;
    else if (b[0] === 0xfe && b[1] === 0xff) (i = 2), (le = false);
  } else if (name === 'utf-32' && b.length >= 4) {
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) i = 4;
    else if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) (i = 4), (le = false);
  }
  const codec = name.endsWith('e') ? name : name + (le ? '-le' : '-be');
  const n = b.length;
  const u16 = (j: number) => (le ? b[j] | (b[j + 1] << 8) : (b[j] << 8) | b[j + 1]);
  const u32 = (j: number) => (le ? (b[j] | (b[j + 1] << 8) | (b[j + 2] << 16) | (b[j + 3] << 24)) >>> 0 : ((b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3]) >>> 0);
  // (surrogatepass: the code unit at the error's start)
  const st = new DecodeState(codec, b, errors, (_b, j) => (width === 2 ? u16(j) : u32(j)), width);
  let out = '';
  const bad = (from: number, to: number, why: string): number => {
    st.out = '';
    const next = st.error(from, to, why);
    out += st.out;
    return next;
  };
  while (i < n) {
    if (n - i < width) {
      i = bad(i, n, 'truncated data');
      continue;
    }
    if (width === 4) {
      const c = u32(i);
      if (c > 0x10ffff) i = bad(i, i + 4, 'code point not in range(0x110000)');
      else if (c >= 0xd800 && c < 0xe000) i = bad(i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
      else {
        out += String.fromCodePoint(c);
        i += 4;
      }
      continue;
    }
    const u = u16(i);
    if (u < 0xd800 || u > 0xdfff) {
      out += String.fromCharCode(u);
      i += 2;
    } else if (u >= 0xdc00) i = bad(i, i + 2, 'illegal encoding');
    else if (n - i < 4) i = bad(i, n, 'unexpected end of data');
    else {
      const v = u16(i + 2);
      if (v >= 0xdc00 && v <= 0xdfff) {
        out += String.fromCharCode(u, v);
        i += 4;
      } else i = bad(i, i + 2, 'illegal UTF-16 surrogate');
    }
  }
  return out;
}
