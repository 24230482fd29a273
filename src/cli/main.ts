// The `refscope` command line.

import { readFileSync, writeFileSync } from 'node:fs';
import { disassembleFile } from '../core/compiler/dis';
import { runInWorker, defaultWorkerFile } from '../worker/node-client';

function usage(): never {
  process.stderr.write('usage: refscope run FILE.py [--audit] [args...]\n       refscope dis FILE.py\n       refscope hover FILE.py LINE COL [--lang zh-cn] [--links]\n       refscope graph FILE.py --line L --name EXPR [--refs|--backrefs] [--max-depth N] [--too-many N] [--format dot|json|svg]\n       refscope exercises\n       refscope check [EXERCISE_ID] FILE.py [--lang zh-cn] [--json]\n');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (cmd === 'hover') return (await import('./hover')).main(rest);
  if (cmd === 'graph') return (await import('./graph')).main(rest);
  if (cmd === 'check') return (await import('./check')).main(rest);
  if (cmd === 'exercises') return (await import('./check')).listMain(rest);
  if (cmd === 'run') {
    const audit = rest.includes('--audit');
    const args = rest.filter((a) => a !== '--audit');
    const file = args[0];
    if (!file) usage();
    let src: string;
    try {
      src = readFileSync(file, 'utf8');
    } catch {
      process.stderr.write(`refscope: can't open file '${file}': [Errno 2] No such file or directory\n`);
      process.exit(2);
    }
    const r = await runInWorker(defaultWorkerFile(__dirname), src, file, { audit, argv: args.slice(1), collectFiles: true });
    // the files the program wrote (objgraph's .dot and .svg)
    for (const f of r.files ?? []) {
      try {
        writeFileSync(f.path, f.text);
      } catch (e) {
        process.stderr.write(`refscope: cannot write ${f.path}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    if (r.auditError) process.stderr.write(`RefScope ${r.auditError}\n`);
    process.exitCode = r.exitCode;
    return;
  }
  if (cmd === 'dis') {
    const file = rest[0];
    if (!file) usage();
    process.stdout.write(disassembleFile(readFileSync(file, 'utf8'), file));
    return;
  }
  usage();
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`refscope: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
});
