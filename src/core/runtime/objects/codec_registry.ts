// Finding a codec by its name, and str.encode / bytes.decode through it
// (Objects/unicodeobject.c PyUnicode_AsEncodedString / PyUnicode_Decode with their fast paths
// for utf-8, utf-16, utf-32, ascii and latin-1; Python/codecs.c _PyCodec_Lookup,
// _PyCodec_EncodeText / _PyCodec_DecodeText and wrap_codec_error; Lib/encodings/__init__.py's
// search_function: normalize_encoding, then encodings.aliases, then the encodings package's
// module of that name). CPython's codecs the registry finds but RefScope does not implement
// (shift_jis, euc_kr, ...) are reported as not supported.

import { TypeFlags } from '../object';
import { raise, unsupported, newException } from '../errors';
import * as E from './exception';
import { PyBaseException } from './exception';
import { PyStr } from './str';
import { ALIASES, MODULES, CODEC_NAMES, NON_TEXT } from './codec_tables';
import { utf8Encode, utf8Decode, utfEncode, utfDecode } from './codec_utf';
import { asciiEncode, asciiDecode, latin1Encode, latin1Decode, isCharmap, charmapEncode, charmapDecode } from './codec_charmap';
import { CJK_CODECS, cjkEncode, cjkDecode } from './codec_cjk';

/** _Py_normalize_encoding: runs of characters other than ASCII letters, digits and '.' become
 * one '_' (none at the ends), lowercased */
export function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const ch of name) {
    if (/^[A-Za-z0-9.]$/.test(ch)) {
      if (punct && out) out += '_';
      out += ch.toLowerCase();
      punct = false;
    } else punct = true;
  }
  return out;
}

/** the encodings PyUnicode_AsEncodedString / PyUnicode_Decode handle themselves -> module */
const FAST: Record<string, string> = {
  utf_8: 'utf_8', utf8: 'utf_8', utf_16: 'utf_16', utf16: 'utf_16', utf_32: 'utf_32', utf32: 'utf_32',
  ascii: 'ascii', us_ascii: 'ascii', latin1: 'latin_1', latin_1: 'latin_1', iso_8859_1: 'latin_1', iso8859_1: 'latin_1',
};

let aliases: Map<string, string> | null = null;
let modules: Set<string> | null = null;

function tables(): void {
  aliases = new Map(ALIASES.split(';').map((e) => e.split(':') as [string, string]));
  modules = new Set(MODULES.split(';'));
}

/** search_function: the encodings module for `encoding`, or null (an unknown encoding) */
export function codecModule(encoding: string): string | null {
  if (!aliases) tables();
  const norm = normalizeEncoding(encoding);
  const aliased = aliases!.get(norm) ?? aliases!.get(norm.replace(/\./g, '_'));
  for (const m of aliased !== undefined ? [aliased, norm] : [norm]) {
    if (!m || m.includes('.')) continue;
    if (modules!.has(m)) return m;
  }
  return null;
}

/** CodecInfo.name of an encodings module */
export function codecName(module: string): string {
  for (const e of CODEC_NAMES.split(';')) {
    const [m, n] = e.split(':');
    if (m === module) return n;
  }
  return module.replace(/_/g, '-');
}

const UTF: Record<string, string> = {
  utf_8_sig: 'utf-8-sig', utf_16: 'utf-16', utf_16_le: 'utf-16-le', utf_16_be: 'utf-16-be',
  utf_32: 'utf-32', utf_32_le: 'utf-32-le', utf_32_be: 'utf-32-be',
};

/** whether RefScope has the codec of this encodings module */
function implemented(module: string): boolean {
  return module === 'utf_8' || module === 'ascii' || module === 'latin_1' || module in UTF || CJK_CODECS.includes(module) || isCharmap(module);
}

/** _PyCodec_Lookup for a text codec: its module, or LookupError; codecs RefScope lacks are not
 * supported (`what`: the text-encoding check's alternative, or null for codecs.lookup) */
export function lookupCodec(encoding: string, textCheck: string | null): string {
  const m = codecModule(encoding);
  if (m === null) raise(E.LookupError, `unknown encoding: ${encoding}`);
  if (textCheck !== null && NON_TEXT.split(';').includes(m)) raise(E.LookupError, `'${encoding}' is not a text encoding; use ${textCheck} to handle arbitrary codecs`);
  requireImplemented(m);
  return m;
}

/** codecs RefScope lacks are reported as not supported */
export function requireImplemented(m: string): void {
  if (!implemented(m)) unsupported(`the '${codecName(m)}' codec`);
}

export function moduleEncode(m: string, s: string, errors: string): Uint8Array {
  if (m === 'utf_8') return utf8Encode(s, errors);
  if (m === 'ascii') return asciiEncode(s, errors);
  if (m === 'latin_1') return latin1Encode(s, errors);
  if (m in UTF) return utfEncode(s, UTF[m], errors);
  if (CJK_CODECS.includes(m)) return cjkEncode(m, s, errors);
  return charmapEncode(m, s, errors);
}

export function moduleDecode(m: string, b: Uint8Array, errors: string): string {
  if (m === 'utf_8') return utf8Decode(b, errors);
  if (m === 'ascii') return asciiDecode(b, errors);
  if (m === 'latin_1') return latin1Decode(b);
  if (m in UTF) return utfDecode(b, UTF[m], errors);
  if (CJK_CODECS.includes(m)) return cjkDecode(m, b, errors);
  return charmapDecode(m, b, errors);
}

/** wrap_codec_error (_PyErr_TrySetFromCause): an exception of a plain type from inside a codec
 * becomes one of the same type saying which codec failed, caused by it */
export function wrapCodecError(e: unknown, op: string, encoding: string): unknown {
  if (!(e instanceof PyBaseException)) return e;
  const t = e.type;
  if (t.flags & TypeFlags.HEAPTYPE || t.basicsize !== E.BaseException.basicsize || t.isSubtype(E.UnicodeError)) return e;
  const items = e.args.items;
  if (items.length > 1 || (items.length === 1 && !(items[0] instanceof PyStr)) || e.dict?.size) return e;
  const text = items.length ? (items[0] as PyStr).v : '';
  const w = newException(t, `${op} with '${encoding}' codec failed (${t.name}: ${text})`);
  w.cause = e;
  w.suppressContext = true;
  return w;
}

/** str.encode(encoding, errors) */
export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  const fast = FAST[normalizeEncoding(encoding)];
  if (fast) return moduleEncode(fast, s, errors);
  const m = lookupCodec(encoding, 'codecs.encode()');
  try {
    return moduleEncode(m, s, errors);
  } catch (e) {
    throw wrapCodecError(e, 'encoding', encoding);
  }
}

/** bytes.decode(encoding, errors) */
export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  const fast = FAST[normalizeEncoding(encoding)];
  if (fast) return moduleDecode(fast, b, errors);
  const m = lookupCodec(encoding, 'codecs.decode()');
  try {
    return moduleDecode(m, b, errors);
  } catch (e) {
    throw wrapCodecError(e, 'decoding', encoding);
  }
}
