// heapq (Modules/_heapqmodule.c: siftdown/siftup, heappush/heappop/heapify/heapreplace/
// heappushpop) plus nlargest/nsmallest/merge (Lib/heapq.py results: stable, ties by position).

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, checkArgs, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyList, newList, listAppend } from '../runtime/objects/list';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';

const lt = (a: PyObject, b: PyObject) => abs.richCompareBool(a, b, Cmp.LT);

function heapList(o: PyObject, name: string): PyList {
  if (!(o instanceof PyList)) typeError(`${name}() argument 1 must be list, not ${o.type.name}`);
  return o;
}
/** _siftdown(heap, startpos, pos) */
function siftdown(h: PyObject[], start: number, pos: number): void {
  const item = h[pos];
  while (pos > start) {
    const parentpos = (pos - 1) >> 1;
    const parent = h[parentpos];
    if (lt(item, parent)) {
      h[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  h[pos] = item;
}
/** _siftup(heap, pos) */
function siftup(h: PyObject[], pos: number): void {
  const end = h.length;
  const start = pos;
  const item = h[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(h[child], h[right])) child = right;
    h[pos] = h[child];
    pos = child;
    child = 2 * pos + 1;
  }
  h[pos] = item;
  siftdown(h, start, pos);
}

function sortedStable(items: PyObject[], keys: PyObject[], reverse: boolean): number[] {
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => {
    const [x, y] = reverse ? [keys[b], keys[a]] : [keys[a], keys[b]];
    if (lt(x, y)) return -1;
    if (lt(y, x)) return 1;
    return a - b;
  });
  return idx;
}

registerModule('heapq', (m) => {
  // its functions are _heapq's in CPython (their __self__)
  m.functionsOf('_heapq');
  m.fn('heappush', (args, kw) => {
    checkArgs('heappush', args, kw, 2, 2);
    const l = heapList(args[0], 'heappush');
    listAppend(l, newRef(args[1]));
    siftdown(l.items, 0, l.items.length - 1);
    return newRef(None);
  });
  m.fn('heappop', (args, kw) => {
    checkArgs('heappop', args, kw, 1, 1);
    const l = heapList(args[0], 'heappop');
    const h = l.items;
    if (!h.length) raise(E.IndexError, 'index out of range');
    const last = h.pop()!;
    l.resized(h.length);
    if (!h.length) return last;
    const ret = h[0];
    h[0] = last;
    siftup(h, 0);
    return ret;
  });
  m.fn('heapify', (args, kw) => {
    checkArgs('heapify', args, kw, 1, 1);
    const h = heapList(args[0], 'heapify').items;
    for (let i = (h.length >> 1) - 1; i >= 0; i--) siftup(h, i);
    return newRef(None);
  });
  m.fn('heapreplace', (args, kw) => {
    checkArgs('heapreplace', args, kw, 2, 2);
    const h = heapList(args[0], 'heapreplace').items;
    if (!h.length) raise(E.IndexError, 'index out of range');
    const ret = h[0];
    h[0] = newRef(args[1]);
    siftup(h, 0);
    return ret;
  });
  m.fn('heappushpop', (args, kw) => {
    checkArgs('heappushpop', args, kw, 2, 2);
    const h = heapList(args[0], 'heappushpop').items;
    if (!h.length || !lt(h[0], args[1])) return newRef(args[1]);
    const ret = h[0];
    h[0] = newRef(args[1]);
    siftup(h, 0);
    return ret;
  });
  const nbest = (name: string, reverse: boolean) =>
    m.fn(name, (args, kw) => {
      const [nO, it, key] = parseArgs({ name, params: ['n', 'iterable', 'key'], required: 2 }, args, kw);
      const n = Number(abs.index(nO!));
      const items = abs.toArray(it!);
      const keys: PyObject[] = [];
      try {
        for (const x of items) keys.push(key && key !== None ? abs.call(key, [x], null) : newRef(x));
        const idx = sortedStable(items, keys, reverse).slice(0, Math.max(0, n));
        return newList(idx.map((i) => newRef(items[i])));
      } finally {
        for (const x of keys) decref(x);
        for (const x of items) decref(x);
      }
    });
  nbest('nlargest', true);
  nbest('nsmallest', false);
  m.fn('merge', (args, kw) => {
    const nkw = kw ? kw.length : 0;
    let key: PyObject | null = null;
    let reverse = false;
    for (let i = 0; i < nkw; i++) {
      const v = args[args.length - nkw + i];
      if (kw![i] === 'key') key = v === None ? null : v;
      else if (kw![i] === 'reverse') reverse = abs.isTrue(v);
      else typeError(`merge() got an unexpected keyword argument '${kw![i]}'`);
    }
    const all: PyObject[] = [];
    for (let i = 0; i < args.length - nkw; i++) all.push(...abs.toArray(args[i]));
    const keys: PyObject[] = [];
    try {
      for (const x of all) keys.push(key ? abs.call(key, [x], null) : newRef(x));
      const idx = sortedStable(all, keys, reverse);
      const l = newList(idx.map((i) => newRef(all[i])));
      try {
        return abs.getIter(l);
      } finally {
        decref(l);
      }
    } finally {
      for (const x of keys) decref(x);
      for (const x of all) decref(x);
    }
  });
});
