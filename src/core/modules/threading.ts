// threading: runs from CPython 3.11's source (pysrc/threading.ts) over _thread (thread.ts), as
// CPython's module is pure Python. One thread runs: the main thread (threading.current_thread(),
// main_thread(), the locks, Condition/Event/Semaphore with their timeouts); Thread.start() is
// reported as not supported.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { THREADING_SRC } from './pysrc/threading';
import './thread';

registerModule('threading', (m: ModuleBuilder) => {
  execStdlibSource(m, THREADING_SRC, 'threading.py');
});
