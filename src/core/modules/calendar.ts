// calendar: runs from source (pysrc/calendar.ts), as CPython's module is pure Python.

import { registerModule, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { CALENDAR_SRC } from './pysrc/calendar';

registerModule('calendar', (m: ModuleBuilder) => {
  execStdlibSource(m, CALENDAR_SRC, 'calendar.py');
});
