// Compiled code units as text, for the standard library's Python sources compiled at build time
// (what CPython does with its frozen modules and .pyc files: marshal). A unit tree (a module's
// code, the code objects in its constants, their constants) becomes one JSON value and comes back
// as the same tree: the same instructions, tables and names, and the same sharing — constants
// merged across code objects (compile.c merge_consts_recursive) are one ConstSlot object again,
// and every unit gets the module's one array of source lines. `deserializeUnit` of
// `serializeUnit(u)` is deep-equal to `u` (test/core/compiler/serialize.test.ts checks it for
// every frozen source).
//
// The text is plain ASCII (JSON with every other character escaped), so a reader may take it
// from a file decoded as latin1 and index it by byte offsets.

import type { CodeUnit, ConstLit, ConstSlot } from './code';

/** a constant as JSON: [tag, value?] (slot and unit references are indices) */
type LitJSON = [string] | [string, unknown];

interface TreeJSON {
  /** slots: [lit, arena (0/1), users] */
  s: [LitJSON, number, number][];
  /** units, the root first */
  u: unknown[][];
}

function numJSON(x: number): number | string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return x;
}

function numOf(x: number | string): number {
  if (typeof x === 'number') return x;
  switch (x) {
    case 'nan':
      return NaN;
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    case '-0':
      return -0;
  }
  throw new Error(`serialize: bad number ${x}`);
}

/** JSON text with every character outside printable ASCII as a \u escape */
function asciiJSON(v: unknown): string {
  return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Numbers objects in the order they are first added (`add` returns an object's number). */
function numbering<T>(): { list: T[]; add: (x: T) => number } {
  const index = new Map<T, number>();
  const list: T[] = [];
  return {
    list,
    add(x) {
      let i = index.get(x);
      if (i === undefined) {
        i = list.length;
        index.set(x, i);
        list.push(x);
      }
      return i;
    },
  };
}

/** The unit tree rooted at `root` as ASCII text. */
export function serializeUnit(root: CodeUnit): string {
  const units = numbering<CodeUnit>();
  const slots = numbering<ConstSlot>();
  const addUnit = units.add;
  const addSlot = slots.add;
  addUnit(root);
  const litJSON = (lit: ConstLit): LitJSON => {
    switch (lit.type) {
      case 'None':
        return ['N'];
      case 'Ellipsis':
        return ['E'];
      case 'bool':
        return [lit.value ? 'T' : 'F'];
      case 'int':
        return ['i', lit.value.toString()];
      case 'float':
        return ['f', numJSON(lit.value)];
      case 'complex':
        return ['c', numJSON(lit.imag)];
      case 'str':
        return ['s', lit.value];
      case 'bytes':
        return ['y', Array.from(lit.value)];
      case 'code':
        return ['C', addUnit(lit.code)];
      case 'tuple':
        return ['t', lit.items.map(addSlot)];
      case 'frozenset':
        return ['z', lit.items.map(addSlot)];
    }
  };
  const out: TreeJSON = { s: [], u: [] };
  // (units and slots found while writing earlier ones are numbered after them and written in turn)
  for (let ui = 0, si = 0; ui < units.list.length || si < slots.list.length; ) {
    if (ui < units.list.length) {
      const u = units.list[ui++];
      if (u.source !== root.source) throw new Error(`serialize: unit ${u.qualname} has its own source lines`);
      const consts = u.consts.map(addSlot);
      out.u.push([
        u.name,
        u.qualname,
        u.filename,
        u.firstlineno,
        u.argcount,
        u.posonlyargcount,
        u.kwonlyargcount,
        u.flags,
        Array.from(u.code),
        Array.from(u.lines),
        Array.from(u.endLines),
        Array.from(u.cols),
        Array.from(u.endCols),
        consts,
        u.names,
        u.localsplusNames,
        Array.from(u.localsplusKinds),
        u.nlocals,
        u.ncells,
        u.nfrees,
        Array.from(u.exceptionTable),
        u.stacksize,
        u.arenaShared === undefined ? null : Array.from(u.arenaShared),
      ]);
    } else {
      const s = slots.list[si++];
      out.s.push([litJSON(s.lit), s.arena ? 1 : 0, s.users]);
    }
  }
  return asciiJSON(out);
}

/** The unit tree of `text` (serializeUnit's), its units sharing `source` (the lines the compiler
 * would have split the module's source into). */
export function deserializeUnit(text: string, source: string[]): CodeUnit {
  const t = JSON.parse(text) as TreeJSON;
  const slots: ConstSlot[] = t.s.map(([, arena, users]) => ({ lit: { type: 'None' } as ConstLit, arena: arena === 1, users }));
  const units: CodeUnit[] = t.u.map((r) => {
    const arenaShared = r[22] as [string, number][] | null;
    const u: CodeUnit = {
      name: r[0] as string,
      qualname: r[1] as string,
      filename: r[2] as string,
      firstlineno: r[3] as number,
      argcount: r[4] as number,
      posonlyargcount: r[5] as number,
      kwonlyargcount: r[6] as number,
      flags: r[7] as number,
      code: new Int32Array(r[8] as number[]),
      lines: new Int32Array(r[9] as number[]),
      endLines: new Int32Array(r[10] as number[]),
      cols: new Int32Array(r[11] as number[]),
      endCols: new Int32Array(r[12] as number[]),
      consts: (r[13] as number[]).map((i) => slots[i]),
      names: r[14] as string[],
      localsplusNames: r[15] as string[],
      localsplusKinds: new Uint8Array(r[16] as number[]),
      nlocals: r[17] as number,
      ncells: r[18] as number,
      nfrees: r[19] as number,
      exceptionTable: new Int32Array(r[20] as number[]),
      stacksize: r[21] as number,
      source,
    };
    if (arenaShared !== null) u.arenaShared = new Map(arenaShared);
    return u;
  });
  for (let i = 0; i < slots.length; i++) {
    const [tag, v] = t.s[i][0];
    let lit: ConstLit;
    switch (tag) {
      case 'N':
        lit = { type: 'None' };
        break;
      case 'E':
        lit = { type: 'Ellipsis' };
        break;
      case 'T':
      case 'F':
        lit = { type: 'bool', value: tag === 'T' };
        break;
      case 'i':
        lit = { type: 'int', value: BigInt(v as string) };
        break;
      case 'f':
        lit = { type: 'float', value: numOf(v as number | string) };
        break;
      case 'c':
        lit = { type: 'complex', imag: numOf(v as number | string) };
        break;
      case 's':
        lit = { type: 'str', value: v as string };
        break;
      case 'y':
        lit = { type: 'bytes', value: new Uint8Array(v as number[]) };
        break;
      case 'C':
        lit = { type: 'code', code: units[v as number] };
        break;
      case 't':
        lit = { type: 'tuple', items: (v as number[]).map((j) => slots[j]) };
        break;
      case 'z':
        lit = { type: 'frozenset', items: (v as number[]).map((j) => slots[j]) };
        break;
      default:
        throw new Error(`deserialize: bad constant tag ${tag}`);
    }
    slots[i].lit = lit;
  }
  return units[0];
}
