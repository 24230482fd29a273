// uuid: runs from source (pysrc/uuid.ts), as CPython's Lib/uuid.py is pure Python (its _uuid
// accelerator is optional).

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execSource } from './modutil';
import { UUID_SRC } from './pysrc/uuid';

registerModule('uuid', (m: ModuleBuilder) => {
  execSource(m, UUID_SRC, '<frozen uuid>');
});
