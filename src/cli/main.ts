// The `refscope` command line.

import { readFileSync } from 'node:fs';
import { runSource } from '../core/run';
import { disassembleFile } from '../core/compiler/dis';

function usage(): never {
  process.stderr.write('usage: refscope run FILE.py [--audit] [args...]\n       refscope dis FILE.py\n');
  process.exit(2);
}

function main(argv: string[]): void {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') {
    const audit = rest.includes('--audit');
    const args = rest.filter((a) => a !== '--audit');
    const file = args[0];
    if (!file) usage();
    let src: string;
    try {
      src = readFileSync(file, 'utf8');
    } catch {
      process.stderr.write(`${process.argv0}: can't open file '${file}': [Errno 2] No such file or directory\n`);
      process.exit(2);
    }
    const r = runSource(src, file, { audit, argv: args.slice(1) });
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

main(process.argv.slice(2));
