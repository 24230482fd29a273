// The Unicode Character Database of CPython 3.11 (Modules/unicodedata.c, Unicode 14.0.0): the
// properties, normalization and names behind the unicodedata module. The tables are generated
// from python3.11 by tools/gen_unicodedata.py (ucdtables.ts, ucdnames.ts, eastasianwidth.ts) and
// decoded on first use; tools/check_unicodedata.mjs compares every code point with python3.
// Normalization is done here, from the same tables, rather than by String.prototype.normalize:
// the host's ICU follows a newer Unicode, which decomposes and reorders characters that Unicode
// 14 leaves unassigned (CPython leaves them alone).
// Everything works on code points (numbers); surrogate code points are characters of their own.

import * as T from './ucdtables';
import * as NM from './ucdnames';

// ------------------------------------------------------------------ decoding
/** a reader of the tables' base-32 varints (tools/gen_unicodedata.py varint) */
class Reader {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length;
  }
  num(): number {
    let n = 0;
    let shift = 1;
    for (;;) {
      const d = DIGIT_VALUE[this.s.charCodeAt(this.i++)];
      if (d >= 32) return n + (d - 32) * shift;
      n += d * shift;
      shift *= 32;
    }
  }
  /** a zigzag-coded signed number */
  signed(): number {
    const z = this.num();
    return z & 1 ? -(z + 1) / 2 : z / 2;
  }
}

const DIGIT_VALUE = new Uint8Array(128);
for (let i = 0; i < T.DIGITS.length; i++) DIGIT_VALUE[T.DIGITS.charCodeAt(i)] = i;

/** a property's runs over 0..0x10FFFF (value number, length); eastasianwidth.ts's too */
export class RunTable {
  private starts: Uint32Array | null = null;
  private values: Uint8Array | null = null;
  constructor(private readonly data: string) {}
  private load(): void {
    const st: number[] = [];
    const vs: number[] = [];
    const r = new Reader(this.data);
    let cp = 0;
    while (!r.done) {
      vs.push(r.num());
      st.push(cp);
      cp += r.num();
    }
    this.starts = Uint32Array.from(st);
    this.values = Uint8Array.from(vs);
  }
  get(cp: number): number {
    if (!this.starts) this.load();
    const s = this.starts!;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return this.values![lo];
  }
}

/** a set of code points as ranges (gap, length) */
class RangeSet {
  private bounds: Uint32Array | null = null;
  constructor(private readonly data: string) {}
  private load(): void {
    const b: number[] = [];
    const r = new Reader(this.data);
    let cp = 0;
    while (!r.done) {
      cp += r.num();
      b.push(cp);
      cp += r.num();
      b.push(cp);
    }
    this.bounds = Uint32Array.from(b);
  }
  /** [start, end) pairs, flattened */
  get ranges(): Uint32Array {
    if (!this.bounds) this.load();
    return this.bounds!;
  }
  has(cp: number): boolean {
    const b = this.ranges;
    // the number of bounds <= cp is odd inside a range
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid] <= cp) lo = mid + 1;
      else hi = mid;
    }
    return (lo & 1) === 1;
  }
}

const categories = T.CATEGORIES.split(' ');
const bidiClasses = T.BIDI_CLASSES.split(' ');
const categoryRuns = new RunTable(T.CATEGORY);
const bidiRuns = new RunTable(T.BIDI);
const combiningRuns = new RunTable(T.COMBINING);
const mirroredSet = new RangeSet(T.MIRRORED);
const digitSet = new RangeSet(T.DIGIT);
const decimalSet = new RangeSet(T.DECIMAL);
const cjkSet = new RangeSet(T.CJK_IDEOGRAPHS);

// ------------------------------------------------------------------ simple properties
/** unicodedata.category: the general category ('Cn' for an unassigned code point) */
export function category(cp: number): string {
  return categories[categoryRuns.get(cp)];
}

/** unicodedata.bidirectional: the bidirectional class ('' for most unassigned code points) */
export function bidirectional(cp: number): string {
  return bidiClasses[bidiRuns.get(cp)];
}

