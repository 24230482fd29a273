// The object header (src/core/runtime/object.ts): the gc word that holds an object's generation,
// finalized flag, weakref and extra-dict bits and its slot in a generation list; the encoded id()
// address; extraDicts keeping its bit; the generation lists (gc.ts GenList); the plain
// deallocation of exact ints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSource } from '../../../src/core/run';
import { PyObject, GcWord, addressOf, extraDicts, traverseFull, heap, decref, gcSlotOf, withGcSlot, type Edge } from '../../../src/core/runtime/object';
import { GenList } from '../../../src/core/runtime/gc';
import { ObjectType } from '../../../src/core/runtime/types';
import { IntType, BoolType, PyInt, newInt } from '../../../src/core/runtime/objects/int';
import { ListType, newList } from '../../../src/core/runtime/objects/list';

void runSource; // the whole runtime is loaded (module order as in a run)

const obj = () => new PyObject(ObjectType);

test('a fresh object: count 1, untracked, not finalized, no weakrefs, no slot, no address', () => {
  const o = obj();
  assert.equal(o.rc, 1);
  assert.equal(o.gcGen, -1);
  assert.equal(o.finalized, false);
  assert.equal(o.weakrefs, null);
  assert.equal(o.gcSlot, -1);
  assert.equal(o.addr, 0);
  assert.equal(o.gcw, GcWord.INIT);
});

test('generation, finalized, weakrefs and slot are independent fields of the gc word', () => {
  const o = obj();
  for (const g of [-2, -1, 0, 1, 2, 3]) {
    o.gcGen = g;
    o.finalized = g % 2 === 0;
    o.gcSlot = g + 10;
    assert.equal(o.gcGen, g);
    assert.equal(o.finalized, g % 2 === 0);
    assert.equal(o.gcSlot, g + 10);
  }
  const wrs = [obj(), obj()];
  o.weakrefs = wrs;
  assert.equal(o.weakrefs, wrs);
  assert.ok(o.gcw & GcWord.HAS_WEAKREFS);
  o.gcGen = 1;
  o.gcSlot = 7;
  o.finalized = false;
  assert.equal(o.weakrefs, wrs, 'the list survives other updates of the word');
  o.weakrefs = null;
  assert.equal(o.weakrefs, null);
  assert.equal(o.gcw & GcWord.HAS_WEAKREFS, 0);
  assert.deepEqual([o.gcGen, o.gcSlot, o.finalized], [1, 7, false]);
  // setting a flag twice, clearing it twice
  o.finalized = true;
  o.finalized = true;
  assert.equal(o.finalized, true);
  assert.equal(o.gcGen, 1);
  o.finalized = false;
  o.finalized = false;
  assert.deepEqual([o.gcGen, o.gcSlot, o.finalized], [1, 7, false]);
});

test('the word stays exact for slots beyond the 31-bit small-integer range', () => {
  const o = obj();
  o.gcGen = 2;
  o.finalized = true;
  for (const slot of [(1 << 25) - 2, 1 << 25, 2 ** 31, 2 ** 40 + 3]) {
    o.gcSlot = slot;
    assert.equal(o.gcSlot, slot);
    assert.equal(o.gcGen, 2);
    assert.equal(o.finalized, true);
    o.gcGen = 0;
    o.finalized = false;
    assert.equal(o.gcSlot, slot);
    assert.deepEqual([o.gcGen, o.finalized], [0, false]);
    o.gcGen = 2;
    o.finalized = true;
  }
  assert.equal(gcSlotOf(withGcSlot(GcWord.FINALIZED + 3, 2 ** 33)), 2 ** 33);
  assert.equal(withGcSlot(GcWord.FINALIZED + 3, 2 ** 33) & GcWord.LOW_MASK, GcWord.FINALIZED + 3);
});

test('id() addresses: assigned on first use, then stable, spaced by the basic size', () => {
  const a = obj();
  const b = newList([]);
  const c = obj();
  assert.equal(a.addr, 0);
  const start = heap.nextAddr;
  const ia = addressOf(a);
  assert.equal(ia, start);
  assert.equal(addressOf(a), ia);
  assert.equal(a.addr, ia);
  const ib = addressOf(b);
  assert.equal(ib, ia + 16); // object: basicsize 16
  const ic = addressOf(c);
  assert.equal(ic, ib + 16 * Math.ceil(ListType.basicsize / 16));
  assert.equal(heap.nextAddr, ic + 16);
  assert.equal(c.addr, ic);
  // the address is kept in a side table behind a gc-word bit that slot and generation moves keep
  a.gcSlot = 12345;
  assert.equal(a.addr, ia);
  assert.equal(a.gcSlot, 12345);
  assert.equal(addressOf(a), ia);
  decref(b);
});

