// The script's AST arena, as far as shared objects go. pyrun_file (Python/pythonrun.c) keeps the
// arena until `__main__` returns, and the arena holds one reference per object the parser and the
// AST optimizer made: each Constant node's value (_PyArena_AddPyObject in the number and string
// actions of Parser/action_helpers.c, make_const in Python/ast_opt.c), made again each time pegen
// runs the action. A NUMBER is not memoized: the left-recursive `primary` loop calls `atom` twice,
// and `t_primary` (a target tried at a statement's start and after each '=' of an assignment)
// once more, twice when a trailer follows; `strings` is memoized (once). 'None', 'True', 'False'
// and '...' are not arena objects.
//
// This matters for the objects every occurrence shares (small ints, the empty and one-character
// latin-1 strs, empty and one-byte bytes, the empty tuple, the singletons from folding): their
// counts add up. Any other value is an object of its own per occurrence, and the one co_consts
// keeps has exactly one arena reference (ConstSlot.arena).

import type { ConstantValue } from './ast';
import type { Token } from './tokenizer';

/** Arena references to shared objects, by sharedKey. */
export type ArenaCounts = Map<string, number>;

/**
 * The key of a value whose object every occurrence shares, else null: 'i' + a small int
 * (-5..256), 's' + a str of at most one latin-1 character, 'b' + bytes of at most one byte (as a
 * char), '(' the empty tuple, 'T' 'F' 'N' 'E' True, False, None, Ellipsis.
 */
export function sharedKey(v: ConstantValue | { type: 'ftuple' | 'ffrozenset'; elts: unknown[] }): string | null {
  switch (v.type) {
    case 'int':
      return v.value >= -5n && v.value <= 256n ? 'i' + v.value : null;
    case 'str':
      return v.value.length === 0 || (v.value.length === 1 && v.value.charCodeAt(0) < 256) ? 's' + v.value : null;
    case 'bytes':
      return v.value.length <= 1 ? 'b' + (v.value.length ? String.fromCharCode(v.value[0]) : '') : null;
    case 'bool':
      return v.value ? 'T' : 'F';
    case 'None':
      return 'N';
    case 'Ellipsis':
      return 'E';
    case 'ftuple':
      return v.elts.length === 0 ? '(' : null;
    default:
      return null;
  }
}

/** One occurrence's arena references: (key, count) pairs. */
type Entry = (string | number)[];

/** the occurrences of the parse under way, by the token they were made from: a parse that backs
 *  off and parses the same tokens again replaces their entry */
let occ: Map<Token, Entry> | null = null;

/** Start recording (parseModule); returns what was being recorded before. */
export function arenaBegin(): Map<Token, Entry> | null {
  const prev = occ;
  occ = new Map();
  return prev;
}

/** Stop recording: the arena references of the parse. */
export function arenaEnd(prev: Map<Token, Entry> | null): ArenaCounts {
  const m = occ;
  occ = prev;
  const counts: ArenaCounts = new Map();
  if (m) for (const e of m.values()) addEntry(counts, e);
  return counts;
}

function addEntry(counts: ArenaCounts, e: Entry): void {
  for (let i = 0; i < e.length; i += 2) {
    const k = e[i] as string;
    counts.set(k, (counts.get(k) ?? 0) + (e[i + 1] as number));
  }
}

/** A NUMBER token's constant, made `n` times. */
export function noteNumber(t: Token, v: ConstantValue, n: number): void {
  if (occ === null || v.type !== 'int') return;
  const k = sharedKey(v);
  if (k !== null) occ.set(t, [k, n]);
}

/** Scale a NUMBER's count (a rule pegen parses twice). */
export function scaleNumber(t: Token, f: number): void {
  const e = occ?.get(t);
  if (e) e[1] = (e[1] as number) * f;
}

/** Record the sub-parses of an f-string apart (swap in a fresh table; swap back with the result). */
export function arenaSwap(m: Map<Token, Entry> | null): Map<Token, Entry> | null {
  const prev = occ;
  occ = m;
  return prev;
}

/** A `strings` occurrence (first token): its constants' keys, plus what its f-string
 *  expressions recorded (`inner`). */
export function noteStrings(t: Token, keys: string[], inner: Map<Token, Entry> | null): void {
  if (occ === null) return;
  const e: Entry = [];
  for (const k of keys) e.push(k, 1);
  if (inner) for (const x of inner.values()) for (const y of x) e.push(y);
  if (e.length) occ.set(t, e);
  else occ.delete(t);
}

/** Count one more arena reference to a shared value (make_const). */
export function countValue(counts: ArenaCounts, v: Parameters<typeof sharedKey>[0]): void {
  const k = sharedKey(v);
  if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
}
