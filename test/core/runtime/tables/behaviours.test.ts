// Unit tests for the parts the differential scenarios cannot reach: eq callbacks
// that throw or mutate, iterator invalidation, refcount hooks, sizes of
// instance dicts, hashes beyond 2**53.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  SetTable,
  SetTableIter,
  ITER_CHANGED_SIZE,
  ITER_DONE,
  frozensetHashOf,
} from "../../../../src/core/runtime/tables/settable";
import {
  DictTable,
  DictTableIter,
  DictTableRevIter,
  DICT_ITER_CHANGED_SIZE,
  DICT_ITER_DONE,
  DICT_ITER_KEYS_CHANGED,
  MERGE_DUP_KEY,
  SharedKeysSizeModel,
  calculateLog2Keysize,
  instanceDictGetsizeof,
} from "../../../../src/core/runtime/tables/dicttable";
import { hashHi, hashLo, joinHash } from "../../../../src/core/runtime/tables/hash64";

class Obj {
  constructor(
    readonly v: number,
    readonly h: number | bigint = v,
  ) {}
}

function counting() {
  const refs = new Map<unknown, number>();
  return {
    refs,
    retain(o: unknown) {
      refs.set(o, (refs.get(o) ?? 0) + 1);
    },
    release(o: unknown) {
      const n = (refs.get(o) ?? 0) - 1;
      assert.ok(n >= 0, "released more than retained");
      if (n === 0) refs.delete(o);
      else refs.set(o, n);
    },
  };
}

test("hash64 split/join round trip", () => {
  for (const h of [0, 1, -2, 2 ** 31, -(2 ** 31), 2 ** 32 - 1, 2 ** 53 - 1, -(2 ** 53) + 1, 2n ** 60n, -(2n ** 63n), 2n ** 63n - 1n]) {
    const j = joinHash(hashHi(h), hashLo(h));
    assert.equal(j, typeof h === "bigint" && h >= -(2n ** 53n) + 1n && h <= 2n ** 53n - 1n ? Number(h) : h);
  }
});

test("calculate_log2_keysize quirks of 3.11", () => {
  assert.equal(calculateLog2Keysize(0), 3);
  assert.equal(calculateLog2Keysize(3), 4);
  assert.equal(calculateLog2Keysize(8), 3);
  assert.equal(calculateLog2Keysize(15), 4);
  assert.equal(calculateLog2Keysize(16), 5);
  assert.equal(calculateLog2Keysize(63), 6);
});

test("set: eq that throws leaves the table consistent", () => {
  let boom = true;
  const s = new SetTable<Obj>({
    eq(a, b) {
      if (boom) throw new Error("boom");
      return a.v === b.v;
    },
  });
  const a = new Obj(1);
  s.add(a, 1);
  assert.throws(() => s.add(new Obj(1), 1), /boom/);
  assert.equal(s.used, 1);
  boom = false;
  assert.equal(s.add(new Obj(1), 1), false);
  assert.ok(s.contains(new Obj(1), 1));
  assert.equal(s.add(new Obj(9), 1), true); // same hash, different key
  assert.equal(s.used, 2);
});

test("set: eq that mutates the set restarts the lookup", () => {
  let s!: SetTable<Obj>;
  let mutate = true;
  s = new SetTable<Obj>({
    eq(a, b) {
      if (mutate) {
        mutate = false;
        s.clear();
      }
      return a.v === b.v;
    },
  });
  s.add(new Obj(1), 1);
  // discard: the compared entry vanished -> restart -> not found
  assert.equal(s.discard(new Obj(1), 1), undefined);
  assert.equal(s.used, 0);
  // add: the comparison returned false, the table changed -> restart and insert
  mutate = true;
  s.add(new Obj(2), 2);
  s.add(new Obj(3), 2);
  assert.deepEqual(s.keys().map((k) => k.v), [3]);
});