/** unicodedata.combining: the canonical combining class (0 for most) */
export function combining(cp: number): number {
  return cp < 0x300 ? 0 : combiningRuns.get(cp);
}

/** unicodedata.mirrored: 1 when mirrored in bidirectional text */
export function mirrored(cp: number): number {
  return mirroredSet.has(cp) ? 1 : 0;
}

// numeric values: run start, length, value number * 2 + step (1: the values count up)
let numStarts: Uint32Array | null = null;
let numLens: Uint32Array | null = null;
let numCodes: Uint16Array | null = null;
let numValues: number[] | null = null;

function loadNumeric(): void {
  numValues = T.NUMERIC_VALUES.split(' ').map((t) => {
    const [a, b] = t.split('/');
    // makeunicodedata writes a fraction as a C division of doubles; JS divides the same way
    return b === undefined ? Number(a) : Number(a) / Number(b);
  });
  const st: number[] = [];
  const ln: number[] = [];
  const cd: number[] = [];
  const r = new Reader(T.NUMERIC);
  let cp = 0;
  while (!r.done) {
    cp += r.num();
    st.push(cp);
    const n = r.num();
    ln.push(n);
    cd.push(r.num());
    cp += n;
  }
  numStarts = Uint32Array.from(st);
  numLens = Uint32Array.from(ln);
  numCodes = Uint16Array.from(cd);
}

/** unicodedata.numeric's value, or undefined */
export function numericValue(cp: number): number | undefined {
  if (!numStarts) loadNumeric();
  const s = numStarts!;
  let lo = 0;
  let hi = s.length - 1;
  if (cp < s[0]) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  const off = cp - s[lo];
  if (off >= numLens![lo]) return undefined;
  const code = numCodes![lo];
  const v = numValues![code >> 1];
  return code & 1 ? v + off : v;
}

/** unicodedata.digit's value, or undefined */
export function digitValue(cp: number): number | undefined {
  return digitSet.has(cp) ? numericValue(cp) : undefined;
}

/** unicodedata.decimal's value, or undefined */
export function decimalValue(cp: number): number | undefined {
  return decimalSet.has(cp) ? numericValue(cp) : undefined;
}

// ------------------------------------------------------------------ decomposition
// sorted code points with a decomposition; entry k's code points are dData[dStart[k]..dStart[k + 1])
// and its tag number dTag[k] (0 canonical, else DECOMP_TAGS: '<compat>' ...)
let dCodes: Uint32Array | null = null;
let dStart: Uint32Array;
let dTag: Uint8Array;
let dData: Uint32Array;
const decompTags = T.DECOMP_TAGS.split(' ');

function loadDecomps(): Uint32Array {
  const codes: number[] = [];
  const starts: number[] = [];
  const tags: number[] = [];
  const data: number[] = [];
  const r = new Reader(T.DECOMPOSITION);
  let cp = 0;
  let prev = 0;
  let prevLen = 0;
  while (!r.done) {
    cp += r.num();
    const h = r.num();
    const n = h & 31;
    const start = data.length;
    for (let i = 0; i < n; i++) data.push((i < prevLen ? data[prev + i] : cp) + r.signed());
    codes.push(cp);
    starts.push(start);
    tags.push(h >> 5);
    prev = start;
    prevLen = n;
  }
  starts.push(data.length);
  dStart = Uint32Array.from(starts);
  dTag = Uint8Array.from(tags);
  dData = Uint32Array.from(data);
  return (dCodes = Uint32Array.from(codes));
}

/** the decomposition entry of cp, or -1 */
function decompIndex(cp: number): number {
  const c = dCodes ?? loadDecomps();
  let lo = 0;
  let hi = c.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid] < cp) lo = mid + 1;
    else if (c[mid] > cp) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const hex4 = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/** unicodedata.decomposition: '<tag> XXXX XXXX' or '' (also for Hangul syllables) */
