// logging: runs from CPython 3.11's source (pysrc/logging.ts, Lib/logging/__init__.py unchanged)
// over threading (one thread), os, time, io, traceback, weakref, string and atexit, as CPython's
// package is pure Python. logging.handlers and logging.config are not provided.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { LOGGING_SRC } from './pysrc/logging';
import './threading';

registerModule('logging', (m: ModuleBuilder) => {
  execStdlibSource(m, LOGGING_SRC, 'logging/__init__.py');
});
