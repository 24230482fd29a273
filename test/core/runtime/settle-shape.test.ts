// object.ts settleShape: the throwaway instance's fields end as they started (the writes only
// change what V8 keeps on the map), fields the object does not own are not created, and the
// refcount is the constructor's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settleShape } from '../../../src/core/runtime/object';
import { PyChainIter, PySeqIter, ListIterType, ZipType } from '../../../src/core/runtime/objects/misc';
import { PyGenerator } from '../../../src/core/runtime/objects/generator';
import type { Frame } from '../../../src/core/runtime/vm/frame';

test('settleShape writes each field and sets it back', () => {
  const seq = new PySeqIter(ListIterType, null);
  const parts: never[] = [];
  const zip = new PyChainIter(ZipType, parts);
  zip.count = 7;
  settleShape(zip, ['count', 'parts', 'result']);
  assert.equal(zip.count, 7);
  assert.equal(zip.parts, parts);
  assert.equal(zip.result, null);
  assert.equal(zip.rc, 1);
  settleShape(seq, ['index', 'seq', 'result']);
  assert.equal(seq.index, 0);
  assert.equal(seq.seq, null);
  const gen = new PyGenerator(null as unknown as Frame, 'g', 'g');
  gen.running = true;
  settleShape(gen, ['started', 'running', 'finished']);
  assert.deepEqual([gen.started, gen.running, gen.finished], [false, true, false]);
});

test('settleShape does not add a field the object does not own', () => {
  const seq = new PySeqIter(ListIterType, null);
  const own = Object.keys(seq).sort();
  settleShape(seq, ['noSuchField']);
  assert.deepEqual(Object.keys(seq).sort(), own);
  assert.ok(!Object.prototype.hasOwnProperty.call(seq, 'noSuchField'));
});
