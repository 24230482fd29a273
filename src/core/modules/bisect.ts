// bisect (Modules/_bisectmodule.c): bisect_left/right, insort_left/right with lo, hi, key.

import { PyObject, newRef, decref } from '../runtime/object';
import { registerModule, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyList, listAppend } from '../runtime/objects/list';
import { newInt } from '../runtime/objects/int';
import { None } from '../runtime/objects/singletons';
import { raise } from '../runtime/errors';
import * as E from '../runtime/objects/exception';

function search(args: PyObject[], kw: string[] | null, name: string, right: boolean, keyOnItem: boolean): [PyObject, PyObject, number] {
  const [a, x, loO, hiO, key] = parseArgs({ name, params: ['a', 'x', 'lo', 'hi', '*', 'key'], required: 2 }, args, kw);
  let lo = loO ? Number(abs.index(loO)) : 0;
  if (lo < 0) raise(E.ValueError, 'lo must be non-negative');
  let hi = hiO && hiO !== None ? Number(abs.index(hiO)) : abs.length(a!);
  const k = key && key !== None ? key : null;
  const xk = k && keyOnItem ? abs.call(k, [x!], null) : newRef(x!);
  try {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mi = newInt(mid);
      let item: PyObject;
      try {
        item = abs.getItem(a!, mi);
      } finally {
        decref(mi);
      }
      let ik = item;
      if (k) {
        ik = abs.call(k, [item], null);
        decref(item);
      }
      let goLeft: boolean;
      try {
        goLeft = right ? abs.richCompareBool(xk, ik, Cmp.LT) : !abs.richCompareBool(ik, xk, Cmp.LT);
      } finally {
        decref(ik);
      }
      if (goLeft) hi = mid;
      else lo = mid + 1;
    }
  } finally {
    decref(xk);
  }
  return [a!, x!, lo];
}

registerModule('bisect', (m) => {
  // its functions are _bisect's in CPython (their __self__)
  m.functionsOf('_bisect');
  for (const [names, right] of [
    [['bisect_right', 'bisect'], true],
    [['bisect_left'], false],
  ] as const) {
    for (const n of names) m.fn(n, (args, kw) => newInt(search(args, kw, n, right, false)[2]));
  }
  for (const [names, right] of [
    [['insort_right', 'insort'], true],
    [['insort_left'], false],
  ] as const) {
    for (const n of names)
      m.fn(n, (args, kw) => {
        const [a, x, i] = search(args, kw, n, right, true);
        if (a instanceof PyList && a.type.name === 'list') {
          if (i === a.items.length) listAppend(a, newRef(x));
          else {
            a.resized(a.items.length + 1);
            a.items.splice(i, 0, newRef(x));
          }
        } else {
          const idx = newInt(i);
          const ins = abs.getAttr(a, 'insert');
          try {
            decref(abs.call(ins, [idx, x], null));
          } finally {
            decref(ins);
            decref(idx);
          }
        }
        return newRef(None);
      });
  }
});
