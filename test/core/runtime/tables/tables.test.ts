// Replays the scenarios of expectations.json (recorded by record.py with
// CPython 3.11, PYTHONHASHSEED=0) on SetTable / DictTable and compares
// iteration orders, sys.getsizeof values and op results after every step.
// When python3 is 3.11, the committed JSON is first re-checked live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { SetTable, type SetKeyOps } from "../../../../src/core/runtime/tables/settable";
import { DictTable, type DictKeyOps } from "../../../../src/core/runtime/tables/dicttable";
import type { Hash } from "../../../../src/core/runtime/tables/hash64";
import * as H from "../../../../src/core/runtime/primitives/hash";

const HERE = dirname(fileURLToPath(import.meta.url));
const JSON_PATH = join(HERE, "expectations.json");
const RAW = readFileSync(JSON_PATH, "utf8");

type Enc = number | { s: string } | { i: string };
interface Scenario {
  name: string;
  ops: unknown[][];
  expect: { state: unknown[]; size: number; res: unknown }[];
}
const DOC = JSON.parse(RAW) as { python: string; strHashes: Record<string, number | string>; scenarios: Scenario[] };

// ------------------------------------------------------------------ keys

/** A Python int or str; fresh wrapper objects make the tables call eq() (identity fails). */
class PyKey {
  constructor(readonly v: number | bigint | string) {}
}

const STR_HASH = new Map<string, Hash>();
for (const [s, h] of Object.entries(DOC.strHashes)) {
  { const b = BigInt(h); STR_HASH.set(s, b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b); }
}

function dec(e: Enc): PyKey {
  if (typeof e === "number") return new PyKey(e);
  if ("s" in e) return new PyKey(e.s);
  return new PyKey(BigInt(e.i));
}

function enc(k: unknown): Enc {
  const v = k instanceof PyKey ? k.v : (k as number);
  if (typeof v === "string") return { s: v };
  if (typeof v === "bigint") {
    if (v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
    return { i: v.toString() };
  }
  return v;
}

let eqCalls = 0;
function hashOf(k: PyKey): Hash {
  const v = k.v;
  if (typeof v === "string") {
    const h = STR_HASH.get(v);
    if (h === undefined) throw new Error("no recorded hash for " + v);
    return h;
  }
  return H.hashInt(v);
}

const setOps: SetKeyOps<PyKey> = {
  eq(a, b) {
    eqCalls++;
    return a.v === b.v;
  },
};
const dictOps: DictKeyOps<PyKey, unknown> = {
  eq(a, b) {
    eqCalls++;
    return a.v === b.v;
  },
  isExactStr(k) {
    return typeof k.v === "string";
  },
};

type Var = SetTable<PyKey> | DictTable<PyKey, unknown>;

function newSet(): SetTable<PyKey> {
  return new SetTable<PyKey>(setOps);
}

function setFromList(list: Enc[]): SetTable<PyKey> {
  const s = newSet();
  for (const e of list) {
    const k = dec(e);
    s.add(k, hashOf(k));
  }
  return s;
}

/** The compiler's dict display chunking (compiler_dict / compiler_subdict, STACK_USE_GUIDELINE 30). */
function dictDisplay(items: [PyKey, unknown][]): DictTable<PyKey, unknown> {
  const n = items.length;
  let result: DictTable<PyKey, unknown> | null = null;
  const sub = (begin: number, end: number): DictTable<PyKey, unknown> => {
    const m = end - begin;
    const big = m * 2 > 30;
    let d: DictTable<PyKey, unknown>;
    if (big) d = new DictTable(dictOps); // BUILD_MAP 0 + MAP_ADD
    else {
      let allStr = true;
      for (let i = begin; i < end; i++) if (typeof items[i][0].v !== "string") allStr = false;
      d = DictTable.newPresized(dictOps, m, allStr); // BUILD_MAP m / BUILD_CONST_KEY_MAP
    }
    for (let i = begin; i < end; i++) d.set(items[i][0], hashOf(items[i][0]), items[i][1]);
    return d;
  };
  const emit = (d: DictTable<PyKey, unknown>) => {
    if (result === null) result = d;
    else result.merge(d, 1); // DICT_UPDATE
  };
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (elements * 2 > 30) {
      emit(sub(i - elements, i + 1));
      elements = 0;
    } else elements++;
  }
  if (elements) emit(sub(n - elements, n));
  return result ?? new DictTable(dictOps);
}

