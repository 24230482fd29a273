/** Shared by the libm tests: IEEE bits as the recorders write them, and the live-recording check. */
import { spawnSync } from 'node:child_process';

const dv = new DataView(new ArrayBuffer(8));

/** the double whose IEEE bits are the 16 hex digits h */
export function fromBits(h: string): number {
  dv.setBigUint64(0, BigInt('0x' + h));
  return dv.getFloat64(0);
}

/** the IEEE bits of x as 16 hex digits */
export function toBits(x: number): string {
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
}

/** whether python3 is CPython 3.11 (the live recordings need it) */
export function python311(): boolean {
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /^Python 3\.11\./.test(r.stdout + r.stderr);
}

/** per function of funcs: how many recorded [argument bits, result bits] rows it misses, and the first few */
export function mismatches(
  funcs: Record<string, (x: number) => number>,
  table: Record<string, [string, string][]>,
): Record<string, { bad: number; rows: number; first: string[] }> {
  const out: Record<string, { bad: number; rows: number; first: string[] }> = {};
  for (const [name, f] of Object.entries(funcs)) {
    const rows = table[name] ?? [];
    let bad = 0;
    const first: string[] = [];
    for (const [a, r] of rows) {
      const got = toBits(f(fromBits(a)));
      if (got !== r) {
        bad++;
        if (first.length < 3) first.push(`${name}(${fromBits(a)}) = ${got} (${fromBits(got)}), CPython ${r} (${fromBits(r)})`);
      }
    }
    out[name] = { bad, rows: rows.length, first };
  }
  return out;
}

/**
 * A live recording by `recorder` with a second seed, or the reason to skip: python3 is not 3.11,
 * or its C library is not `libc` (the recorders write it into the table).
 */
export function liveRecording(recorder: string, seed: number, libc: string): { table: Record<string, [string, string][]> } | string {
  if (!python311()) return 'python3 3.11 not available';
  const r = spawnSync('python3', [recorder, '--seed', String(seed), '--stdout'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const data = JSON.parse(r.stdout);
  if (data.libc !== libc) return `python3's C library is ${data.libc}, not ${libc}`;
  return data;
}
