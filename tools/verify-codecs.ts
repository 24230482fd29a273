// Development-time check of RefScope's codec tables against CPython 3.11 (python3 on PATH):
//   node --import tsx tools/verify-codecs.ts [codec ...]
// For gbk, gb2312, gb18030 and big5: every two-byte code decoded, gb18030's four-byte BMP
// codes and a sample of the supplementary ones, and every BMP character (plus a sample of
// supplementary ones) encoded; for each single-byte (charmap) codec: every byte decoded and
// every BMP character encoded. Prints the differences and exits 1 if there are any.
import { spawnSync } from 'node:child_process';
import '../src/core/run';
import { moduleEncode, moduleDecode } from '../src/core/runtime/objects/codec_registry';
import { CHARMAPS } from '../src/core/runtime/objects/codec_tables';

const PY = String.raw`
import sys, json
names = sys.argv[1:]
SUPP = list(range(0x10000, 0x110000, 997)) + [0x10ffff, 0x1f600, 0x20000, 0x2a6d6]
def four(p, first):
    b4 = p % 10; p //= 10; b3 = p % 126; p //= 126; b2 = p % 10; b1 = p // 10
    return bytes([first + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4])
out = {}
for n in names:
    dec = {}
    cjk = n in ('gbk', 'gb2312', 'gb18030', 'big5')
    seqs = [bytes([a, b]) for a in range(0x80, 0x100) for b in range(0x30, 0x100)] if cjk else [bytes([a]) for a in range(256)]
    if n == 'gb18030':
        seqs += [four(p, 0x81) for p in range(39430)] + [four(p, 0x90) for p in range(0, 1114112 - 65536 + 20, 331)]
        seqs += [bytes([0x81, 0x30, 0xff, 0x30]), bytes([0x90, 0x30, 0xff, 0x30]), bytes([0x81, 0x30, 0xfe, 0x39]), bytes([0x85, 0x30, 0x81, 0x30]), bytes([0xe3, 0x32, 0x9a, 0x36])]
    for s in seqs:
        try: dec[s.hex()] = [ord(c) for c in s.decode(n)]
        except UnicodeDecodeError as e: dec[s.hex()] = [e.start, e.end, e.reason]
    enc = {}
    for c in list(range(0x80 if cjk else 0, 0x10000)) + SUPP:
        try: enc[c] = chr(c).encode(n).hex()
        except UnicodeEncodeError: pass
    out[n] = {'dec': dec, 'enc': enc, 'supp': SUPP}
json.dump(out, sys.stdout)
`;

const charmaps = CHARMAPS.split(';').map((e) => e.slice(e[0] === '*' ? 1 : 0, e.indexOf(':')));
const names = process.argv.length > 2 ? process.argv.slice(2) : ['gbk', 'gb2312', 'gb18030', 'big5', ...charmaps];
const r = spawnSync('python3', ['-c', PY, ...names], { maxBuffer: 1 << 30, encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr || 'python3 failed');
  process.exit(2);
}
const cpy = JSON.parse(r.stdout) as Record<string, { dec: Record<string, number[] | [number, number, string]>; enc: Record<string, string>; supp: number[] }>;

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
let bad = 0;
for (const n of names) {
  const { dec, enc, supp } = cpy[n];
  const cjk = ['gbk', 'gb2312', 'gb18030', 'big5'].includes(n);
  let diffs = 0;
  const report = (what: string) => {
    if (diffs++ < 10) console.log(`${n}: ${what}`);
  };
  for (const [h, want] of Object.entries(dec)) {
    const b = Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
    let got: unknown;
    try {
      got = Array.from(moduleDecode(n, b, 'strict'), (c) => c.codePointAt(0));
    } catch (e) {
      const x = (e as { extra?: Record<string, { v: unknown }> }).extra;
      got = x ? [Number(x.start.v), Number(x.end.v), x.reason.v] : String(e);
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) report(`decode ${h}: ${JSON.stringify(got)} != CPython ${JSON.stringify(want)}`);
  }
  const cps: number[] = [];
  for (let c = cjk ? 0x80 : 0; c < 0x10000; c++) cps.push(c);
  for (const c of [...cps, ...supp]) {
    let got: string | undefined;
    try {
      got = hex(moduleEncode(n, String.fromCodePoint(c), 'strict'));
    } catch {
      got = undefined;
    }
    if (got !== enc[c]) report(`encode U+${c.toString(16)}: ${got} != CPython ${enc[c]}`);
  }
  console.log(`${n}: ${Object.keys(dec).length} byte sequences, ${cps.length + supp.length} characters: ${diffs ? `${diffs} differences` : 'same as CPython'}`);
  bad += diffs;
}
process.exit(bad ? 1 : 0);