test("set iterator: changed size is sticky, done", () => {
  const s = new SetTable<Obj>({ eq: (a, b) => a.v === b.v });
  const objs = [1, 2, 3].map((v) => new Obj(v));
  for (const o of objs) s.add(o, o.h);
  const it = new SetTableIter(s);
  assert.equal(s.keyAt(it.next()).v, 1);
  s.add(new Obj(4), 4);
  assert.equal(it.next(), ITER_CHANGED_SIZE);
  s.discard(objs[0], 1);
  assert.equal(it.next(), ITER_CHANGED_SIZE);
  const it2 = new SetTableIter(s);
  const seen: number[] = [];
  for (let i = it2.next(); i >= 0; i = it2.next()) seen.push(s.keyAt(i).v);
  assert.deepEqual(seen, [2, 3, 4]);
  assert.equal(it2.next(), ITER_DONE);
});

test("set: retain/release hooks balance", () => {
  const c = counting();
  const ops = { eq: (a: Obj, b: Obj) => a.v === b.v, retain: c.retain, release: c.release };
  const objs = Array.from({ length: 200 }, (_, i) => new Obj(i % 150, (i % 150) * 7));
  const a = new SetTable<Obj>(ops);
  const b = new SetTable<Obj>(ops);
  objs.forEach((o, i) => (i % 2 ? a : b).add(o, o.h));
  const u = a.union(b);
  const i = a.intersection(b);
  const d = a.difference(b);
  const x = a.symmetricDifference(b);
  const tmp = a.copy();
  tmp.differenceUpdate(b);
  const old = a.intersectionUpdate(b);
  old.clear();
  const popped: Obj[] = [];
  while (b.used > 10) popped.push(b.pop()!);
  for (const s of [a, b, u, i, d, x, tmp]) s.clear();
  // only the popped keys (owned by the caller) are still retained
  assert.equal(c.refs.size, popped.length);
  for (const o of popped) assert.equal(c.refs.get(o), 1);
});

test("frozenset hash of big hashes matches the table computation", () => {
  const hs = [2n ** 62n, -(2n ** 62n), 5, -2];
  const s = new SetTable<Obj>({ eq: (a, b) => a.v === b.v });
  hs.forEach((h, i) => s.add(new Obj(i, h), h));
  assert.equal(s.frozensetHash(), frozensetHashOf(hs));
});

test("dict: eq that mutates the dict restarts the lookup", () => {
  let d!: DictTable<Obj, number>;
  let mutate = true;
  d = new DictTable<Obj, number>({
    eq(a, b) {
      if (mutate) {
        mutate = false;
        d.clear();
      }
      return a.v === b.v;
    },
    isExactStr: () => false,
  });
  d.set(new Obj(1), 1, 10);
  assert.equal(d.lookup(new Obj(1), 1), -1); // cleared during comparison -> KeyError
  assert.equal(d.getsizeof(), 64);
  mutate = false;
  d.set(new Obj(1), 1, 10);
  assert.equal(d.get(new Obj(1), 1), 10);
});

test("dict: eq that throws propagates and keeps the dict", () => {
  const d = new DictTable<Obj, number>({
    eq() {
      throw new Error("eq");
    },
    isExactStr: () => false,
  });
  const k = new Obj(1);
  d.set(k, 1, 1);
  assert.throws(() => d.set(new Obj(1), 1, 2), /eq/);
  assert.equal(d.get(k, 1), 1); // identity short-circuit
  assert.equal(d.used, 1);
});

test("dict iterators: changed size, keys changed, reversed", () => {
  const d = new DictTable<Obj, number>({ eq: (a, b) => a.v === b.v, isExactStr: () => false });
  const ks = [1, 2, 3, 4].map((v) => new Obj(v));
  for (const k of ks) d.set(k, k.h, k.v);
  const it = new DictTableIter(d);
  assert.equal(d.keyAt(it.next()).v, 1);
  d.set(new Obj(5), 5, 5);
  assert.equal(it.next(), DICT_ITER_CHANGED_SIZE);
  assert.equal(it.next(), DICT_ITER_CHANGED_SIZE);
  // same size, different keys: delete one then add another
  const it2 = new DictTableIter(d);
  for (let i = 0; i < 4; i++) it2.next();
  d.delete(ks[0], 1);
  d.set(new Obj(6), 6, 6);
  assert.equal(d.keyAt(it2.next()).v, 6); // the insertion resized (compacted) the entries
  assert.equal(it2.next(), DICT_ITER_DONE);
  const d3 = new DictTable<Obj, number>({ eq: (a, b) => a.v === b.v, isExactStr: () => false });
  const k3 = [1, 2, 3].map((v) => new Obj(v));
  for (const k of k3) d3.set(k, k.h, k.v);
  const it3 = new DictTableIter(d3);
  it3.next();
  it3.next();
  d3.delete(k3[0], 1);
  d3.set(new Obj(7), 7, 7);
  assert.equal(d3.keyAt(it3.next()).v, 3);
  assert.equal(it3.next(), DICT_ITER_KEYS_CHANGED);
  const rv = new DictTableRevIter(d);
  const seen: number[] = [];
  for (let i = rv.next(); i >= 0; i = rv.next()) seen.push(d.keyAt(i).v);
  assert.deepEqual(seen, [6, 5, 4, 3, 2]);
  assert.equal(rv.next(), DICT_ITER_DONE);
});