export function decomposition(cp: number): string {
  const k = decompIndex(cp);
  if (k < 0) return '';
  const parts: string[] = [];
  if (dTag[k]) parts.push(decompTags[dTag[k]]);
  for (let i = dStart[k]; i < dStart[k + 1]; i++) parts.push(hex4(dData[i]));
  return parts.join(' ');
}

// ------------------------------------------------------------------ normalization
// Hangul syllables decompose algorithmically (Unicode 3.12, Conjoining Jamo Behavior)
const S_BASE = 0xac00;
const L_BASE = 0x1100;
const V_BASE = 0x1161;
const T_BASE = 0x11a7;
const L_COUNT = 19;
const V_COUNT = 21;
const T_COUNT = 28;
const N_COUNT = V_COUNT * T_COUNT;
const S_COUNT = L_COUNT * N_COUNT;

/** primary composites: first * 0x110000 + second -> composite */
let compositions: Map<number, number> | null = null;

function loadCompositions(): Map<number, number> {
  const excluded = new Set<number>();
  const r = new Reader(T.COMPOSITION_EXCLUSIONS);
  let cp = 0;
  while (!r.done) excluded.add((cp += r.num()));
  const m = new Map<number, number>();
  const codes = dCodes ?? loadDecomps();
  for (let k = 0; k < codes.length; k++) {
    const s = dStart[k];
    if (dTag[k] === 0 && dStart[k + 1] - s === 2 && !excluded.has(codes[k])) m.set(dData[s] * 0x110000 + dData[s + 1], codes[k]);
  }
  return (compositions = m);
}

function decomposeInto(cp: number, compat: boolean, out: number[]): void {
  const s = cp - S_BASE;
  if (s >= 0 && s < S_COUNT) {
    out.push(L_BASE + Math.floor(s / N_COUNT), V_BASE + Math.floor((s % N_COUNT) / T_COUNT));
    if (s % T_COUNT) out.push(T_BASE + (s % T_COUNT));
    return;
  }
  // (no decomposition below U+00A0)
  const k = cp < 0xa0 ? -1 : decompIndex(cp);
  if (k >= 0 && (dTag[k] === 0 || compat)) for (let i = dStart[k]; i < dStart[k + 1]; i++) decomposeInto(dData[i], compat, out);
  else out.push(cp);
}

/** nfd_nfkd: the full decomposition in canonical order */
function decompose(cps: number[], compat: boolean): number[] {
  const out: number[] = [];
  for (const cp of cps) decomposeInto(cp, compat, out);
  // canonical ordering: a stable sort of each run of non-starters by combining class
  for (let i = 1; i < out.length; i++) {
    const c = out[i];
    const cc = combining(c);
    if (cc === 0) continue;
    let j = i;
    while (j > 0) {
      const pc = combining(out[j - 1]);
      if (pc <= cc) break;
      out[j] = out[j - 1];
      j--;
    }
    out[j] = c;
  }
  return out;
}

/** nfc_nfkc: canonical composition of the decomposition */
function compose(cps: number[]): number[] {
  const pairs = compositions ?? loadCompositions();
  const out: number[] = [];
  let starter = -1;
  /** the combining class of the last character after the starter (-1: none yet) */
  let last = -1;
  for (const cp of cps) {
    const cc = combining(cp);
    if (starter >= 0 && (last === -1 || (last !== 0 && last < cc))) {
      const s = out[starter];
      let comp: number | undefined;
      const li = s - L_BASE;
      const si = s - S_BASE;
      if (li >= 0 && li < L_COUNT && cp >= V_BASE && cp < V_BASE + V_COUNT && last === -1) {
        comp = S_BASE + (li * V_COUNT + (cp - V_BASE)) * T_COUNT;
      } else if (si >= 0 && si < S_COUNT && si % T_COUNT === 0 && cp > T_BASE && cp < T_BASE + T_COUNT && last === -1) {
        comp = s + (cp - T_BASE);
      } else {
        comp = pairs.get(s * 0x110000 + cp);
      }
      if (comp !== undefined) {
        out[starter] = comp;
        continue;
      }
    }
    if (cc === 0) {
      starter = out.length;
      last = -1;
    } else if (starter >= 0) {
      last = cc;
    }
    out.push(cp);
  }
  return out;
}

