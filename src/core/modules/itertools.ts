// itertools (Modules/itertoolsmodule.c): each iterator is a native type whose state is held
// references (traversed, released on dealloc) plus plain counters.
// Deviation: product/permutations/combinations build a fresh result tuple each step (CPython
// reuses its result tuple when nobody else holds it).

import { PyObject, PyType, newRef, decref, incref } from '../runtime/object';
import { registerModule, parseArgs, checkArgs, defClassMethod, defMethod } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { Cmp } from '../runtime/abstract';
import { PyInt, newInt } from '../runtime/objects/int';
import { PyTuple, newTuple } from '../runtime/objects/tuple';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { PyNativeIter, iterType, newIter, kwArgs } from './modutil';

// tp_basicsize of each itertools type (Modules/itertoolsmodule.c, 64-bit)
const SIZES: Record<string, number> = {
  accumulate: 48, combinations: 56, combinations_with_replacement: 56, cycle: 48, dropwhile: 40, takewhile: 40,
  islice: 56, starmap: 32, chain: 32, compress: 32, filterfalse: 32, count: 40, zip_longest: 56, pairwise: 32,
  permutations: 64, product: 48, repeat: 32, groupby: 64, _grouper: 32, _tee: 40, _tee_dataobject: 496,
};
const T = (name: string) => iterType(name, 'itertools', SIZES[name] ?? 48);

function nextOrNull(it: PyObject | null): PyObject | null {
  return it ? abs.iterNext(it) : null;
}

function countIter(start: PyObject, step: PyObject): PyNativeIter {
  return newIter(T('count'), [newRef(start), newRef(step)], (s) => {
    const cur = s.held[0]!;
    const nxt = abs.binaryOp(cur, s.held[1]!, 0);
    s.held[0] = nxt;
    return cur; // the reference moves to the caller
  });
}

function tuples(pools: PyObject[][], idx: number[]): PyObject {
  return newTuple(idx.map((i, k) => newRef(pools[k][i])));
}

/** pools as owned arrays (held by the iterator through tuples) */
function poolTuple(o: PyObject): PyTuple {
  return newTuple(abs.toArray(o)) as PyTuple;
}