function state(v: Var): unknown[] {
  if (v.kind === "set") return v.keys().map(enc);
  const out: unknown[] = [];
  for (let p = v.nextIndex(0); p >= 0; p = v.nextIndex(p + 1)) out.push([enc(v.keyAt(p)), enc(v.valueAt(p))]);
  return out;
}

function run(sc: Scenario): void {
  const env = new Map<string, Var>();
  const S = (n: unknown) => env.get(n as string) as SetTable<PyKey>;
  const D = (n: unknown) => env.get(n as string) as DictTable<PyKey, unknown>;
  sc.ops.forEach((op, step) => {
    const [name, tgt, ...a] = op as [string, string, ...unknown[]];
    let res: unknown = null;
    const k0 = () => dec(a[0] as Enc);
    switch (name) {
      case "set_new":
        env.set(tgt, newSet());
        break;
      case "set_lit": // BUILD_SET n
      case "set_from": // set(list): set_update_internal -> set_add_key per item
      case "set_comp": // BUILD_SET 0 + SET_ADD
        env.set(tgt, setFromList(a[0] as Enc[]));
        break;
      case "set_constlit": {
        // BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE 1. The compiler builds
        // frozenset(tuple_of_consts), and merge_consts_recursive (compile.c) then rebuilds it
        // as frozenset(tuple(that frozenset in table order)).
        const fs0 = setFromList(a[0] as Enc[]);
        const fs = newSet();
        for (const k of fs0.keys()) fs.add(k, hashOf(k));
        const s = newSet();
        s.update(fs);
        env.set(tgt, s);
        break;
      }
      case "fs_from": {
        const fs = setFromList(a[0] as Enc[]);
        env.set(tgt, fs);
        res = enc(fs.frozensetHash() as never);
        const hashes = fs.keys().map(hashOf);
        assert.equal(fs.frozensetHash(), H.hashFrozensetCombine(hashes), "primitives hashFrozensetCombine agrees");
        break;
      }
      case "fs_of":
      case "set_of": {
        const s = newSet();
        s.update(env.get(a[0] as string)!);
        env.set(tgt, s);
        if (name === "fs_of") res = enc(s.frozensetHash() as never);
        break;
      }
      case "set_add": {
        const k = k0();
        S(tgt).add(k, hashOf(k));
        break;
      }
      case "set_update_list":
        for (const e of a[0] as Enc[]) {
          const k = dec(e);
          S(tgt).add(k, hashOf(k));
        }
        break;
      case "set_update":
        S(tgt).update(env.get(a[0] as string)!);
        break;
      case "set_discard": {
        const k = k0();
        res = S(tgt).discard(k, hashOf(k)) !== undefined;
        break;
      }
      case "set_pop":
        res = enc(S(tgt).pop());
        break;
      case "set_clear":
        S(tgt).clear();
        break;
      case "set_copy":
        env.set(tgt, S(a[0]).copy());
        break;
      case "set_or":
        env.set(tgt, S(a[0]).union(S(a[1])));
        break;
      case "set_and":
        env.set(tgt, S(a[0]).intersection(S(a[1])));
        break;
      case "set_and_list": {
        const so = S(a[0]);
        const r = newSet();
        for (const e of a[1] as Enc[]) {
          const k = dec(e);
          const h = hashOf(k);
          if (so.contains(k, h)) {
            r.add(k, h);
            if (r.used >= so.used) break;
          }
        }
        env.set(tgt, r);
        break;
      }
      case "set_sub":
        env.set(tgt, S(a[0]).difference(S(a[1])));
        break;
      case "set_sub_dict":
        env.set(tgt, S(a[0]).difference(D(a[1])));
        break;
      case "set_sub_list": {
        const r = S(a[0]).copy();
        for (const e of a[1] as Enc[]) {
          const k = dec(e);
          r.discard(k, hashOf(k));
        }
        r.purgeDummies();
        env.set(tgt, r);
        break;
      }
      case "set_xor":
        env.set(tgt, S(a[0]).symmetricDifference(S(a[1])));
        break;
      case "set_iand":
        S(tgt).intersectionUpdate(S(a[0]));
        break;
      case "set_isub":
        S(tgt).differenceUpdate(S(a[0]));
        break;
      case "set_isub_list":
        for (const e of a[0] as Enc[]) {
          const k = dec(e);
          S(tgt).discard(k, hashOf(k));
        }
        S(tgt).purgeDummies();
        break;
      case "set_ixor":
        S(tgt).symmetricDifferenceUpdate(S(a[0]));
        break;
      case "set_issubset":
        res = S(tgt).issubset(S(a[0]));
        break;
      case "set_isdisjoint":
        res = S(tgt).isdisjoint(S(a[0]));
        break;
      case "set_eq":
        res = S(tgt).equals(S(a[0]));
        break;
      case "dict_new":
        env.set(tgt, new DictTable(dictOps));
        break;
      case "dict_lit":
        env.set(tgt, dictDisplay((a[0] as [Enc, Enc][]).map(([k, v]) => [dec(k), dec(v).v])));
        break;
      case "dict_comp":
      case "dict_pairs":
      case "dict_fromkeys_list": {
        const d = new DictTable<PyKey, unknown>(dictOps);
        if (name === "dict_fromkeys_list") {
          for (const e of a[0] as Enc[]) {
            const k = dec(e);
            d.set(k, hashOf(k), 0);
          }
        } else {
          for (const [ke, ve] of a[0] as [Enc, Enc][]) {
            const k = dec(ke);
            d.set(k, hashOf(k), dec(ve).v);
          }
        }
        env.set(tgt, d);
        break;
      }
      case "dict_set": {
        const k = k0();
        D(tgt).set(k, hashOf(k), dec(a[1] as Enc).v);
        break;
      }
      case "dict_del": {
        const k = k0();
        assert.ok(D(tgt).delete(k, hashOf(k)));
        break;
      }
      case "dict_pop": {
        const k = k0();
        const v = D(tgt).pop(k, hashOf(k));
        res = v === undefined ? null : enc(v);
        break;
      }
      case "dict_popitem": {
        const d = D(tgt);
        assert.ok(d.popitem());
        res = [enc(d.outKey), enc(d.outValue)];
        break;
      }
      case "dict_setdefault": {
        const k = k0();
        res = enc(D(tgt).setdefault(k, hashOf(k), dec(a[1] as Enc).v));
        break;
      }
      case "dict_clear":
        D(tgt).clear();
        break;
      case "dict_copy":
        env.set(tgt, D(a[0]).copy());
        break;
      case "dict_of": {
        const d = new DictTable<PyKey, unknown>(dictOps);
        d.merge(D(a[0]), 1);
        env.set(tgt, d);
        break;
      }
      case "dict_update":
        assert.equal(D(tgt).merge(D(a[0]), 1), 0);
        break;
      case "dict_fromkeys": {
        const d = new DictTable<PyKey, unknown>(dictOps);
        const src = env.get(a[0] as string)!;
        if (src.kind === "dict") d.fromkeysDict(src, 0);
        else d.fromkeysSet(src, 0);
        env.set(tgt, d);
        break;
      }
      case "dict_eq":
        res = D(tgt).equals(D(a[0]), (x, y) => x === y);
        break;
      default:
        throw new Error("unknown op " + name);
    }
    const exp = sc.expect[step];
    const v = env.get(tgt)!;
    const where = `${sc.name} step ${step} ${JSON.stringify(op).slice(0, 120)}`;
    assert.deepEqual(state(v), exp.state, `order: ${where}`);
    assert.equal(v.getsizeof(), exp.size, `getsizeof: ${where}`);
    assert.deepEqual(res, exp.res, `result: ${where}`);
  });
}

test("expectations.json was recorded with CPython 3.11", () => {
  assert.match(DOC.python, /^3\.11\./);
});

test("str hashes of primitives/hash.ts agree with the recorded PYTHONHASHSEED=0 hashes", () => {
  for (const [s, h] of STR_HASH) assert.equal(H.hashStr(s), h, s);
});

test("live re-check: python3 3.11 re-records the same expectations", (t) => {
  let ver = "";
  try {
    ver = execFileSync("python3", ["--version"], { encoding: "utf8" });
  } catch {
    t.skip("python3 not available");
    return;
  }
  if (!/^Python 3\.11\./.test(ver)) {
    t.skip("python3 is " + ver.trim());
    return;
  }
  const live = execFileSync("python3", [join(HERE, "record.py"), "--stdout"], { encoding: "utf8", maxBuffer: 1 << 28 });
  assert.deepEqual(JSON.parse(live), DOC);
});

for (const sc of DOC.scenarios) {
  test(sc.name, () => {
    run(sc);
  });
}

test("eq callback was exercised", () => {
  assert.ok(eqCalls > 1000);
});
