// str formatting (format specs parsed once per spec string, float repr's fast path) against
// CPython 3.11.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaseDir } from './attr-cases/cases';

runCaseDir(join(dirname(fileURLToPath(import.meta.url)), 'str-cases'), 'str');
