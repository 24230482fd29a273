// Public API of the Python 3.11 parser.

import type { Module } from './ast';
import { formatSyntaxError, type SyntaxErrorInfo } from './errors';
import { parseModule } from './parser';
import { dumpAst } from './dump';

export type { SyntaxErrorInfo } from './errors';
export * from './ast';

export interface ParseResult {
  module: Module | null;
  error: SyntaxErrorInfo | null;
}

/** Parse a whole module. Never throws: a syntax error comes back in `error`, as CPython 3.11 reports it. */
export function parse(source: string, filename: string, mode: 'exec' | 'eval' = 'exec'): ParseResult {
  const r = parseModule(source, mode);
  if (r.error) return { module: null, error: { ...r.error, filename } };
  return { module: r.module, error: null };
}

export { formatSyntaxError, dumpAst };
