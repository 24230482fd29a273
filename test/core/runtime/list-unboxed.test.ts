// Lists keep ints that only they hold as JS numbers (src/core/runtime/objects/list.ts): which
// items are unboxed, that reading one boxes it in place with the list's one reference, that
// `items` boxes everything and pins the list, and that the audit's view of the heap stays right.
// (The differential corpus checks what programs see: refcount/list_int_items.py and the rest run
// with unboxing on, under the audit, under gc stress and through the CLI.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heap } from '../../../src/core/runtime/object';
import { newList, listAppend, iterItem, PyList } from '../../../src/core/runtime/objects/list';
import { newInt, PyInt, True } from '../../../src/core/runtime/objects/int';
import { newFloat } from '../../../src/core/runtime/objects/float';
import { runSource } from '../../../src/core/run';

function withUnboxing<T>(live: Set<never> | null, f: () => T): T {
  const saved = [heap.unboxInts, heap.live] as const;
  heap.unboxInts = true;
  heap.live = live;
  try {
    return f();
  } finally {
    heap.unboxInts = saved[0];
    heap.live = saved[1];
  }
}

const kinds = (l: PyList) => l.raw.map((x) => (typeof x === 'number' ? 'n' : 'o')).join('');

test('append unboxes the previous last item when it is an int only the list holds', () => {
  withUnboxing(null, () => {
    const l = newList([]);
    for (let i = 0; i < 5; i++) listAppend(l, newInt(1000 + i));
    assert.equal(kinds(l), 'nnnno');
    assert.equal(l.packed, 4);
    assert.deepEqual(l.raw.slice(0, 4), [1000, 1001, 1002, 1003]);
    // a read boxes in place: one reference (the list's), the same object on the next read
    const o = l.itemAt(1) as PyInt;
    assert.equal(o.rc, 1);
    assert.equal(o.v, 1001);
    assert.equal(l.itemAt(1), o);
    assert.equal(kinds(l), 'nonno');
    assert.equal(l.packed, 3);
    // items: everything boxed, and the list pinned
    const items = l.items;
    assert.equal(kinds(l), 'ooooo');
    assert.ok(items.every((x) => x.rc === 1));
    listAppend(l, newInt(2000));
    assert.equal(kinds(l), 'oooooo');
  });
});

test('what is not unboxed: shared ints, big ints, bools, floats, ints with an address, subclass lists', () => {
  withUnboxing(null, () => {
    const shared = newInt(123456);
    shared.rc++; // a second holder
    const big = newInt(2n ** 80n);
    const addressed = newInt(77777);
    void addressed.addr; // (reading is not asking: no address yet)
    const l = newList([]);
    for (const v of [shared, big, newInt(5), newFloat(1.5), True, newInt(9999)]) {
      if (v === True) True.rc++;
      listAppend(l, v);
    }
    listAppend(l, newInt(1));
    // 5 is a small int (shared by the interpreter), 9999 is the only one held once
    assert.equal(kinds(l), 'ooooono');
  });
});

test('under the audit an unboxed int leaves the live set and a boxed one joins it', () => {
  const live = new Set<never>();
  withUnboxing(live, () => {
    const l = newList([]);
    live.add(l as never);
    const a = newInt(4242);
    live.add(a as never);
    listAppend(l, a);
    listAppend(l, newInt(4343));
    assert.equal(live.has(a as never), false);
    const b = l.itemAt(0);
    assert.equal(live.has(b as never), true);
  });
});

test('dealloc releases only the boxed items; traverse visits only objects', () => {
  withUnboxing(null, () => {
    const l = newList([]);
    const keep = newInt(31337);
    keep.rc++;
    listAppend(l, newInt(50000));
    listAppend(l, keep);
    listAppend(l, newInt(50001));
    const seen: unknown[] = [];
    l.traverse((c) => seen.push(c));
    assert.deepEqual(seen, [keep, l.raw[2]]);
    l.dealloc();
    assert.equal(keep.rc, 1);
    assert.equal(l.raw.length, 0);
  });
});

test('a list iterator unboxes again the items nothing kept', () => {
  withUnboxing(null, () => {
    const l = newList([]);
    for (let i = 0; i < 4; i++) listAppend(l, newInt(7000 + i));
    listAppend(l, newInt(1));
    assert.equal(kinds(l), 'nnnno');
    // a for loop: the variable holds item i-1 while item i is fetched
    const a = iterItem(l, 0);
    a.rc++;
    const b = iterItem(l, 1);
    b.rc++;
    assert.equal(kinds(l), 'oonno');
    a.rc--;
    const c = iterItem(l, 2);
    c.rc++;
    assert.equal(kinds(l), 'noono');
    b.rc--;
    c.rc--;
    iterItem(l, 3);
    assert.equal(kinds(l), 'nnnoo');
    assert.equal(l.packed, 3);
  });
});

test('a run builds the comprehension unboxed and reads it back exactly', () => {
  const r = runSource('import sys\na = [i for i in range(1000, 101000)]\nb = a[50000]\nprint(len(a), a[0], a[-1], b, sys.getrefcount(b), a[50000] is b, sum(a))\n', 't.py', { audit: false });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, `100000 1000 100999 51000 4 True ${(1000 + 100999) * 50000}\n`);
});
