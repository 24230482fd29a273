// The Chinese multibyte codecs (Modules/cjkcodecs/_codecs_cn.c: gb2312, gbk, gb18030;
// _codecs_tw.c: big5; multibytecodec.c: their error handling). ASCII bytes are themselves, the
// other characters two bytes (gb18030: or four). An error covers one character, or one byte
// ('illegal multibyte sequence'), or the bytes left at the end when a sequence needs more
// ('incomplete multibyte sequence').
//
// The tables are built on first use. gbk's is the host's WHATWG gbk decoder (TextDecoder)
// without its private-use mappings, which is CPython 3.11's table exactly; gb2312 is gbk's
// GB2312 block (lead A1-F7, trail A1-FE) less the cells GBK added and with the two cells the
// codecs map differently (_codecs_cn.c's note). gb18030 is the WHATWG gb18030 decoder's
// two-byte table with the 2000 edition's private-use cells where GB18030-2005 and the WHATWG
// table map 20 cells to characters (CPython's gb18030 is the 2000 edition); its four-byte BMP
// sequences take, in order, the BMP characters that have no two-byte code (which is what
// CPython's gb18030_to_unibmp_ranges amount to). big5's hanzi blocks (A440-C67E, C940-F9D5)
// come from the host's big5 decoder, where every implementation agrees with CPython; the other
// cells CPython has (rows A1-A3, C6A1-C7FE, which the hosts map differently) are a table
// (codec_tables.ts). tools/verify-codecs.mjs checks every code against CPython.

import { raise } from '../errors';
import * as E from './exception';
import { Encoder, encodeWith, DecodeState } from './codec_errors';
import { BIG5_EXTRA } from './codec_tables';
import { parseTokens } from './codec_charmap';

type TD = new (label: string, opts?: { fatal: boolean }) => { decode(b: Uint8Array): string };

/** the host decoder's reading of every lead x trail pair into `dec` (code -> code point, 0: none) */
function hostPairs(label: string, leads: [number, number], trails: [number, number][], dec: Uint16Array): void {
  // the core's lib has no DOM types; node and the browsers have WHATWG's gbk, gb18030 and big5
  const TDc = (globalThis as { TextDecoder?: TD }).TextDecoder;
  if (!TDc) raise(E.LookupError, `unknown encoding: ${label}`);
  let n = 0;
  for (const [a, b] of trails) n += b - a + 1;
  const codes = new Uint16Array((leads[1] - leads[0] + 1) * n);
  let k = 0;
  for (let lead = leads[0]; lead <= leads[1]; lead++) for (const [a, b] of trails) for (let t = a; t <= b; t++) codes[k++] = (lead << 8) | t;
  // one decode of all pairs, each followed by a newline: a pair the decoder rejects gives U+FFFD
  // (and its trail byte again when that is ASCII)
  const buf = new Uint8Array(codes.length * 3);
  for (let i = 0; i < codes.length; i++) {
    buf[3 * i] = codes[i] >> 8;
    buf[3 * i + 1] = codes[i] & 0xff;
    buf[3 * i + 2] = 0x0a;
  }
  const text = new TDc(label).decode(buf);
  let j = 0;
  for (let i = 0; i < codes.length; i++) {
    const end = text.indexOf('\n', j);
    const c = text.charCodeAt(j);
    // (one BMP character; the pairs read here have no supplementary ones)
    if (end === j + 1 && c !== 0xfffd) dec[codes[i]] = c;
    j = end + 1;
  }
}

const ILLEGAL = 'illegal multibyte sequence';
const INCOMPLETE = 'incomplete multibyte sequence';

/** code -> code point and code point -> code (0: none; the codes and characters are all in the BMP
 * and never 0) */
interface Table {
  dec: Uint16Array;
  enc: Uint16Array;
}

/** the encoding map of a decoding table (the first code of a character, or the last) */
function invert(dec: Uint16Array, firstWins: boolean): Uint16Array {
  const enc = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const cp = dec[code];
    if (cp && (!firstWins || !enc[cp])) enc[cp] = code;
  }
  return enc;
}

let gbkT: Table | null = null;
function gbk(): Table {
  if (gbkT) return gbkT;
  const dec = new Uint16Array(65536);
  hostPairs('gbk', [0x81, 0xfe], [
    [0x40, 0x7e],
    [0x80, 0xfe],
  ], dec);
  for (let code = 0; code < 65536; code++) if (dec[code] >= 0xe000 && dec[code] <= 0xf8ff) dec[code] = 0;
  return (gbkT = { dec, enc: invert(dec, true) });
}

