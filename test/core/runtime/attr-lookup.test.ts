// Attribute lookup and assignment (abstract.ts getAttr/genericGetAttr/genericSetAttr, __slots__
// members, interned attribute-name keys, str hashes cached on the object) against CPython 3.11.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaseDir } from './attr-cases/cases';

runCaseDir(join(dirname(fileURLToPath(import.meta.url)), 'attr-cases'), 'attr');
