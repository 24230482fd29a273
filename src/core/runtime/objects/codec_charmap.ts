// The single-byte codecs: ascii and latin-1 (unicode_encode_ucs1, PyUnicode_DecodeASCII /
// PyUnicode_DecodeLatin1) and the charmap codecs (Lib/encodings/cp1252.py and its kin: a
// 256-entry decoding table; PyUnicode_DecodeCharmap, PyUnicode_EncodeCharmap with
// charmap_encoding_error). Their tables come from CPython (codec_tables.ts) and are parsed on
// first use. Charmap errors name the 'charmap' codec: "character maps to <undefined>".

import { Encoder, encodeWith, DecodeState } from './codec_errors';
import { CHARMAPS } from './codec_tables';

/** a codec_tables.ts token list -> code points (-1: undefined) */
export function parseTokens(s: string): number[] {
  const out: number[] = [];
  for (const tok of s.split(',')) {
    if (tok[0] === '~') {
      const n = tok.length > 1 ? Number(tok.slice(1)) + 1 : 1;
      for (let i = 0; i < n; i++) out.push(-1);
      continue;
    }
    const plus = tok.indexOf('+');
    const c = parseInt(plus < 0 ? tok : tok.slice(0, plus), 16);
    const n = plus < 0 ? 0 : Number(tok.slice(plus + 1));
    for (let i = 0; i <= n; i++) out.push(c + i);
  }
  return out;
}

let index: Map<string, string> | null = null;

/** the charmap codecs' module names (cp1252, iso8859_2, koi8_r, ...) */
export function isCharmap(module: string): boolean {
  if (!index) {
    index = new Map();
    for (const entry of CHARMAPS.split(';')) {
      const colon = entry.indexOf(':');
      index.set(entry.slice(entry[0] === '*' ? 1 : 0, colon), entry);
    }
  }
  return index.has(module);
}

interface Charmap {
  dec: Int32Array;
  enc: Encoder;
}
const charmaps = new Map<string, Charmap>();

function charmap(module: string): Charmap {
  let cm = charmaps.get(module);
  if (cm) return cm;
  isCharmap(module);
  const entry = index!.get(module)!;
  const full = entry[0] === '*';
  const cps = parseTokens(entry.slice(entry.indexOf(':') + 1));
  const dec = new Int32Array(256);
  for (let i = 0; i < 256; i++) dec[i] = full ? cps[i] : i < 128 ? i : cps[i - 128];
  // (charmap_build: a character in two cells encodes as the later one)
  const map = new Map<number, number>();
  for (let i = 0; i < 256; i++) if (dec[i] >= 0) map.set(dec[i], i);
  let asciiIdentity = true;
  for (let c = 0; c < 128; c++) if (map.get(c) !== c) asciiIdentity = false;
  const enc: Encoder = {
    name: 'charmap',
    reason: 'character maps to <undefined>',
    asciiIdentity,
    group: true,
    put(c, out) {
      const b = map.get(c);
      if (b === undefined) return false;
      out.push(b);
      return true;
    },
  };
  cm = { dec, enc };
  charmaps.set(module, cm);
  return cm;
}

export function charmapEncode(module: string, s: string, errors: string): Uint8Array {
  return encodeWith(charmap(module).enc, s, errors);
}

export function charmapDecode(module: string, b: Uint8Array, errors: string): string {
  const dec = charmap(module).dec;
  const st = new DecodeState('charmap', b, errors);
  for (let i = 0; i < b.length; ) {
    const c = dec[b[i]];
    if (c < 0) i = st.error(i, i + 1, 'character maps to <undefined>');
    else {
      st.out += String.fromCharCode(c);
      i++;
    }
  }
  return st.out;
}

const ASCII: Encoder = {
  name: 'ascii',
  reason: 'ordinal not in range(128)',
  asciiIdentity: true,
  group: true,
  escapeInline: true,
  put(c, out) {
    if (c >= 0x80) return false;
    out.push(c);
    return true;
  },
};
const LATIN1: Encoder = { ...ASCII, name: 'latin-1', reason: 'ordinal not in range(256)', put: (c, out) => c < 0x100 && out.push(c) > 0 };

export function asciiEncode(s: string, errors: string): Uint8Array {
  return encodeWith(ASCII, s, errors);
}

export function latin1Encode(s: string, errors: string): Uint8Array {
  return encodeWith(LATIN1, s, errors);
}

function fromBytes(b: Uint8Array): string {
  let s = '';
  for (let k = 0; k < b.length; k += 4096) s += String.fromCharCode.apply(null, Array.from(b.subarray(k, k + 4096)));
  return s;
}

export function asciiDecode(b: Uint8Array, errors: string): string {
  let i = 0;
  while (i < b.length && b[i] < 0x80) i++;
  if (i === b.length) return fromBytes(b);
  const st = new DecodeState('ascii', b, errors);
  st.out = fromBytes(b.subarray(0, i));
  while (i < b.length) {
    if (b[i] >= 0x80) i = st.error(i, i + 1, 'ordinal not in range(128)');
    else st.out += String.fromCharCode(b[i++]);
  }
  return st.out;
}

export function latin1Decode(b: Uint8Array): string {
  return fromBytes(b);
}

/** false for the charmap codecs that do not keep ASCII where it is (the EBCDIC ones) */
export function charmapAsciiCompatible(module: string): boolean {
  return !isCharmap(module) || charmap(module).enc.asciiIdentity;
}