let gb2312T: Table | null = null;
function gb2312(): Table {
  if (gb2312T) return gb2312T;
  const dec = new Uint16Array(65536);
  const from = gbk().dec;
  for (let lead = 0xa1; lead <= 0xf7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) dec[(lead << 8) | trail] = from[(lead << 8) | trail];
  // the cells of GB2312's block that only GBK has
  const gbkOnly = [
    [0xa2a1, 0xa2aa],
    [0xa6e0, 0xa6eb],
    [0xa6ee, 0xa6f2],
    [0xa6f4, 0xa6f5],
    [0xa8bb, 0xa8bb],
    [0xa8bd, 0xa8be],
    [0xa8c0, 0xa8c0],
  ];
  for (const [a, b] of gbkOnly) dec.fill(0, a, b + 1);
  // (GBK_DECODE's exceptions: GB2312 has KATAKANA MIDDLE DOT and HORIZONTAL BAR there)
  dec[0xa1a4] = 0x30fb;
  dec[0xa1aa] = 0x2015;
  return (gb2312T = { dec, enc: invert(dec, true) });
}

let gb18030T: (Table & { bmp4: Uint16Array; bmp4Index: Uint16Array }) | null = null;
function gb18030() {
  if (gb18030T) return gb18030T;
  const dec = new Uint16Array(65536);
  hostPairs('gb18030', [0x81, 0xfe], [
    [0x40, 0x7e],
    [0x80, 0xfe],
  ], dec);
  // GB18030-2000's private-use cells (the 2005 edition and WHATWG: FE10-FE19, U+1E3F, 9FB4-9FBB,
  // and U+3000 for A3A0)
  const pua = [
    0xa3a0, 0xe5e5, 0xa6d9, 0xe78d, 0xa6da, 0xe78e, 0xa6db, 0xe78f, 0xa6dc, 0xe790, 0xa6dd, 0xe791,
    0xa6de, 0xe792, 0xa6df, 0xe793, 0xa6ec, 0xe794, 0xa6ed, 0xe795, 0xa6f3, 0xe796, 0xa8bc, 0xe7c7,
    0xfe59, 0xe81e, 0xfe61, 0xe826, 0xfe66, 0xe82b, 0xfe67, 0xe82c, 0xfe6d, 0xe832, 0xfe7e, 0xe843,
    0xfe90, 0xe854, 0xfea0, 0xe864,
  ];
  for (let i = 0; i < pua.length; i += 2) dec[pua[i]] = pua[i + 1];
  const enc = invert(dec, true);
  // the four-byte BMP sequences: the characters from U+0080 with no two-byte code, in order
  // (bmp4Index: 1 + the index, 0 for none)
  const bmp4 = new Uint16Array(39420);
  const bmp4Index = new Uint16Array(65536);
  let k = 0;
  for (let c = 0x80; c <= 0xffff; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || enc[c]) continue;
    bmp4Index[c] = k + 1;
    bmp4[k++] = c;
  }
  return (gb18030T = { dec, enc, bmp4, bmp4Index });
}

let big5T: Table | null = null;
function big5(): Table {
  if (big5T) return big5T;
  const trails: [number, number][] = [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ];
  const dec = new Uint16Array(65536);
  // the hanzi blocks from the host, then rows A1-A3 and C6A1-C7FE from the table
  hostPairs('big5', [0xa4, 0xf9], trails, dec);
  dec.fill(0, 0xc67f, 0xc940);
  dec.fill(0, 0xf9d6);
  const extra = parseTokens(BIG5_EXTRA);
  let k = 0;
  for (const lead of [0xa1, 0xa2, 0xa3, 0xc6, 0xc7]) {
    for (const [a, b] of lead === 0xc6 ? [[0xa1, 0xfe]] : trails) {
      for (let t = a; t <= b; t++) {
        const cp = extra[k++];
        dec[(lead << 8) | t] = cp >= 0 ? cp : 0;
      }
    }
  }
  // (big5's encoding map keeps the later of two cells for one character: A241, A242, A451, A4CA)
  return (big5T = { dec, enc: invert(dec, false) });
}

/** the encoders (ENCODER(gbk), ...): ASCII, then the two-byte code from the table, then where four
 * is given (gb18030) the four-byte sequence it writes (false: none) */
function cjkEncoder(name: string, table: () => Table, four?: (c: number, out: number[]) => boolean): Encoder {
  return {
    name,
    reason: ILLEGAL,
    asciiIdentity: true,
    group: false,
    put(c, out) {
      if (c < 0x80) {
        out.push(c);
        return true;
      }
      const code = c <= 0xffff ? table().enc[c] : 0;
      if (code) {
        out.push(code >> 8, code & 0xff);
        return true;
      }
      return four ? four(c, out) : false;
    },
  };
}