export type NormalForm = 'NFC' | 'NFKC' | 'NFD' | 'NFKD';

const quickSets: Record<NormalForm, RangeSet> = {
  NFC: new RangeSet(T.QUICK_NFC),
  NFKC: new RangeSet(T.QUICK_NFKC),
  NFD: new RangeSet(T.QUICK_NFD),
  NFKD: new RangeSet(T.QUICK_NFKD),
};

/** is_normalized_quickcheck with yes_only: every character's quick check is Yes and the
 * combining classes are in order, so the string is its own normal form */
export function quickCheckYes(form: NormalForm, cps: number[]): boolean {
  const q = quickSets[form];
  let prev = 0;
  for (const cp of cps) {
    if (cp < 0x300) {
      if (cp < 0xa0) {
        prev = 0;
        continue;
      }
    }
    const cc = combining(cp);
    if (cc && prev > cc) return false;
    prev = cc;
    if (q.has(cp)) return false;
  }
  return true;
}

/** unicodedata.normalize on code points */
export function normalize(form: NormalForm, cps: number[]): number[] {
  const compat = form === 'NFKC' || form === 'NFKD';
  const d = decompose(cps, compat);
  return form === 'NFC' || form === 'NFKC' ? compose(d) : d;
}

// ------------------------------------------------------------------ names
// Modules/unicodedata.c: hangul_syllables, the jamo short names
const JAMO_L = 'G GG N D DD R M B BB S SS  J JJ C K T P H'.split(' ');
const JAMO_V = 'A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I'.split(' ');
const JAMO_T = ' G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H'.split(' ');

// The stored names stay token numbers (ucdnames.ts): a name is built when asked for, and lookup
// tokenizes its argument and finds the record through a hash of the token numbers, so that the
// first use decodes about 140,000 small numbers rather than 33,000 strings.
interface NameTables {
  /** every record's token numbers (1-based word numbers), flattened; record r is
   * tokens[starts[r]..starts[r + 1]) */
  tokens: Uint16Array;
  starts: Uint32Array;
  /** records [0, codes.length) are the characters' names, in code point order; then the aliases
   * (target code point in aliasTargets), then the named sequences (sequences) */
  codes: Uint32Array;
  aliasTargets: Uint32Array;
  sequences: number[][];
  /** open addressing: record number + 1 by hash of its tokens (0: empty) */
  table: Int32Array;
  /** word -> word number, built on the first lookup */
  wordNumbers: Map<string, number> | null;
}
let nameTables: NameTables | null = null;