export function initItertools(): void {
  const count = T('count');
  count.slots.new = (_t, args, kw) => {
    const [start, step] = parseArgs({ name: 'count', params: ['start', 'step'] }, args, kw);
    const st = start ?? newInt(0);
    const sp = step ?? newInt(1);
    try {
      return countIter(st, sp);
    } finally {
      if (!start) decref(st);
      if (!step) decref(sp);
    }
  };
  count.slots.repr = (o) => {
    const s = o as PyNativeIter;
    const step = s.held[1]!;
    if (step instanceof PyInt && step.v === 1) return `count(${abs.repr(s.held[0]!)})`;
    return `count(${abs.repr(s.held[0]!)}, ${abs.repr(step)})`;
  };

  const cycle = T('cycle');
  cycle.slots.new = (_t, args, kw) => {
    checkArgs('cycle', args, kw, 1, 1);
    const it = abs.getIter(args[0]);
    const saved: PyObject[] = [];
    let firstpass = true;
    let idx = 0;
    const obj = newIter(cycle, [it], (s) => {
      if (firstpass) {
        const x = nextOrNull(s.held[0]);
        if (x) {
          s.held.push(newRef(x));
          saved.push(x);
          return x;
        }
        firstpass = false;
        s.put(0, null);
      }
      if (!saved.length) return null;
      const x = saved[idx];
      idx = (idx + 1) % saved.length;
      return newRef(x);
    });
    return obj;
  };

  const repeat = T('repeat');
  repeat.slots.new = (_t, args, kw) => {
    const [obj, times] = parseArgs({ name: 'repeat', params: ['object', 'times'], required: 1 }, args, kw);
    let n = times === undefined ? -1 : Number(abs.index(times));
    if (n < 0 && times !== undefined) n = 0;
    const r = newIter(repeat, [newRef(obj!)], (s) => {
      if (n === 0) return null;
      if (n > 0) n--;
      return newRef(s.held[0]!);
    });
    (r as unknown as { times: () => number }).times = () => n;
    return r;
  };
  repeat.slots.repr = (o) => {
    const n = (o as unknown as { times: () => number }).times();
    const s = o as PyNativeIter;
    return n < 0 ? `repeat(${abs.repr(s.held[0]!)})` : `repeat(${abs.repr(s.held[0]!)}, ${n})`;
  };

  const accumulate = T('accumulate');
  accumulate.slots.new = (_t, args, kw) => {
    const [iterable, func, initial] = parseArgs({ name: 'accumulate', params: ['iterable', 'func', '*', 'initial'], required: 1 }, args, kw);
    const it = abs.getIter(iterable!);
    const f = func && func !== None ? newRef(func) : null;
    const init = initial && initial !== None ? newRef(initial) : null;
    // held: it, func, total, initial
    return newIter(accumulate, [it, f, null, init], (s) => {
      const ini = s.held[3];
      if (ini) {
        s.held[3] = null;
        s.put(2, newRef(ini));
        return ini;
      }
      const x = nextOrNull(s.held[0]);
      if (!x) return null;
      const total = s.held[2];
      if (!total) {
        s.held[2] = newRef(x);
        return x;
      }
      let nt: PyObject;
      try {
        nt = s.held[1] ? abs.call(s.held[1]!, [total, x], null) : abs.binaryOp(total, x, 0);
      } finally {
        decref(x);
      }
      s.put(2, newRef(nt));
      return nt;
    });
  };

  const chain = T('chain');
  const chainFrom = (source: PyObject): PyNativeIter =>
    newIter(chain, [source, null], (s) => {
      for (;;) {
        if (!s.held[1]) {
          if (!s.held[0]) return null;
          const nxt = abs.iterNext(s.held[0]!);
          if (!nxt) {
            s.put(0, null);
            return null;
          }
          try {
            s.put(1, abs.getIter(nxt));
          } finally {
            decref(nxt);
          }
        }
        const x = abs.iterNext(s.held[1]!);
        if (x) return x;
        s.put(1, null);
      }
    });
  chain.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('chain() takes no keyword arguments');
    const tup = newTuple(args.map(newRef));
    try {
      return chainFrom(abs.getIter(tup));
    } finally {
      decref(tup);
    }
  };
  defClassMethod(chain, 'from_iterable', (args, kw) => {
    checkArgs('from_iterable', args, kw, 1, 1);
    return chainFrom(abs.getIter(args[0]));
  });

  const compress = T('compress');
  compress.slots.new = (_t, args, kw) => {
    const [data, sel] = parseArgs({ name: 'compress', params: ['data', 'selectors'], required: 2 }, args, kw);
    const d = abs.getIter(data!);
    let si: PyObject;
    try {
      si = abs.getIter(sel!);
    } catch (e) {
      decref(d);
      throw e;
    }
    return newIter(compress, [d, si], (s) => {
      for (;;) {
        const x = nextOrNull(s.held[0]);
        if (!x) return null;
        const y = nextOrNull(s.held[1]);
        if (!y) {
          decref(x);
          return null;
        }
        let ok: boolean;
        try {
          ok = abs.isTrue(y);
        } finally {
          decref(y);
        }
        if (ok) return x;
        decref(x);
      }
    });
  };

  const predIter = (name: string, step: (s: PyNativeIter, st: { flag: boolean }) => PyObject | null) => {
    const t = T(name);
    t.slots.new = (_t, args, kw) => {
      if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
      if (args.length !== 2) typeError(`${name} expected 2 arguments, got ${args.length}`);
      const it = abs.getIter(args[1]);
      const st = { flag: false };
      const obj = newIter(t, [newRef(args[0]), it], (s) => step(s, st));
      (obj as unknown as PredState).st = st;
      return obj;
    };
  };
  const pred = (s: PyNativeIter, x: PyObject): boolean => {
    const f = s.held[0]!;
    if (f === None) return abs.isTrue(x);
    const r = abs.call(f, [x], null);
    try {
      return abs.isTrue(r);
    } finally {
      decref(r);
    }
  };
  predIter('dropwhile', (s, st) => {
    for (;;) {
      const x = nextOrNull(s.held[1]);
      if (!x) return null;
      if (st.flag) return x;
      let ok: boolean;
      try {
        ok = pred(s, x);
      } catch (e) {
        decref(x);
        throw e;
      }
      if (!ok) {
        st.flag = true;
        return x;
      }
      decref(x);
    }
  });
  predIter('takewhile', (s, st) => {
    if (st.flag) return null;
    const x = nextOrNull(s.held[1]);
    if (!x) return null;
    let ok: boolean;
    try {
      ok = pred(s, x);
    } catch (e) {
      decref(x);
      throw e;
    }
    if (ok) return x;
    decref(x);
    st.flag = true;
    return null;
  });
  predIter('filterfalse', (s) => {
    for (;;) {
      const x = nextOrNull(s.held[1]);
      if (!x) return null;
      let ok: boolean;
      try {
        ok = pred(s, x);
      } catch (e) {
        decref(x);
        throw e;
      }
      if (!ok) return x;
      decref(x);
    }
  });
  const starmap = T('starmap');
  starmap.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('starmap() takes no keyword arguments');
    if (args.length !== 2) typeError(`starmap expected 2 arguments, got ${args.length}`);
    const it = abs.getIter(args[1]);
    return newIter(starmap, [newRef(args[0]), it], (s) => {
      const x = nextOrNull(s.held[1]);
      if (!x) return null;
      try {
        const a = abs.toArray(x);
        try {
          return abs.call(s.held[0]!, a, null);
        } finally {
          for (const y of a) decref(y);
        }
      } finally {
        decref(x);
      }
    });
  };

  // groupby / _grouper (groupby_next, groupby_step, _grouper_next)
  const groupby = T('groupby');
  const grouper = T('_grouper');
  interface GB extends PyNativeIter {
    currgrouper: PyObject | null;
  }
  // held: it, keyfunc, tgtkey, currkey, currvalue
  const gbStep = (g: PyNativeIter): boolean => {
    const v = nextOrNull(g.held[0]);
    if (!v) return false;
    let k: PyObject;
    try {
      k = g.held[1] ? abs.call(g.held[1]!, [v], null) : newRef(v);
    } catch (e) {
      decref(v);
      throw e;
    }
    g.put(4, v);
    g.put(3, k);
    return true;
  };
  groupby.slots.new = (_t, args, kw) => {
    const [iterable, key] = parseArgs({ name: 'groupby', params: ['iterable', 'key'], required: 1 }, args, kw);
    const it = abs.getIter(iterable!);
    const g = newIter(groupby, [it, key && key !== None ? newRef(key) : null, null, null, null], (s) => {
      const gb = s as GB;
      gb.currgrouper = null;
      for (;;) {
        if (!s.held[3]) {
          /* pass */
        } else if (!s.held[2]) break;
        else if (!abs.richCompareBool(s.held[2]!, s.held[3]!, Cmp.EQ)) break;
        if (!gbStep(s)) return null;
      }
      s.put(2, newRef(s.held[3]!));
      const tgt = s.held[2]!;
      const grp = newIter(grouper, [newRef(s), newRef(tgt)], (gs) => {
        const parent = gs.held[0] as GB;
        if (parent.currgrouper !== gs) return null;
        if (!parent.held[4]) {
          if (!gbStep(parent)) return null;
        }
        if (!abs.richCompareBool(gs.held[1]!, parent.held[3]!, Cmp.EQ)) return null;
        const r = parent.held[4]!;
        parent.held[4] = null;
        parent.put(3, null);
        return r;
      });
      gb.currgrouper = grp;
      return newTuple([newRef(s.held[3]!), grp]);
    }) as GB;
    g.currgrouper = null;
    return g;
  };

  const islice = T('islice');
  islice.slots.new = (_t, args, kw) => {
    if (kw && kw.length) typeError('islice() takes no keyword arguments');
    if (args.length < 2 || args.length > 4) typeError(`islice expected at most 4 arguments, got ${args.length}`);
    const idx = (o: PyObject, msg: string): number => {
      if (o === None) return -1;
      let v: number;
      try {
        v = Number(abs.index(o));
      } catch (e) {
        if (e instanceof E.PyBaseException) decref(e);
        raise(E.ValueError, msg);
      }
      if (v < 0) raise(E.ValueError, msg);
      return v;
    };
    let start = 0;
    let stop: number;
    let step = 1;
    if (args.length === 2) stop = idx(args[1], 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
    else {
      start = args[1] === None ? 0 : idx(args[1], 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
      stop = idx(args[2], 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
      if (args.length === 4 && args[3] !== None) {
        let st: number;
        try {
          st = Number(abs.index(args[3]));
        } catch (e) {
          if (e instanceof E.PyBaseException) decref(e);
          st = -1;
        }
        if (st < 1) raise(E.ValueError, 'Step for islice() must be a positive integer or None.');
        step = st;
      }
    }
    const it = abs.getIter(args[0]);
    let cnt = 0;
    let next = start;
    return newIter(islice, [it], (s) => {
      if (!s.held[0]) return null;
      while (cnt < next) {
        const x = abs.iterNext(s.held[0]!);
        if (!x) {
          s.put(0, null);
          return null;
        }
        decref(x);
        cnt++;
      }
      if (stop !== -1 && cnt >= stop) {
        s.put(0, null);
        return null;
      }
      const x = abs.iterNext(s.held[0]!);
      if (!x) {
        s.put(0, null);
        return null;
      }
      cnt++;
      next += step;
      if (stop !== -1 && next > stop) next = stop;
      return x;
    });
  };

  // tee: a shared buffer object (teedataobject) and the _tee iterators over it
  const teedata = T('_tee_dataobject');
  const tee = T('_tee');
  const newTee = (data: PyNativeIter, start: number): PyNativeIter => {
    let i = start;
    const t = newIter(tee, [newRef(data)], (s) => {
      const d = s.held[0] as PyNativeIter;
      // d.held = [iterator, ...values]
      if (i + 1 < d.held.length) return newRef(d.held[1 + i++]!);
      if (!d.held[0]) return null;
      const x = abs.iterNext(d.held[0]!);
      if (!x) return null;
      d.held.push(newRef(x));
      i++;
      return x;
    });
    (t as unknown as { teeIndex: () => number }).teeIndex = () => i;
    return t;
  };
  tee.slots.new = (_t, args, kw) => {
    checkArgs('_tee', args, kw, 1, 1);
    const data = newIter(teedata, [abs.getIter(args[0])], () => null);
    try {
      return newTee(data, 0);
    } finally {
      decref(data);
    }
  };
  const teeFn = (args: PyObject[], kw: string[] | null): PyObject => {
    const [iterable, nObj] = parseArgs({ name: 'tee', params: ['iterable', 'n', '/'], required: 1 }, args, kw);
    const n = nObj ? Number(abs.index(nObj)) : 2;
    if (n < 0) raise(E.ValueError, 'n must be >= 0');
    if (n === 0) return newTuple([]);
    let first: PyNativeIter;
    const src = abs.getIter(iterable!);
    if (src.type === tee) {
      first = src as PyNativeIter;
    } else {
      const data = newIter(teedata, [src], () => null);
      first = newTee(data, 0);
      decref(data);
    }
    const out: PyObject[] = [first];
    const d = first.held[0] as PyNativeIter;
    const idx = (first as unknown as { teeIndex: () => number }).teeIndex();
    for (let i = 1; i < n; i++) out.push(newTee(d, idx));
    return newTuple(out);
  };

  const zipLongest = T('zip_longest');
  zipLongest.slots.new = (_t, args, kw) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    for (const k of kws.keys()) if (k !== 'fillvalue') typeError('zip_longest() got an unexpected keyword argument');
    const fill = kws.get('fillvalue') ?? None;
    const its: PyObject[] = [];
    try {
      for (const a of pos) its.push(abs.getIter(a));
    } catch (e) {
      for (const x of its) decref(x);
      throw e;
    }
    const n = its.length;
    let active = n;
    return newIter(zipLongest, [...its, newRef(fill)], (s) => {
      if (n === 0 || active === 0) return null;
      const out: PyObject[] = [];
      for (let i = 0; i < n; i++) {
        let x: PyObject | null = null;
        if (s.held[i]) {
          try {
            x = abs.iterNext(s.held[i]!);
          } catch (e) {
            for (const y of out) decref(y);
            throw e;
          }
          if (!x) {
            active--;
            s.put(i, null);
            if (active === 0) {
              for (const y of out) decref(y);
              return null;
            }
          }
        }
        out.push(x ?? newRef(s.held[n]!));
      }
      return newTuple(out);
    });
  };

  const combinatoric = (name: string, setup: (pools: PyObject[][], r: number) => { first: number[] | null; advance: (idx: number[]) => number[] | null }) => name;
  void combinatoric;

  const product = T('product');
  product.slots.new = (_t, args, kw) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    for (const k of kws.keys()) if (k !== 'repeat') typeError(`'${k}' is an invalid keyword argument for product()`);
    const rep = kws.has('repeat') ? Number(abs.index(kws.get('repeat')!)) : 1;
    if (rep < 0) raise(E.ValueError, 'repeat argument cannot be negative');
    const base = pos.map(poolTuple);
    const pools: PyTuple[] = [];
    for (let r = 0; r < rep; r++) for (const p of base) pools.push(newRef(p));
    for (const p of base) decref(p);
    const items = pools.map((p) => p.items);
    let idx: number[] | null = items.some((p) => !p.length) ? null : items.map(() => 0);
    let first = true;
    return newIter(product, pools, () => {
      if (!idx) return null;
      if (first) {
        first = false;
        return tuples(items, idx);
      }
      let i = items.length - 1;
      for (; i >= 0; i--) {
        idx[i]++;
        if (idx[i] < items[i].length) break;
        idx[i] = 0;
      }
      if (i < 0) {
        idx = null;
        return null;
      }
      return tuples(items, idx);
    });
  };

  const rArg = (name: string, args: PyObject[], kw: string[] | null, optional: boolean): [PyTuple, number] => {
    const [iterable, rObj] = parseArgs({ name, params: ['iterable', 'r'], required: optional ? 1 : 2 }, args, kw);
    const pool = poolTuple(iterable!);
    let r = pool.items.length;
    if (rObj && rObj !== None) {
      try {
        r = Number(abs.index(rObj));
      } catch (e) {
        decref(pool);
        throw e;
      }
      if (r < 0) {
        decref(pool);
        raise(E.ValueError, 'r must be non-negative');
      }
    }
    return [pool, r];
  };

  const permutations = T('permutations');
  permutations.slots.new = (_t, args, kw) => {
    const [pool, r] = rArg('permutations', args, kw, true);
    const p = pool.items;
    const n = p.length;
    const indices = [...Array(n).keys()];
    const cycles = [...Array(r).keys()].map((i) => n - i);
    let state = r > n ? 2 : 0; // 0 first, 1 running, 2 done
    return newIter(permutations, [pool], () => {
      if (state === 2) return null;
      if (state === 0) {
        state = 1;
        return newTuple(indices.slice(0, r).map((i) => newRef(p[i])));
      }
      if (n === 0) {
        state = 2;
        return null;
      }
      for (let i = r - 1; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          const x = indices.splice(i, 1)[0];
          indices.push(x);
          cycles[i] = n - i;
        } else {
          const j = cycles[i];
          [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
          return newTuple(indices.slice(0, r).map((k) => newRef(p[k])));
        }
      }
      state = 2;
      return null;
    });
  };

  const combos = (name: string, withRep: boolean) => {
    const t = T(name);
    t.slots.new = (_t, args, kw) => {
      const [pool, r] = rArg(name, args, kw, false);
      const p = pool.items;
      const n = p.length;
      const idx = withRep ? Array(r).fill(0) : [...Array(r).keys()];
      let state = (withRep ? n === 0 && r > 0 : r > n) ? 2 : 0;
      return newIter(t, [pool], () => {
        if (state === 2) return null;
        if (state === 0) {
          state = 1;
          return newTuple(idx.map((i) => newRef(p[i])));
        }
        let i = r - 1;
        if (withRep) {
          for (; i >= 0; i--) if (idx[i] !== n - 1) break;
          if (i < 0) {
            state = 2;
            return null;
          }
          const v = idx[i] + 1;
          for (let j = i; j < r; j++) idx[j] = v;
        } else {
          for (; i >= 0; i--) if (idx[i] !== i + n - r) break;
          if (i < 0) {
            state = 2;
            return null;
          }
          idx[i]++;
          for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
        }
        return newTuple(idx.map((k) => newRef(p[k])));
      });
    };
  };
  combos('combinations', false);
  combos('combinations_with_replacement', true);

  const pairwise = T('pairwise');
  pairwise.slots.new = (_t, args, kw) => {
    checkArgs('pairwise', args, kw, 1, 1);
    return newIter(pairwise, [abs.getIter(args[0]), null], (s) => {
      if (!s.held[0]) return null;
      if (!s.held[1]) {
        const o = abs.iterNext(s.held[0]!);
        if (!o) {
          s.finish();
          return null;
        }
        s.held[1] = o;
      }
      const nw = abs.iterNext(s.held[0]!);
      if (!nw) {
        s.finish();
        return null;
      }
      const old = s.held[1]!;
      s.held[1] = newRef(nw);
      return newTuple([old, nw]);
    });
  };

  // ---------------------------------------------------------------- __reduce__ / __setstate__
  // (what copy.copy / copy.deepcopy and pickle rebuild these from; the others have none yet)
  const reduce = (t: PyType, fn: (s: PyNativeIter) => PyObject[]) =>
    defMethod(t, '__reduce__', (args, kw, self) => {
      checkArgs('__reduce__', args, kw, 0, 0);
      return newTuple(fn(self as PyNativeIter));
    });
  const held = (s: PyNativeIter, ...ix: number[]) => newTuple(ix.map((i) => newRef(s.held[i]!)));
  // count_reduce: (count, (n,)) in its fast mode (an int start and step 1), else (count, (n, step))
  reduce(count, (s) => {
    const [cnt, step] = s.held as PyObject[];
    const fast = cnt instanceof PyInt && typeof cnt.v === 'number' && step instanceof PyInt && step.v === 1;
    return [newRef(s.type), fast ? held(s, 0) : held(s, 0, 1)];
  });
  // repeat_reduce: (repeat, (object, times)), or (repeat, (object,)) without times
  reduce(repeat, (s) => {
    const n = (s as unknown as { times: () => number }).times();
    return [newRef(s.type), n >= 0 ? newTuple([newRef(s.held[0]!), newInt(n)]) : held(s, 0)];
  });
  // repeat_len: the repetitions left; without `times` it has no length
  defMethod(repeat, '__length_hint__', (args, kw, self) => {
    checkArgs('__length_hint__', args, kw, 0, 0);
    const n = (self as unknown as { times: () => number }).times();
    if (n < 0) typeError('len() of unsized object');
    return newInt(n);
  });
  // starmap_reduce, filterfalse_reduce, compress_reduce: (type, (func or data, iterator))
  for (const n of ['starmap', 'filterfalse', 'compress']) reduce(T(n), (s) => [newRef(s.type), held(s, 0, 1)]);
  // dropwhile_reduce / takewhile_reduce: and the flag (start / stop) as an int; their setstate
  // takes its truth
  for (const n of ['dropwhile', 'takewhile']) {
    reduce(T(n), (s) => [newRef(s.type), held(s, 0, 1), newInt((s as unknown as PredState).st.flag ? 1 : 0)]);
    defMethod(T(n), '__setstate__', (args, kw, self) => {
      checkArgs('__setstate__', args, kw, 1, 1);
      (self as unknown as PredState).st.flag = abs.isTrue(args[0]);
      return newRef(None);
    });
  }

  registered.tee = teeFn;
}

/** dropwhile's start / takewhile's stop */
interface PredState {
  st: { flag: boolean };
}

const registered: { tee: ((args: PyObject[], kw: string[] | null) => PyObject) | null } = { tee: null };
const TYPES = ['count', 'cycle', 'repeat', 'accumulate', 'chain', 'compress', 'dropwhile', 'takewhile', 'filterfalse', 'groupby', 'islice', 'starmap', 'zip_longest', 'product', 'permutations', 'combinations', 'combinations_with_replacement', 'pairwise', '_grouper', '_tee', '_tee_dataobject'];

let installed = false;
registerModule('itertools', (m) => {
  if (!installed) {
    installed = true;
    initItertools();
  }
  for (const n of TYPES) if (!n.startsWith('_t') || n === '_tee') m.set(n, T(n));
  m.fn('tee', registered.tee!);
  void incref;
  void (null as unknown as PyType);
});