/** the decoders' loop (DECODER(gbk), DECODER(big5), ... in _codecs_cn.c / _codecs_tw.c): ASCII
 * bytes, two-byte codes from dec, and where four is given (gb18030) the four-byte sequences, those
 * whose second byte is a digit: four answers their code point, or -1 */
function decodeLoop(name: string, b: Uint8Array, errors: string, dec: Uint16Array, four?: (b: Uint8Array, i: number) => number): string {
  const st = new DecodeState(name, b, errors);
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i];
    if (c < 0x80) {
      st.out += String.fromCharCode(c);
      i++;
      continue;
    }
    if (i + 1 >= n) {
      i = st.error(i, n, INCOMPLETE);
      continue;
    }
    const c2 = b[i + 1];
    if (four && c2 >= 0x30 && c2 <= 0x39) {
      if (i + 3 >= n) {
        i = st.error(i, n, INCOMPLETE);
        continue;
      }
      const cp = four(b, i);
      if (cp < 0) {
        i = st.error(i, i + 1, ILLEGAL);
        continue;
      }
      st.out += String.fromCodePoint(cp);
      i += 4;
      continue;
    }
    const cp = dec[(c << 8) | c2];
    if (!cp) {
      i = st.error(i, i + 1, ILLEGAL);
      continue;
    }
    st.out += String.fromCharCode(cp);
    i += 2;
  }
  return st.out;
}

/** ENCODER(gb18030)'s four-byte sequence of a character without a two-byte code */
function gb18030EncodeFour(c: number, out: number[]): boolean {
  let tc: number;
  let first: number;
  if (c >= 0x10000) {
    tc = c - 0x10000;
    first = 0x90;
  } else {
    const k = gb18030().bmp4Index[c];
    if (!k) return false;
    tc = k - 1;
    first = 0x81;
  }
  const b4 = (tc % 10) + 0x30;
  tc = Math.floor(tc / 10);
  const b3 = (tc % 126) + 0x81;
  tc = Math.floor(tc / 126);
  const b2 = (tc % 10) + 0x30;
  out.push(Math.floor(tc / 10) + first, b2, b3, b4);
  return true;
}

/** DECODER(gb18030)'s four-byte sequence at i: its code point, or -1 */
function gb18030Four(b: Uint8Array, i: number): number {
  const c = b[i];
  const c2 = b[i + 1];
  const c3 = b[i + 2];
  const c4 = b[i + 3];
  if (c >= 0x81 && c3 >= 0x81 && c3 <= 0xfe && c4 >= 0x30 && c4 <= 0x39) {
    const l1 = c - 0x81;
    const rest = (c2 - 0x30) * 1260 + (c3 - 0x81) * 10 + (c4 - 0x30);
    if (l1 < 4) {
      const lseq = l1 * 12600 + rest;
      if (lseq < 39420) return gb18030().bmp4[lseq];
    } else if (l1 >= 15) {
      const lseq = 0x10000 + (l1 - 15) * 12600 + rest;
      if (lseq <= 0x10ffff) return lseq;
    }
  }
  return -1;
}

const GBK = cjkEncoder('gbk', gbk);
const GB2312 = cjkEncoder('gb2312', gb2312);
const BIG5 = cjkEncoder('big5', big5);
const GB18030 = cjkEncoder('gb18030', gb18030, gb18030EncodeFour);

/** the module names of the codecs here (encodings.gbk, ...) */
export const CJK_CODECS = ['gbk', 'gb2312', 'gb18030', 'big5'];

export function cjkEncode(name: string, s: string, errors: string): Uint8Array {
  switch (name) {
    case 'gbk':
      return encodeWith(GBK, s, errors);
    case 'gb2312':
      return encodeWith(GB2312, s, errors);
    case 'big5':
      return encodeWith(BIG5, s, errors);
    default:
      return encodeWith(GB18030, s, errors);
  }
}

export function cjkDecode(name: string, b: Uint8Array, errors: string): string {
  switch (name) {
    case 'gbk':
      return decodeLoop('gbk', b, errors, gbk().dec);
    case 'gb2312':
      return decodeLoop('gb2312', b, errors, gb2312().dec);
    case 'big5':
      return decodeLoop('big5', b, errors, big5().dec);
    default:
      return decodeLoop('gb18030', b, errors, gb18030().dec, gb18030Four);
  }
}

/** the tables, for tests: code -> code point */
export function cjkTable(name: string): Map<number, number> {
  const dec = (name === 'gbk' ? gbk() : name === 'gb2312' ? gb2312() : name === 'big5' ? big5() : gb18030()).dec;
  const m = new Map<number, number>();
  dec.forEach((cp, code) => cp && m.set(code, cp));
  return m;
}
