// Robustness: 1,000 randomly mutated snippets (tokens deleted, duplicated, inserted) never make
// parse() throw; each gives either a module or an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSyntaxError, parse } from '../../../src/core/parser/index';
import { tokenize } from '../../../src/core/parser/tokenizer';

const here = dirname(fileURLToPath(import.meta.url));

// a small deterministic PRNG (mulberry32)
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRA = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '\n', '    ', '\t', '"', "'", 'f"{', '}', '\\', '*', '**', 'lambda', 'if', 'else', 'match', 'case', 'async', 'await', 'yield', '@', '->', ':=', '#', '0x', '1_', '€', '\u00a0'];

test('1,000 mutated snippets never make parse throw', () => {
  const dir = join(here, 'cases');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  // split each case into snippets of a few lines, and cut them at token boundaries
  const snippets: { src: string; cuts: number[] }[] = [];
  for (const s of sources) {
    const lines = s.split('\n');
    for (let i = 0; i < lines.length; i += 6) {
      const src = lines.slice(i, i + 6).join('\n') + '\n';
      const cuts = tokenize(src)
        .tokens.map((t) => t.start)
        .filter((x) => x >= 0 && x <= src.length);
      snippets.push({ src, cuts: [...new Set([0, ...cuts, src.length])].sort((a, b) => a - b) });
    }
  }
  const rand = rng(12345);
  let modules = 0;
  let errors = 0;
  for (let n = 0; n < 1000; n++) {
    const { src, cuts } = snippets[Math.floor(rand() * snippets.length)];
    let s = src;
    const edits = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < edits; e++) {
      const k = Math.floor(rand() * (cuts.length - 1));
      const a = Math.min(cuts[k], s.length);
      const b = Math.min(cuts[k + 1], s.length);
      const r = rand();
      if (r < 0.35) s = s.slice(0, a) + s.slice(b); // delete a token
      else if (r < 0.7) s = s.slice(0, b) + s.slice(a, b) + s.slice(b); // duplicate it
      else s = s.slice(0, a) + EXTRA[Math.floor(rand() * EXTRA.length)] + s.slice(a); // insert one
    }
    let res;
    try {
      res = parse(s, 'mutant.py');
    } catch (err) {
      assert.fail(`parse threw on ${JSON.stringify(s)}: ${String(err)}`);
    }
    assert.ok((res.module === null) !== (res.error === null), `exactly one of module/error for ${JSON.stringify(s)}`);
    if (res.error) {
      errors++;
      assert.equal(typeof formatSyntaxError(res.error), 'string');
      assert.ok(!res.error.msg.includes('internal parser error'), `internal error on ${JSON.stringify(s)}: ${res.error.msg}`);
    } else modules++;
  }
  console.log(`# mutants: ${modules} parsed, ${errors} syntax errors`);
});