test("dict: merge override 2 reports duplicates; refcount hooks balance", () => {
  const c = counting();
  const ops = { eq: (a: Obj, b: Obj) => a.v === b.v, isExactStr: () => false, retain: c.retain, release: c.release };
  const a = new DictTable<Obj, unknown>(ops);
  const b = new DictTable<Obj, unknown>(ops);
  const vals = Array.from({ length: 50 }, (_, i) => ({ val: i }));
  for (let i = 0; i < 30; i++) a.set(new Obj(i), i, vals[i]);
  for (let i = 25; i < 50; i++) b.set(new Obj(i), i, vals[i]);
  const m = new DictTable<Obj, unknown>(ops);
  m.merge(a, 1);
  assert.equal(m.merge(b, 2), MERGE_DUP_KEY);
  assert.equal(m.outKey!.v, 25);
  const cp = a.copy();
  for (let i = 0; i < 10; i++) cp.delete(new Obj(i * 2), i * 2);
  a.pop(new Obj(3), 3); // caller now owns vals[3]
  a.popitem(); // caller owns key 29 and vals[29]
  a.setdefault(new Obj(100), 100, vals[0]);
  for (const d of [a, b, m, cp]) d.clear();
  const left = [...c.refs.keys()];
  assert.equal(left.length, 3); // vals[3], key 29, vals[29]
});

test("instance __dict__ sizes (3.11.7 observations)", () => {
  const m = new SharedKeysSizeModel();
  m.onInstanceCreated();
  assert.equal(m.instanceDictGetsizeof(), 296);
  for (let i = 0; i < 29; i++) assert.ok(m.onNewAttributeName());
  assert.equal(m.instanceDictGetsizeof(), 296);
  assert.equal(m.onNewAttributeName(), false); // 30th attribute -> combined dict (1584 bytes)
  const e = new SharedKeysSizeModel();
  for (let i = 0; i < 3; i++) e.onInstanceCreated();
  assert.equal(e.instanceDictGetsizeof(), 280);
  const f = new SharedKeysSizeModel();
  for (let i = 0; i < 40; i++) f.onInstanceCreated();
  assert.equal(f.instanceDictGetsizeof(), 72);
  assert.equal(instanceDictGetsizeof(0, 30), 304);
  // the combined dict after 30 attributes: 29 str keys resized with calculate_log2_keysize(29*3)
  const d = new DictTable<string, number>({ eq: (a, b) => a === b, isExactStr: () => true });
  d.resize(calculateLog2Keysize(29 * 3), true);
  assert.equal(d.getsizeof(), 1584);
});

test("200k int inserts and lookups stay consistent (speed: npm run bench)", () => {
  const d = new DictTable<number, number>({ eq: (a, b) => a === b, isExactStr: () => false });
  const s = new SetTable<number>({ eq: (a, b) => a === b });
  for (let i = 0; i < 200000; i++) {
    d.set(i, i, i);
    s.add(i, i);
  }
  let hits = 0;
  for (let i = 0; i < 200000; i++) {
    if (d.lookup(i, i) >= 0) hits++;
    if (s.contains(i, i)) hits++;
  }
  assert.equal(hits, 400000);
  assert.equal(d.used, 200000);
  assert.equal(s.used, 200000);
});
