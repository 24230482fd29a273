// Helpers shared by builtins and type methods: format(), list sorting.

import { PyObject, decref, newRef } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, IntType, BoolType } from '../runtime/objects/int';
import { PyFloat, FloatType } from '../runtime/objects/float';
import { PyStr, StrType } from '../runtime/objects/str';
import { PyList } from '../runtime/objects/list';
import { formatInt, formatFloat, formatStr } from '../runtime/primitives/format';
import { FormatError } from '../runtime/primitives/errors';
import { raise, typeError } from '../runtime/errors';
import { excTypes } from '../runtime/objects/exception';
import * as E from '../runtime/objects/exception';
import { newStr } from '../runtime/objects/str';
import { PyBuiltinFunction } from '../runtime/types';

/** format(value, spec) (PyObject_Format) */
export function formatObject(v: PyObject, spec: string): string {
  // PyObject_Format's fast paths for an empty spec: an exact str as it is, an exact int through
  // PyObject_Str (which counts a recursion level)
  if (spec === '') {
    if (v.type === StrType) return (v as PyStr).v;
    if (v.type === IntType) return abs.str(v);
  }
  const t = v.type;
  if (t === IntType || t === FloatType || t === StrType) {
    // the exact builtin types' __format__ is their own builtin (their dicts are read-only), called
    // as cfunction_vectorcall_O (one recursion level), so no lookup is needed
    abs.enterRecursiveCall(' while calling a Python object');
    try {
      return formatWith(v, spec, null);
    } finally {
      abs.leaveRecursiveCall();
    }
  }
  const f = abs.typeLookup(t, '__format__');
  if (f instanceof PyBuiltinFunction) {
    // a builtin __format__ (METH_O) is called through cfunction_vectorcall_O, which counts a level
    abs.enterRecursiveCall(' while calling a Python object');
    try {
      return formatWith(v, spec, f);
    } finally {
      abs.leaveRecursiveCall();
    }
  }
  return formatWith(v, spec, f);
}

function formatWith(v: PyObject, spec: string, f: PyObject | null): string {
  try {
    if (v.type === IntType) return formatInt((v as PyInt).v, spec);
    if (v.type === BoolType) {
      if (spec === '') return abs.str(v);
      return formatInt((v as PyInt).v, spec, 'bool');
    }
    if (v.type === FloatType) return formatFloat((v as PyFloat).v, spec);
    if (v.type === StrType) return formatStr((v as PyStr).v, spec);
  } catch (e) {
    if (e instanceof FormatError) raise(excTypes.get(e.pyType)!, e.message);
    throw e;
  }
  if (!f) typeError(`Type ${v.type.name} doesn't define __format__`);
  const s = newStr(spec);
  try {
    const r = abs.callMethodObj(f, v, [s]);
    if (!(r instanceof PyStr)) {
      decref(r);
      typeError(`__format__ must return a str, not ${r.type.name}`);
    }
    const out = r.v;
    decref(r);
    return out;
  } finally {
    decref(s);
  }
}

/**
 * list.sort (Objects/listobject.c): a stable sort using only `<`; keys computed once per item.
 * While sorting, the list appears empty (CPython detects modification: "list modified during sort").
 */
export function sortList(l: PyList, key: PyObject | null, reverse: boolean): void {
  const items = l.items;
  l.items = [];
  let keys: PyObject[] | null = null;
  try {
    if (key) {
      keys = [];
      for (const x of items) keys.push(abs.call(key, [x], null));
    }
    const idx = items.map((_, i) => i);
    const ks = keys ?? items;
    if (reverse) idx.reverse();
    const lt = (a: number, b: number) => abs.richCompareBool(ks[a], ks[b], Cmp.LT);
    const sorted = mergeSort(idx, lt);
    if (reverse) sorted.reverse();
    const out = sorted.map((i) => items[i]);
    if (l.items.length) {
      const junk = l.items;
      l.items = out;
      for (const x of junk) decref(x);
      raise(E.ValueError, 'list modified during sort');
    }
    l.items = out;
  } catch (e) {
    if (l.items.length === 0) l.items = items;
    throw e;
  } finally {
    if (keys) for (const k of keys) decref(k);
  }
}

/** A stable merge sort calling `lt(a, b)` (may throw). */
function mergeSort(a: number[], lt: (x: number, y: number) => boolean): number[] {
  if (a.length < 2) return a.slice();
  // binary insertion sort for small runs, like timsort's
  if (a.length <= 32) {
    const out: number[] = [];
    for (const x of a) {
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (lt(x, out[mid])) hi = mid;
        else lo = mid + 1;
      }
      out.splice(lo, 0, x);
    }
    return out;
  }
  const mid = a.length >> 1;
  const left = mergeSort(a.slice(0, mid), lt);
  const right = mergeSort(a.slice(mid), lt);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (lt(right[j], left[i])) out.push(right[j++]);
    else out.push(left[i++]);
  }
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

void newRef;
