// string (Lib/string.py): constants, capwords, Template (substitute / safe_substitute), and
// Formatter, which runs from source (pysrc/string_formatter.ts) over _string.

import { PyObject, decref } from '../runtime/object';
import { registerModule, checkArgs, parseArgs } from '../runtime/define';
import * as abs from '../runtime/abstract';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyDict } from '../runtime/objects/dict';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { makeType } from '../runtime/types';
import { TypeFlags } from '../runtime/object';
import { PyHolder } from './operator';
import { defMethod, kwArgs, execSource } from './modutil';
import { FORMATTER_SRC } from './pysrc/string_formatter';
import './string_formatter';
import { gcNewObject } from '../runtime/gc';

const C = {
  ascii_lowercase: 'abcdefghijklmnopqrstuvwxyz',
  ascii_uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  whitespace: ' \t\n\r\x0b\x0c',
};

export const TemplateType = makeType('Template', null, TypeFlags.HAVE_GC | TypeFlags.BASETYPE, 48);
TemplateType.module = 'string';

/** Template.substitute / safe_substitute with the default $-pattern */
function substitute(tmpl: string, lookup: (name: string) => PyObject | undefined, safe: boolean): string {
  const re = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
  return tmpl.replace(re, (m, esc, named, braced, invalid, offset) => {
    if (esc !== undefined) return '$';
    const name = named ?? braced;
    if (name !== undefined) {
      const v = lookup(name);
      if (v === undefined) {
        if (safe) return m;
        const e = abs.newException(E.KeyError, name);
        throw e;
      }
      return abs.str(v);
    }
    if (invalid !== undefined) {
      if (safe) return m;
      const before = tmpl.slice(0, offset).split('\n');
      raise(E.ValueError, `Invalid placeholder in string: line ${before.length}, col ${before[before.length - 1].length + 1}`);
    }
    return m;
  });
}

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
  TemplateType.slots.new = (t, args, kw) => {
    checkArgs('Template', args, kw, 1, 1);
    if (!(args[0] instanceof PyStr)) typeError('Template() argument must be str');
    const h = new PyHolder(t, [args[0]]);
    args[0].rc++;
    gcNewObject(h, true);
    return h;
  };
  const sub = (safe: boolean) => (args: PyObject[], kw: string[] | null, self: PyObject | null) => {
    const { pos, kw: kws } = kwArgs(args, kw);
    const mapping = pos[0];
    const lookup = (name: string): PyObject | undefined => {
      if (kws.has(name)) return kws.get(name);
      if (!mapping) return undefined;
      if (mapping instanceof PyDict) return mapping.getItem(abs.strKey(name));
      const k = newStr(name);
      try {
        const v = abs.getItem(mapping, k);
        decref(v);
        return v;
      } catch (e) {
        if (e instanceof E.PyBaseException && e.type.isSubtype(E.KeyError)) {
          decref(e);
          return undefined;
        }
        throw e;
      } finally {
        decref(k);
      }
    };
    return newStr(substitute(((self as PyHolder).held[0] as PyStr).v, lookup, safe));
  };
  defMethod(TemplateType, 'substitute', sub(false));
  defMethod(TemplateType, 'safe_substitute', sub(true));
  TemplateType.slots.getattr = (o, name) => {
    if (name === 'template') {
      const t = (o as PyHolder).held[0];
      t.rc++;
      return t;
    }
    return abs.genericGetAttr(o, name, true);
  };
  m.set('Template', TemplateType);
  execSource(m, FORMATTER_SRC, '<frozen string>');
});
