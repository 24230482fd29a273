// dict and set operations with str keys (hash halves cached on the str, the dict subscript and
// `in` fast paths, plain-array tables) against CPython 3.11: orders, sizes, errors.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaseDir } from './attr-cases/cases';

runCaseDir(join(dirname(fileURLToPath(import.meta.url)), 'dict-cases'), 'dict');