test('extraDicts keeps its bit: lookups, traversal and deletion', () => {
  const o = obj();
  const d = obj();
  assert.equal(extraDicts.get(o), undefined);
  assert.equal(extraDicts.has(o), false);
  extraDicts.set(o, d);
  assert.ok(o.gcw & GcWord.HAS_EXTRA_DICT);
  assert.equal(extraDicts.get(o), d);
  assert.equal(extraDicts.has(o), true);
  const seen: [PyObject, Edge, unknown][] = [];
  traverseFull(o, (c, e, k) => seen.push([c, e, k]));
  assert.deepEqual(seen.map((x) => [x[0] === d, x[2]]), [[true, '__dict__']]);
  o.gcGen = 1;
  o.gcSlot = 5;
  assert.equal(extraDicts.get(o), d);
  assert.equal(extraDicts.delete(o), true);
  assert.equal(o.gcw & GcWord.HAS_EXTRA_DICT, 0);
  assert.equal(extraDicts.get(o), undefined);
  assert.deepEqual([o.gcGen, o.gcSlot], [1, 5]);
});

test('GenList: list order through deletions, compaction, take and adopt', () => {
  const objs = Array.from({ length: 5000 }, obj);
  const l = new GenList();
  for (const o of objs) l.add(o);
  assert.equal(l.size, 5000);
  // delete every third one, then more than half (compaction happens on the way)
  const gone = new Set<PyObject>();
  for (let i = 0; i < objs.length; i += 3) {
    l.delete(objs[i]);
    gone.add(objs[i]);
  }
  for (let i = 1; i < objs.length; i += 3) {
    l.delete(objs[i]);
    gone.add(objs[i]);
  }
  l.delete(objs[0]); // not in the list any more: nothing happens
  const rest = objs.filter((o) => !gone.has(o));
  assert.equal(l.size, rest.length);
  assert.deepEqual(l.toArray(), rest);
  assert.deepEqual([...l], rest);
  rest.forEach((o, i) => assert.equal(o.gcSlot, i));
  for (const o of gone) assert.equal(o.gcSlot, -1);
  // a deletion after the compaction finds the right slot
  l.delete(rest[10]);
  assert.deepEqual(l.toArray(), rest.filter((_, i) => i !== 10));
  const taken = l.take();
  assert.equal(l.size, 0);
  assert.deepEqual(l.toArray(), []);
  assert.equal(taken.length, rest.length - 1);
  const m = GenList.adopt(taken, 2 + 2);
  assert.equal(m.size, taken.length);
  taken.forEach((o, i) => {
    assert.equal(o.gcSlot, i);
    assert.equal(o.gcGen, 2);
  });
  const n = m.size;
  const x = obj();
  m.addAs(x, 0 + 2);
  assert.equal(x.gcGen, 0);
  assert.equal(x.gcSlot, n);
  assert.equal(m.size, n + 1);
});

test('GenList: deleting the newest object shortens the list, with the holes before it', () => {
  const l = new GenList();
  const [a, b, c, d] = [obj(), obj(), obj(), obj()];
  for (const o of [a, b, c]) l.add(o);
  l.delete(b); // a hole
  assert.equal(l.slots, 3);
  l.delete(c); // the newest: it goes, and the hole before it
  assert.equal(l.slots, 1);
  assert.equal(l.size, 1);
  assert.equal(c.gcSlot, -1);
  l.add(d);
  assert.equal(d.gcSlot, 1);
  assert.deepEqual(l.toArray(), [a, d]);
  l.delete(a);
  l.delete(d);
  assert.equal(l.slots, 0);
  assert.equal(l.size, 0);
  assert.deepEqual(l.toArray(), []);
});

test('exact ints are freed by zeroing their count; bools and int subclasses are not plain', () => {
  assert.equal(IntType.plainDealloc, true);
  assert.equal(BoolType.plainDealloc, false);
  const big = newInt(10 ** 12) as PyInt;
  assert.equal(big.rc, 1);
  decref(big);
  assert.equal(big.rc, 0);
  // (an int subclass's instances cannot be weakly referenced: a finalizer shows the free)
  const r = runSource('class I(int):\n    def __del__(self):\n        print("gone")\nx = I(5)\ndel x\nprint(None)\n', 't.py', { audit: true });
  assert.equal(r.stdout, 'gone\nNone\n');
  assert.equal(r.auditError ?? null, null);
});
