// The UTF-16 and UTF-32 codecs and utf-8-sig (Objects/unicodeobject.c: PyUnicode_EncodeUTF16 /
// _PyUnicode_EncodeUTF32, PyUnicode_DecodeUTF16Stateful / PyUnicode_DecodeUTF32Stateful;
// Lib/encodings/utf_8_sig.py). 'utf-16' and 'utf-32' write a BOM and the little-endian order
// (CPython's native order on the platforms it is tested on) and read the order a BOM gives,
// else little-endian. Error handlers: strict, replace, ignore and surrogatepass.

import { raise } from '../errors';
import * as E from './exception';

/** the normalised names (lowercase, no '-', '_' or ' ') this module handles -> canonical name */
const NAMES: Record<string, string> = {
  utf16: 'utf-16', utf16le: 'utf-16-le', utf16be: 'utf-16-be',
  utf32: 'utf-32', utf32le: 'utf-32-le', utf32be: 'utf-32-be',
  u16: 'utf-16', u32: 'utf-32', utf8sig: 'utf-8-sig',
};

export function utfCodecName(norm: string): string | null {
  return NAMES[norm] ?? null;
}

function esc(c: number): string {
  return c < 0x10000 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`;
}

/** encode `s` with 'utf-16'/'utf-32' (and their -le/-be forms); `utf8` encodes for utf-8-sig */
export function utfEncode(s: string, name: string, errors: string, utf8: (s: string, errors: string) => Uint8Array): Uint8Array {
  if (name === 'utf-8-sig') {
    const body = utf8(s, errors);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const width = name.startsWith('utf-16') ? 2 : 4;
  const le = !name.endsWith('-be');
  const out: number[] = [];
  const unit = (u: number) => {
    if (width === 2) {
      if (le) out.push(u & 0xff, u >> 8);
      else out.push(u >> 8, u & 0xff);
    } else if (le) out.push(u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, u >>> 24);
    else out.push(u >>> 24, (u >> 16) & 0xff, (u >> 8) & 0xff, u & 0xff);
  };
  if (name === 'utf-16' || name === 'utf-32') unit(0xfeff);
  let pos = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff && errors !== 'surrogatepass') {
      if (errors === 'replace') unit(0x3f);
      else if (errors !== 'ignore') raise(E.UnicodeEncodeError, `'${name}' codec can't encode character '${esc(c)}' in position ${pos}: surrogates not allowed`);
    } else if (width === 2 && c >= 0x10000) {
      unit(0xd800 | ((c - 0x10000) >> 10));
      unit(0xdc00 | ((c - 0x10000) & 0x3ff));
    } else unit(c);
    pos++;
  }
  return Uint8Array.from(out);
}

/** decode `b` with 'utf-16'/'utf-32' (and their -le/-be forms); `utf8` decodes for utf-8-sig */
export function utfDecode(b: Uint8Array, name: string, errors: string, utf8: (b: Uint8Array, errors: string) => string): string {
  if (name === 'utf-8-sig') return utf8(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b, errors);
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
  let out = '';
  const bad = (from: number, to: number, why: string): void => {
    if (errors === 'ignore') return;
    if (errors === 'replace') {
      out += '\ufffd';
      return;
    }
    const what = to - from === 1 ? `byte 0x${b[from].toString(16).padStart(2, '0')} in position ${from}` : `bytes in position ${from}-${to - 1}`;
    raise(E.UnicodeDecodeError, `'${codec}' codec can't decode ${what}: ${why}`);
  };
  const n = b.length;
  const u16 = (j: number) => (le ? b[j] | (b[j + 1] << 8) : (b[j] << 8) | b[j + 1]);
  while (i < n) {
    if (n - i < width) {
      bad(i, n, 'truncated data');
      break;
    }
    if (width === 4) {
      const c = le ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0 : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
      if (c > 0x10ffff) bad(i, i + 4, 'code point not in range(0x110000)');
      else if (c >= 0xd800 && c < 0xe000 && errors !== 'surrogatepass') bad(i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
      else out += String.fromCodePoint(c);
      i += 4;
      continue;
    }
    const u = u16(i);
    if (u < 0xd800 || u > 0xdfff || errors === 'surrogatepass') {
      out += String.fromCharCode(u);
      i += 2;
    } else if (u >= 0xdc00) {
      bad(i, i + 2, 'illegal encoding');
      i += 2;
    } else if (n - i < 4) {
      bad(i, n, 'unexpected end of data');
      break;
    } else {
      const v = u16(i + 2);
      if (v >= 0xdc00 && v <= 0xdfff) {
        out += String.fromCharCode(u, v);
        i += 4;
      } else {
        bad(i, i + 2, 'illegal UTF-16 surrogate');
        i += 2;
      }
    }
  }
  return out;
}