function hashTokens(tokens: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ tokens[i], 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** reads a name's token numbers (until its 0 token) from r into out[at..]; returns the new end */
function readTokens(r: Reader, out: Uint16Array, at: number): number {
  const T1 = NM.TOKEN_1;
  const T2 = NM.TOKEN_2;
  const s = r.s;
  let p = r.i;
  for (;;) {
    let i = DIGIT_VALUE[s.charCodeAt(p++)];
    if (i >= T1) {
      if (i < T1 + T2) i = T1 + (i - T1) * 64 + DIGIT_VALUE[s.charCodeAt(p++)];
      else {
        i = T1 + T2 * 64 + (i - T1 - T2) * 4096 + DIGIT_VALUE[s.charCodeAt(p++)] * 64;
        i += DIGIT_VALUE[s.charCodeAt(p++)];
      }
    }
    if (i === 0) break;
    out[at++] = i;
  }
  r.i = p;
  return at;
}

function loadNames(): NameTables {
  const [nNames, nAliases, nSeqs, nTokens] = NM.COUNTS;
  const tokens = new Uint16Array(nTokens);
  const starts = new Uint32Array(nNames + nAliases + nSeqs + 1);
  let nt = 0;
  let rec = 0;
  const codes = new Uint32Array(nNames);
  let r = new Reader(NM.NAMES);
  let cp = -1;
  let prev = 0;
  while (!r.done) {
    const h = r.num();
    cp += h & 1 ? r.num() : 1;
    const start = nt;
    // the tokens shared with the previous name
    for (let k = 0; k < h >> 1; k++) tokens[nt++] = tokens[prev + k];
    nt = readTokens(r, tokens, nt);
    starts[rec] = start;
    codes[rec++] = cp;
    prev = start;
  }
  const aliasTargets = new Uint32Array(nAliases);
  r = new Reader(NM.ALIASES);
  cp = 0;
  for (let a = 0; !r.done; a++) {
    aliasTargets[a] = cp += r.signed();
    starts[rec++] = nt;
    nt = readTokens(r, tokens, nt);
  }
  const sequences: number[][] = [];
  r = new Reader(NM.SEQUENCES);
  let first = 0;
  while (!r.done) {
    const n = r.num();
    const seq: number[] = [];
    let p = first;
    for (let i = 0; i < n; i++) seq.push((p += r.signed()));
    first = seq[0];
    sequences.push(seq);
    starts[rec++] = nt;
    nt = readTokens(r, tokens, nt);
  }
  starts[rec] = nt;
  let size = 1;
  while (size < rec * 3) size <<= 1;
  const table = new Int32Array(size);
  for (let k = 0; k < rec; k++) {
    let slot = hashTokens(tokens, starts[k], starts[k + 1]) & (size - 1);
    while (table[slot]) slot = (slot + 1) & (size - 1);
    table[slot] = k + 1;
  }
  return (nameTables = { tokens, starts, codes, aliasTargets, sequences, table, wordNumbers: null });
}

/** record rec's name: its tokens joined, a space before those that do not start with '-' */
function joinTokens(tokens: Uint16Array, from: number, to: number): string {
  const words = nameWords ?? (nameWords = NM.WORDS.split(' '));
  let n = '';
  for (let i = from; i < to; i++) {
    const w = words[tokens[i] - 1];
    n += w.charCodeAt(0) === 0x2d /* - */ || i === from ? w : ' ' + w;
  }
  return n;
}
let nameWords: string[] | null = null;

// name(): the blocks of BLOCK names (ucdnames.ts): the code point before each and its offset
let blockCps: Int32Array | null = null;
let blockOffsets: Uint32Array;

function loadBlocks(): Int32Array {
  const r = new Reader(NM.BLOCKS);
  const cps: number[] = [];
  const offs: number[] = [];
  let cp = -1;
  let off = 0;
  while (!r.done) {
    cps.push((cp += r.num()));
    offs.push((off += r.num()));
  }
  blockOffsets = Uint32Array.from(offs);
  return (blockCps = Int32Array.from(cps));
}

const blockTokens = new Uint16Array(64);

/** the stored name of cp, decoding only its block */
function storedName(cp: number): string | undefined {
  const b = blockCps ?? loadBlocks();
  let lo = 0;
  let hi = b.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b[mid] < cp) lo = mid;
    else hi = mid - 1;
  }
  const r = new Reader(NM.NAMES);
  r.i = blockOffsets[lo];
  let c = b[lo];
  let len = 0;
  for (let k = 0; k < NM.BLOCK && !r.done; k++) {
    const h = r.num();
    c += h & 1 ? r.num() : 1;
    if (c > cp) return undefined;
    // (the shared tokens are already in place)
    len = readTokens(r, blockTokens, h >> 1);
    if (c === cp) return joinTokens(blockTokens, 0, len);
  }
  return undefined;
}

