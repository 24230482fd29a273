// The `refscope` subcommands other than `run`, bundled apart (dist/cli-tools.js) so that
// `refscope run` loads only what starting the interpreter's worker needs (main.ts).

import { readFileSync } from 'node:fs';
import { disassembleFile } from '../core/compiler/dis';

/** Runs subcommand `cmd`; false when there is no such subcommand. */
export async function runTool(cmd: string, rest: string[], usage: () => never): Promise<boolean> {
  if (cmd === 'hover') await (await import('./hover')).main(rest);
  else if (cmd === 'graph') await (await import('./graph')).main(rest);
  else if (cmd === 'check') await (await import('./check')).main(rest);
  else if (cmd === 'exercises') (await import('./check')).listMain(rest);
  else if (cmd === 'dis') {
    const file = rest[0];
    if (!file) usage();
    process.stdout.write(disassembleFile(readFileSync(file, 'utf8'), file));
  } else return false;
  return true;
}
