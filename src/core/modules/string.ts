// string (Lib/string.py): constants, capwords, and Template and Formatter, which run from
// CPython's source (pysrc/string_template.ts; pysrc/string_formatter.ts over _string).

import { registerModule, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyStr, newStr } from '../runtime/objects/str';
import { typeError } from '../runtime/errors';
import { execStdlibSource } from './modutil';
import { FORMATTER_SRC } from './pysrc/string_formatter';
import { TEMPLATE_SRC } from './pysrc/string_template';
import './string_formatter';

const C = {
  ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
  ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  whitespace: ' \t\n\r\x0b\x0c',
};

registerModule('string', (m) => {
  // its functions are Python functions in CPython (they hold no module)
  m.functionsOf('string');
  for (const [k, v] of Object.entries(C)) m.own(k, newStr(v));
  m.own('ascii_letters', newStr(C.ascii_lowercase + C.ascii_uppercase));
  m.own('printable', newStr(C.digits + C.ascii_lowercase + C.ascii_uppercase + C.punctuation + C.whitespace));
  m.fn('capwords', (args, kw) => {
    const [s, sep] = parseArgs({ name: 'capwords', params: ['s', 'sep'], required: 1 }, args, kw);
    if (!(s instanceof PyStr)) typeError('capwords() argument must be str');
    const cap = (w: string) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w);
    if (sep && sep !== abs.None) return newStr(s.v.split((sep as PyStr).v).map(cap).join((sep as PyStr).v));
    return newStr(s.v.split(/\s+/).filter((w) => w).map(cap).join(' '));
  });
  execStdlibSource(m, TEMPLATE_SRC, 'string.py');
  execStdlibSource(m, FORMATTER_SRC, 'string.py');
});
