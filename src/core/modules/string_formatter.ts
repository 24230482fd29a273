// _string (Objects/stringlib/unicode_format.h): formatter_parser and formatter_field_name_split,
// the parsing str.format does, as iterators for string.Formatter (pysrc/string_formatter.ts).

import { PyObject, newRef } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { registerModule, type ModuleBuilder } from '../runtime/define';
import { makeType, PyBuiltinFunction } from '../runtime/types';
import { PyStr, newStr } from '../runtime/objects/str';
import { newInt, newBool } from '../runtime/objects/int';
import { newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { PyNativeIter } from './modutil';

// (plain objects in CPython: PyObject_New, not tracked by the gc)
const FormatterIterType = makeType('formatteriterator', null, 0, 32);
FormatterIterType.module = 'builtins';
FormatterIterType.slots.iter = (o) => newRef(o);
FormatterIterType.slots.next = (o) => (o as PyNativeIter).step(o as PyNativeIter);
const FieldNameIterType = makeType('fieldnameiterator', null, 0, 48);
FieldNameIterType.module = 'builtins';
FieldNameIterType.slots.iter = (o) => newRef(o);
FieldNameIterType.slots.next = (o) => (o as PyNativeIter).step(o as PyNativeIter);

/** one MarkupIterator_next result: literal text, and the field if markup follows */
interface Chunk {
  literal: string;
  field: { name: string; spec: string; conv: string | null } | null;
}

/** MarkupIterator_next over `s` from `pos`: [chunk, next pos], or an error message */
function markupNext(s: string, pos: number): [Chunk, number] | string {
  const end = s.length;
  const start = pos;
  let c = '';
  let markup = false;
  while (pos < end) {
    c = s[pos++];
    if (c === '{' || c === '}') {
      markup = true;
      break;
    }
  }
  const atEnd = pos >= end;
  let len = pos - start;
  if (c === '}' && markup && (atEnd || s[pos] !== c)) return "Single '}' encountered in format string";
  if (atEnd && c === '{' && markup) return "Single '{' encountered in format string";
  if (!atEnd) {
    if (s[pos] === c) {
      pos++; // an escaped '{{' or '}}'
      markup = false;
    } else len--;
  }
  const literal = s.slice(start, start + len);
  if (!markup) return [{ literal, field: null }, pos];
  // parse_field: the name ends at '}', ':' or '!' (a '[' skips to its ']')
  const nameStart = pos;
  c = '';
  scan: while (pos < end) {
    c = s[pos++];
    switch (c) {
      case '{':
        return "unexpected '{' in field name";
      case '[':
        while (pos < end && s[pos] !== ']') pos++;
        continue;
      case '}':
      case ':':
      case '!':
        break scan;
    }
  }
  const name = s.slice(nameStart, pos - 1);
  let conv: string | null = null;
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (pos >= end) return 'end of string while looking for conversion specifier';
      conv = String.fromCodePoint(s.codePointAt(pos)!);
      pos += conv.length;
      if (pos < end) {
        c = s[pos++];
        if (c === '}') return [{ literal, field: { name, spec: '', conv } }, pos];
        if (c !== ':') return "expected ':' after conversion specifier";
      }
    }
    const specStart = pos;
    let count = 1;
    while (pos < end) {
      c = s[pos++];
      if (c === '{') count++;
      else if (c === '}' && --count === 0) return [{ literal, field: { name, spec: s.slice(specStart, pos - 1), conv } }, pos];
    }
    return "unmatched '{' in format spec";
  }
  if (c !== '}') return "expected '}' before end of string";
  return [{ literal, field: { name, spec: '', conv } }, pos];
}

/** get_integer: a decimal index, or -1 */
function getInteger(s: string): number | bigint {
  if (s === '' || !/^[0-9]+$/.test(s)) return -1;
  const v = BigInt(s);
  if (v > 9223372036854775807n) raise(E.ValueError, 'Too many decimal digits in format string');
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function formatterParser(s: PyStr): PyObject {
  const text = s.v;
  let pos = 0;
  return new PyNativeIter(FormatterIterType, [newRef(s)], () => {
    if (pos >= text.length) return null;
    const r = markupNext(text, pos);
    if (typeof r === 'string') {
      pos = text.length;
      raise(E.ValueError, r);
    }
    const [chunk, next] = r;
    pos = next;
    const f = chunk.field;
    return newTuple([
      newStr(chunk.literal),
      f ? newStr(f.name) : newRef(None),
      f ? newStr(f.spec) : newRef(None),
      f && f.conv !== null ? newStr(f.conv) : newRef(None),
    ]);
  });
}

/** formatter_field_name_split: (first, iterator of (is_attr, key)) */
function fieldNameSplit(s: PyStr): PyObject {
  const text = s.v;
  let i = 0;
  while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
  const first = text.slice(0, i);
  const idx = getInteger(first);
  let pos = i;
  const it = new PyNativeIter(FieldNameIterType, [newRef(s)], () => {
    // FieldNameIterator_next
    if (pos >= text.length) return null;
    const c = text[pos++];
    let name: string;
    let isAttr: boolean;
    if (c === '.') {
      isAttr = true;
      const st = pos;
      while (pos < text.length && text[pos] !== '[' && text[pos] !== '.') pos++;
      name = text.slice(st, pos);
    } else if (c === '[') {
      isAttr = false;
      const st = pos;
      while (pos < text.length && text[pos] !== ']') pos++;
      if (pos >= text.length) raise(E.ValueError, "Missing ']' in format string");
      name = text.slice(st, pos);
      pos++;
    } else raise(E.ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    const k = isAttr ? -1 : getInteger(name);
    if (name === '') raise(E.ValueError, 'Empty attribute in format string');
    return newTuple([newBool(isAttr), k !== -1 ? newInt(k) : newStr(name)]);
  });
  return newTuple([idx !== -1 ? newInt(idx) : newStr(first), it]);
}

registerModule('_string', (m: ModuleBuilder) => {
  m.own('__doc__', newStr('string helper module'));
  m.fn('formatter_parser', (args, kw) => {
    if (kw && kw.length) typeError('_string.formatter_parser() takes no keyword arguments');
    if (args.length !== 1) typeError(`_string.formatter_parser() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyStr)) typeError(`expected str, got ${args[0].type.name}`);
    return formatterParser(args[0]);
  });
  m.fn('formatter_field_name_split', (args, kw) => {
    if (kw && kw.length) typeError('_string.formatter_field_name_split() takes no keyword arguments');
    if (args.length !== 1) typeError(`_string.formatter_field_name_split() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyStr)) typeError(`expected str, got ${args[0].type.name}`);
    return fieldNameSplit(args[0]);
  });
  (m.dict.getStr(abs.strKey('formatter_parser')) as PyBuiltinFunction).doc = 'parse the argument as a format string';
  (m.dict.getStr(abs.strKey('formatter_field_name_split')) as PyBuiltinFunction).doc = 'split the argument as a field name';
});