/** the record named `name` (upper case), or -1 */
function findRecord(t: NameTables, name: string): number {
  if (!t.wordNumbers) t.wordNumbers = new Map((nameWords ?? (nameWords = NM.WORDS.split(' '))).map((w, i) => [w, i + 1]));
  const wn = t.wordNumbers;
  const toks: number[] = [];
  for (const word of name.split(' ')) {
    const parts = word.split('-');
    for (let i = 0; i < parts.length; i++) {
      const k = wn.get(i ? '-' + parts[i] : parts[i]);
      if (k === undefined) return -1;
      toks.push(k);
    }
  }
  const size = t.table.length;
  for (let slot = hashTokens(toks, 0, toks.length) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
    const rec = t.table[slot] - 1;
    if (rec < 0) return -1;
    const s = t.starts[rec];
    if (t.starts[rec + 1] - s !== toks.length) continue;
    let i = 0;
    while (i < toks.length && t.tokens[s + i] === toks[i]) i++;
    if (i === toks.length) return rec;
  }
}

const hexNamed = NM.HEX_NAMED.map(([prefix, data]) => ({ prefix, set: new RangeSet(data) }));

/** _getucname: the character's name, or undefined (aliases and named sequences are not names) */
export function charName(cp: number): string | undefined {
  const s = cp - S_BASE;
  if (s >= 0 && s < S_COUNT) {
    const l = Math.floor(s / N_COUNT);
    const v = Math.floor((s % N_COUNT) / T_COUNT);
    return 'HANGUL SYLLABLE ' + JAMO_L[l] + JAMO_V[v] + JAMO_T[s % T_COUNT];
  }
  if (cjkSet.has(cp)) return 'CJK UNIFIED IDEOGRAPH-' + cp.toString(16).toUpperCase();
  for (const h of hexNamed) if (h.set.has(cp)) return h.prefix + '-' + cp.toString(16).toUpperCase();
  return storedName(cp);
}

/** find_syllable: the longest jamo short name of the column starting name at pos */
function findSyllable(name: string, pos: number, column: string[]): [number, number] {
  let len = -1;
  let idx = -1;
  for (let i = 0; i < column.length; i++) {
    const s = column[i];
    if (s.length > len && name.startsWith(s, pos)) {
      len = s.length;
      idx = i;
    }
  }
  return [idx, len];
}

/** _getcode (with named sequences, as lookup asks): the code point(s) of a name, or undefined.
 * Stored names, aliases and named sequences match in any case; the computed HANGUL SYLLABLE and
 * CJK UNIFIED IDEOGRAPH names only as written (upper case, 4 or 5 hex digits). */
export function lookupName(name: string, namedSequences: boolean): number | number[] | undefined {
  if (name.startsWith('HANGUL SYLLABLE ')) {
    let pos = 16;
    const [l, ll] = findSyllable(name, pos, JAMO_L);
    pos += ll;
    const [v, vl] = findSyllable(name, pos, JAMO_V);
    pos += vl;
    const [t, tl] = findSyllable(name, pos, JAMO_T);
    pos += tl;
    if (l !== -1 && v !== -1 && t !== -1 && pos === name.length) return S_BASE + (l * V_COUNT + v) * T_COUNT + t;
    return undefined;
  }
  if (name.startsWith('CJK UNIFIED IDEOGRAPH-')) {
    const h = name.slice(22);
    if (!/^[0-9A-F]{4,5}$/.test(h)) return undefined;
    const cp = parseInt(h, 16);
    return cjkSet.has(cp) ? cp : undefined;
  }
  // _cmpname compares with Py_TOUPPER: ASCII letters only
  const upper = name.replace(/[a-z]+/g, (w) => w.toUpperCase());
  for (const h of hexNamed) {
    if (upper.startsWith(h.prefix + '-')) {
      const cp = parseInt(upper.slice(h.prefix.length + 1), 16);
      if (h.set.has(cp) && upper === h.prefix + '-' + cp.toString(16).toUpperCase()) return cp;
    }
  }
  const t = nameTables ?? loadNames();
  const rec = findRecord(t, upper);
  if (rec < 0) return undefined;
  if (rec < t.codes.length) return t.codes[rec];
  const a = rec - t.codes.length;
  if (a < t.aliasTargets.length) return t.aliasTargets[a];
  return namedSequences ? t.sequences[a - t.aliasTargets.length] : undefined;
}
