// The 'gbk' codec (alias cp936), as Modules/cjkcodecs/_codecs_cn.c: ASCII bytes as themselves, other
// characters as two bytes (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F). The table is the WHATWG
// gbk decoder's (TextDecoder) two-byte part without its private-use mappings, which is CPython
// 3.11's gbk table exactly (checked pair by pair, both directions). Errors cover one byte or one
// character: 'illegal multibyte sequence', or 'incomplete multibyte sequence' for a lead byte
// at the end of the input.

import { raise } from '../errors';
import * as E from './exception';

let decodeTable: Map<number, number> | null = null;
let encodeTable: Map<number, number> | null = null;

function load(): void {
  // the host's TextDecoder (node and browsers have the WHATWG gbk decoder); the core's lib has no DOM types
  const TD = (globalThis as { TextDecoder?: new (label: string, opts: { fatal: boolean }) => { decode(b: Uint8Array): string } }).TextDecoder;
  if (!TD) raise(E.LookupError, 'unknown encoding: gbk');
  const td = new TD('gbk', { fatal: true });
  decodeTable = new Map();
  encodeTable = new Map();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let s: string;
      try {
        s = td.decode(pair);
      } catch {
        continue;
      }
      const cp = s.codePointAt(0)!;
      if (s.length !== 1 || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
      const code = (lead << 8) | trail;
      decodeTable.set(code, cp);
      if (!encodeTable.has(cp)) encodeTable.set(cp, code);
    }
  }
}

export function isGbkName(enc: string): boolean {
  // enc: lower case without '-', '_' and spaces (encodings.aliases: cp936, ms936, 936)
  return enc === 'gbk' || enc === 'cp936' || enc === 'ms936' || enc === '936';
}

export function gbkEncode(s: string, errors: string): Uint8Array {
  if (!encodeTable) load();
  const out: number[] = [];
  let pos = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const code = encodeTable!.get(c);
      if (code !== undefined) out.push(code >> 8, code & 0xff);
      else if (errors === 'replace') out.push(0x3f);
      else if (errors !== 'ignore') {
        const esc = c < 256 ? `\\x${c.toString(16).padStart(2, '0')}` : c < 65536 ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`;
        raise(E.UnicodeEncodeError, `'gbk' codec can't encode character '${esc}' in position ${pos}: illegal multibyte sequence`);
      }
    }
    pos++;
  }
  return Uint8Array.from(out);
}

export function gbkDecode(b: Uint8Array, errors: string): string {
  if (!decodeTable) load();
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    const cp = i + 1 < b.length ? decodeTable!.get((c << 8) | b[i + 1]) : undefined;
    if (cp !== undefined) {
      s += String.fromCodePoint(cp);
      i += 2;
      continue;
    }
    if (errors === 'replace') s += '\ufffd';
    else if (errors !== 'ignore') {
      const why = i + 1 < b.length ? 'illegal multibyte sequence' : 'incomplete multibyte sequence';
      raise(E.UnicodeDecodeError, `'gbk' codec can't decode byte 0x${c.toString(16).padStart(2, '0')} in position ${i}: ${why}`);
    }
    i++;
  }
  return s;
}
