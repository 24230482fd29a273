// _csv (Modules/_csv.c, CPython 3.11): the Dialect type, the reader (the parser's state machine)
// and the writer, the dialect registry and the field size limit. csv runs from source over it
// (pysrc/csv.ts), as CPython's Lib/csv.py does.

import { PyObject, PyType, TypeFlags, Edge, newRef, decref, xdecref, type Visit } from '../runtime/object';
import { registerModule, parseArgs, defGetter, type ModuleBuilder } from '../runtime/define';
import { makeType, inModule, PyBuiltinFunction } from '../runtime/types';
import * as abs from '../runtime/abstract';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyInt, IntType, newInt, newBool } from '../runtime/objects/int';
import { PyDict, newDict } from '../runtime/objects/dict';
import { PyList, newList, listAppend } from '../runtime/objects/list';
import { newFloat } from '../runtime/objects/float';
import { toFloatValue } from '../runtime/objects/float_methods';
import { ComplexType } from '../runtime/objects/complex';
import { None } from '../runtime/objects/singletons';
import { raise, typeError } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { gcNewObject, gcTrackObject } from '../runtime/gc';
import { argsTuple, varargsCall } from '../runtime/typeobject';
import { execSource, defMethod, execStdlibSource } from './modutil';
import { CSV_SRC } from './pysrc/csv';

const NOT_SET = -1;
const EOL = -2;
const QUOTE_MINIMAL = 0;
const QUOTE_ALL = 1;
const QUOTE_NONNUMERIC = 2;
const QUOTE_NONE = 3;

const enum S {
  START_RECORD,
  START_FIELD,
  ESCAPED_CHAR,
  IN_FIELD,
  IN_QUOTED_FIELD,
  ESCAPE_IN_QUOTED_FIELD,
  QUOTE_IN_QUOTED_FIELD,
  EAT_CRNL,
  AFTER_ESCAPED_CRNL,
}

// ------------------------------------------------------------------ module state
let csvError: PyType | null = null;
let dialects: PyDict | null = null;
let fieldLimit = 128 * 1024;

/** PyErr_Format(module_state->error_obj, msg): the class called with the message */
function csvErr(msg: string): never {
  const m = newStr(msg);
  let exc: PyObject;
  try {
    exc = abs.call(csvError!, [m], null);
  } finally {
    decref(m);
  }
  throw exc;
}

// ------------------------------------------------------------------ Dialect
class PyDialect extends PyObject {
  doublequote = true;
  skipinitialspace = false;
  strict = false;
  quoting = QUOTE_MINIMAL;
  delimiter = 44;
  quotechar = 34;
  escapechar = NOT_SET;
  lineterminator: PyStr | null = null;
  override traverse(visit: Visit): void {
    if (this.lineterminator) visit(this.lineterminator, Edge.OTHER, 'lineterminator');
  }
  override dealloc(): void {
    const l = this.lineterminator;
    this.lineterminator = null;
    xdecref(l);
  }
}

export const DialectType = inModule(makeType('Dialect', null, TypeFlags.HAVE_GC, 48), '_csv');
DialectType.doc = 'CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n';
const ReaderType = inModule(makeType('reader', null, TypeFlags.HAVE_GC, 80), '_csv');
ReaderType.doc = 'CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n';
const WriterType = inModule(makeType('writer', null, TypeFlags.HAVE_GC, 72), '_csv');
WriterType.doc = 'CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n';

const DIALECT_KWS = ['dialect', 'delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting', 'skipinitialspace', 'strict'];

function charOrNone(c: number): PyObject {
  return c === NOT_SET ? newRef(None) : newStr(String.fromCodePoint(c));
}

/** _set_char: a 1-character str */
function setChar(name: string, src: PyObject): number {
  if (!(src instanceof PyStr)) typeError(`"${name}" must be string, not ${src.type.name}`);
  const cps = [...src.v];
  if (cps.length !== 1) typeError(`"${name}" must be a 1-character string`);
  return cps[0].codePointAt(0)!;
}
/** _set_char_or_none */
function setCharOrNone(name: string, src: PyObject): number {
  if (src === None) return NOT_SET;
  if (!(src instanceof PyStr)) typeError(`"${name}" must be string or None, not ${src.type.name}`);
  const cps = [...src.v];
  if (cps.length !== 1) typeError(`"${name}" must be a 1-character string`);
  return cps[0].codePointAt(0)!;
}
/** _set_int (an exact int that fits a C int) */
function setInt(name: string, src: PyObject): number {
  if (!(src instanceof PyInt) || src.type !== IntType) typeError(`"${name}" must be an integer`);
  const v = abs.index(src);
  const b = BigInt(v);
  if (b > 2147483647n || b < -2147483648n) raise(E.OverflowError, 'Python int too large to convert to C int');
  return Number(b);
}

/** dialect_new: the options from the keyword arguments over those of `dialect` (a registered
 * name, a Dialect to reuse, or any object with the attributes) */
function dialectNew(type: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  // PyArg_ParseTupleAndKeywords("|OOOOOOOOO")
  if (npos > DIALECT_KWS.length) typeError(`function takes at most ${DIALECT_KWS.length} arguments (${args.length} given)`);
  const opts: (PyObject | null)[] = new Array(DIALECT_KWS.length).fill(null);
  for (let i = 0; i < npos; i++) opts[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const idx = DIALECT_KWS.indexOf(kwnames![k]);
    if (idx < 0) typeError(`'${kwnames![k]}' is an invalid keyword argument for this function`);
    if (opts[idx] !== null) typeError(`argument for function given by name ('${kwnames![k]}') and position (${idx + 1})`);
    opts[idx] = args[npos + k];
  }
  let dialect = opts[0];
  if (dialect !== null) {
    if (dialect instanceof PyStr) dialect = dialectFromRegistry(dialect);
    else dialect = newRef(dialect);
    // can we reuse this instance?
    if (dialect instanceof PyDialect && opts.every((o, i) => i === 0 || o === null)) return dialect;
  }
  const self = new PyDialect(type);
  gcNewObject(self, true);
  const vals: (PyObject | null)[] = opts.map((o) => (o === null ? null : newRef(o)));
  try {
    if (dialect !== null) {
      for (let i = 1; i < DIALECT_KWS.length; i++) {
        if (vals[i] !== null) continue;
        try {
          vals[i] = abs.getAttr(dialect, DIALECT_KWS[i]);
        } catch (e) {
          if (!(e instanceof E.PyBaseException)) throw e;
          decref(e); // PyErr_Clear
        }
      }
    }
    const [, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = vals;
    if (delimiter !== null) self.delimiter = setChar('delimiter', delimiter);
    if (doublequote !== null) self.doublequote = abs.isTrue(doublequote);
    if (escapechar !== null) self.escapechar = setCharOrNone('escapechar', escapechar);
    // _set_str
    if (lineterminator === null) self.lineterminator = newStr('\r\n');
    else if (lineterminator !== None) {
      if (!(lineterminator instanceof PyStr)) typeError('"lineterminator" must be a string');
      self.lineterminator = newRef(lineterminator);
    }
    if (quotechar !== null) self.quotechar = setCharOrNone('quotechar', quotechar);
    if (quoting !== null) self.quoting = setInt('quoting', quoting);
    if (skipinitialspace !== null) self.skipinitialspace = abs.isTrue(skipinitialspace);
    if (strict !== null) self.strict = abs.isTrue(strict);
    // validate options
    if (self.quoting < QUOTE_MINIMAL || self.quoting > QUOTE_NONE) typeError('bad "quoting" value');
    if (self.delimiter === NOT_SET) typeError('"delimiter" must be a 1-character string');
    if (quotechar === None && quoting === null) self.quoting = QUOTE_NONE;
    if (self.quoting !== QUOTE_NONE && self.quotechar === NOT_SET) typeError('quotechar must be set if quoting enabled');
    if (self.lineterminator === null) typeError('lineterminator must be set');
    return newRef(self);
  } finally {
    decref(self);
    xdecref(dialect);
    for (const v of vals) xdecref(v);
  }
}

function dialectFromRegistry(name: PyObject): PyObject {
  const d = dialects!.getItem(name);
  if (d === undefined) csvErr('unknown dialect');
  return newRef(d);
}

/** _call_dialect: Dialect(dialect_inst, **kwargs), the keyword dict of the varargs call passed on */
function callDialect(inst: PyObject | null, args: PyObject[], kwnames: string[] | null): PyDialect {
  const nkw = kwnames ? kwnames.length : 0;
  const kwvals = args.slice(args.length - nkw);
  const a = inst === null ? kwvals : [inst, ...kwvals];
  // (the type call packs the positional argument in a tuple: _PyObject_MakeTpCall)
  const t = argsTuple(inst === null ? [] : [inst], null);
  try {
    return dialectNew(DialectType, a, nkw ? kwnames : null) as PyDialect;
  } finally {
    decref(t);
  }
}

/** PyArg_UnpackTuple(args, "", min, max) */
function unpack(args: PyObject[], kwnames: string[] | null, min: number, max: number): PyObject[] {
  const npos = args.length - (kwnames ? kwnames.length : 0);
  if (npos < min) typeError(` expected at least ${min} argument${min === 1 ? '' : 's'}, got ${npos}`);
  if (npos > max) typeError(` expected at most ${max} argument${max === 1 ? '' : 's'}, got ${npos}`);
  return args.slice(0, npos);
}


// ------------------------------------------------------------------ reader
class PyReader extends PyObject {
  inputIter: PyObject | null = null;
  dialect: PyDialect | null = null;
  fields: PyList | null = null;
  state = S.START_RECORD;
  field: string[] = [];
  numericField = false;
  lineNum = 0;
  override traverse(visit: Visit): void {
    if (this.dialect) visit(this.dialect, Edge.OTHER, 'dialect');
    if (this.inputIter) visit(this.inputIter, Edge.ITERATED, 'input_iter');
    if (this.fields) visit(this.fields, Edge.OTHER, 'fields');
  }
  override dealloc(): void {
    const d = this.dialect;
    const it = this.inputIter;
    const f = this.fields;
    this.dialect = null;
    this.inputIter = null;
    this.fields = null;
    xdecref(d);
    xdecref(it);
    xdecref(f);
  }
}

/** parse_reset */
function parseReset(r: PyReader): void {
  const old = r.fields;
  r.fields = newList([]);
  xdecref(old);
  r.field = [];
  r.state = S.START_RECORD;
  r.numericField = false;
}

/** parse_save_field */
function parseSaveField(r: PyReader): void {
  let field: PyObject = newStr(r.field.join(''));
  r.field = [];
  if (r.numericField) {
    r.numericField = false;
    try {
      const v = toFloatValue(field);
      decref(field);
      field = newFloat(v);
    } catch (e) {
      decref(field);
      throw e;
    }
  }
  listAppend(r.fields!, field);
}

/** parse_add_char */
function parseAddChar(r: PyReader, c: number): void {
  if (r.field.length >= fieldLimit) csvErr(`field larger than field limit (${fieldLimit})`);
  r.field.push(String.fromCodePoint(c));
}

const isNL = (c: number) => c === 10 || c === 13;

/** parse_process_char (3.11: EOL marks the end of each input line) */
function parseProcessChar(r: PyReader, c: number): void {
  const d = r.dialect!;
  switch (r.state) {
    case S.START_RECORD:
      if (c === EOL) break; // empty line: []
      if (isNL(c)) {
        r.state = S.EAT_CRNL;
        break;
      }
      r.state = S.START_FIELD;
      parseStartField(r, d, c); // a normal character starts a field
      break;
    case S.START_FIELD:
      parseStartField(r, d, c);
      break;
    case S.ESCAPED_CHAR:
      if (isNL(c)) {
        parseAddChar(r, c);
        r.state = S.AFTER_ESCAPED_CRNL;
        break;
      }
      if (c === EOL) c = 10;
      parseAddChar(r, c);
      r.state = S.IN_FIELD;
      break;
    case S.AFTER_ESCAPED_CRNL:
      if (c === EOL) break;
      r.state = S.IN_FIELD;
      parseInField(r, d, c);
      break;
    case S.IN_FIELD:
      parseInField(r, d, c);
      break;
    case S.IN_QUOTED_FIELD:
      if (c === EOL) {
        // the line's end inside quotes: the field goes on
      } else if (c === d.escapechar) {
        r.state = S.ESCAPE_IN_QUOTED_FIELD;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
        r.state = d.doublequote ? S.QUOTE_IN_QUOTED_FIELD : S.IN_FIELD;
      } else {
        parseAddChar(r, c);
      }
      break;
    case S.ESCAPE_IN_QUOTED_FIELD:
      if (c === EOL) c = 10;
      parseAddChar(r, c);
      r.state = S.IN_QUOTED_FIELD;
      break;
    case S.QUOTE_IN_QUOTED_FIELD:
      if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
        parseAddChar(r, c); // "" is "
        r.state = S.IN_QUOTED_FIELD;
      } else if (c === d.delimiter) {
        parseSaveField(r);
        r.state = S.START_FIELD;
      } else if (isNL(c) || c === EOL) {
        parseSaveField(r);
        r.state = c === EOL ? S.START_RECORD : S.EAT_CRNL;
      } else if (!d.strict) {
        parseAddChar(r, c);
        r.state = S.IN_FIELD;
      } else {
        csvErr(`'${String.fromCodePoint(d.delimiter)}' expected after '${String.fromCodePoint(d.quotechar)}'`);
      }
      break;
    case S.EAT_CRNL:
      if (isNL(c)) {
        // more of the line end
      } else if (c === EOL) r.state = S.START_RECORD;
      else csvErr('new-line character seen in unquoted field - do you need to open the file in universal-newline mode?');
      break;
  }
}

/** START_FIELD: expecting a field */
function parseStartField(r: PyReader, d: PyDialect, c: number): void {
  r.state = S.START_FIELD;
  if (isNL(c) || c === EOL) {
    parseSaveField(r);
    r.state = c === EOL ? S.START_RECORD : S.EAT_CRNL;
  } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
    r.state = S.IN_QUOTED_FIELD;
  } else if (c === d.escapechar) {
    r.state = S.ESCAPED_CHAR;
  } else if (c === 32 && d.skipinitialspace) {
    // ignore spaces at the start of a field
  } else if (c === d.delimiter) {
    parseSaveField(r);
  } else {
    if (d.quoting === QUOTE_NONNUMERIC) r.numericField = true;
    parseAddChar(r, c);
    r.state = S.IN_FIELD;
  }
}

function parseInField(r: PyReader, d: PyDialect, c: number): void {
  if (isNL(c) || c === EOL) {
    parseSaveField(r);
    r.state = c === EOL ? S.START_RECORD : S.EAT_CRNL;
  } else if (c === d.escapechar) {
    r.state = S.ESCAPED_CHAR;
  } else if (c === d.delimiter) {
    parseSaveField(r);
    r.state = S.START_FIELD;
  } else {
    parseAddChar(r, c);
  }
}

/** Reader_iternext */
function readerNext(r: PyReader): PyObject | null {
  parseReset(r);
  do {
    const line = abs.iterNext(r.inputIter!);
    if (line === null) {
      // end of input: a field in progress ends the record
      if (r.field.length !== 0 || r.state === S.IN_QUOTED_FIELD) {
        if (r.dialect!.strict) csvErr('unexpected end of data');
        parseSaveField(r);
        break;
      }
      return null;
    }
    try {
      if (!(line instanceof PyStr)) csvErr(`iterator should return strings, not ${line.type.name} (the file should be opened in text mode)`);
      r.lineNum++;
      for (const ch of line.v) parseProcessChar(r, ch.codePointAt(0)!);
    } finally {
      decref(line);
    }
    parseProcessChar(r, EOL);
  } while (r.state !== S.START_RECORD);
  const fields = r.fields!;
  r.fields = null;
  return fields;
}

ReaderType.slots.iter = (o) => newRef(o);
ReaderType.slots.next = (o) => readerNext(o as PyReader);

/** a READONLY member (T_BOOL, T_OBJECT, T_ULONG) */
function readonly(t: PyType, name: string, get: (o: PyObject) => PyObject): void {
  defGetter(t, name, get, () => raise(E.AttributeError, 'readonly attribute'));
}
readonly(ReaderType, 'dialect', (o) => newRef((o as PyReader).dialect ?? None));
readonly(ReaderType, 'line_num', (o) => newInt((o as PyReader).lineNum));

// ------------------------------------------------------------------ writer
class PyWriter extends PyObject {
  write: PyObject | null = null;
  dialect: PyDialect | null = null;
  rec = '';
  numFields = 0;
  override traverse(visit: Visit): void {
    if (this.dialect) visit(this.dialect, Edge.OTHER, 'dialect');
    if (this.write) visit(this.write, Edge.OTHER, 'write');
  }
  override dealloc(): void {
    const d = this.dialect;
    const w = this.write;
    this.dialect = null;
    this.write = null;
    xdecref(d);
    xdecref(w);
  }
}

/** join_append_data + join_append: the field (null: None) onto the record */
function joinAppend(w: PyWriter, field: string | null, quoted: boolean): void {
  const d = w.dialect!;
  const lt = d.lineterminator!.v;
  let out = '';
  for (const ch of field ?? '') {
    const c = ch.codePointAt(0)!;
    let wantEscape = false;
    if (c === d.delimiter || c === d.escapechar || c === d.quotechar || lt.includes(ch)) {
      if (d.quoting === QUOTE_NONE) wantEscape = true;
      else {
        if (c === d.quotechar) {
          if (d.doublequote) out += ch;
          else wantEscape = true;
        } else if (c === d.escapechar) wantEscape = true;
        if (!wantEscape) quoted = true;
      }
      if (wantEscape) {
        if (d.escapechar === NOT_SET) csvErr('need to escape, but no escapechar set');
        out += String.fromCodePoint(d.escapechar);
      }
    }
    out += ch;
  }
  if (w.numFields > 0) w.rec += String.fromCodePoint(d.delimiter);
  if (quoted) {
    const q = String.fromCodePoint(d.quotechar);
    out = q + out + q;
  }
  w.rec += out;
  w.numFields++;
}

/** PyNumber_Check */
function numberCheck(o: PyObject): boolean {
  const t = o.type;
  return abs.typeLookup(t, '__index__') !== null || abs.typeLookup(t, '__int__') !== null || abs.typeLookup(t, '__float__') !== null || t.isSubtype(ComplexType);
}

/** csv_writerow */
function writerow(w: PyWriter, seq: PyObject): PyObject {
  const d = w.dialect!;
  let iter: PyObject;
  try {
    iter = abs.getIter(seq);
  } catch (e) {
    if (e instanceof E.PyBaseException && e.type.isSubtype(E.TypeError)) {
      decref(e);
      csvErr(`iterable expected, not ${seq.type.name}`);
    }
    throw e;
  }
  w.rec = '';
  w.numFields = 0;
  try {
    for (;;) {
      const field = abs.iterNext(iter);
      if (field === null) break;
      try {
        const quoted = d.quoting === QUOTE_NONNUMERIC ? !numberCheck(field) : d.quoting === QUOTE_ALL;
        if (field instanceof PyStr) joinAppend(w, field.v, quoted);
        else if (field === None) joinAppend(w, null, quoted);
        else {
          const s = abs.strObj(field);
          try {
            joinAppend(w, s.v, quoted);
          } finally {
            decref(s);
          }
        }
      } finally {
        decref(field);
      }
    }
  } finally {
    decref(iter);
  }
  if (w.numFields > 0 && w.rec.length === 0) {
    if (d.quoting === QUOTE_NONE) csvErr('single empty field record must be quoted');
    w.numFields--;
    joinAppend(w, null, true);
  }
  const line = newStr(w.rec + d.lineterminator!.v);
  w.rec = '';
  try {
    return abs.call(w.write!, [line], null);
  } finally {
    decref(line);
  }
}

defMethod(WriterType, 'writerow', (args, kw, self) => {
  if (kw && kw.length) typeError('writer.writerow() takes no keyword arguments');
  if (args.length !== 1) typeError(`writer.writerow() takes exactly one argument (${args.length} given)`);
  return writerow(self as PyWriter, args[0]);
});
(WriterType.dict!.getStr(abs.strKey('writerow')) as PyBuiltinFunction).doc = "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be converted to string.";
defMethod(WriterType, 'writerows', (args, kw, self) => {
  if (kw && kw.length) typeError('writer.writerows() takes no keyword arguments');
  if (args.length !== 1) typeError(`writer.writerows() takes exactly one argument (${args.length} given)`);
  const it = abs.getIter(args[0]);
  try {
    for (;;) {
      const row = abs.iterNext(it);
      if (row === null) break;
      try {
        decref(writerow(self as PyWriter, row));
      } finally {
        decref(row);
      }
    }
  } finally {
    decref(it);
  }
  return newRef(None);
});
(WriterType.dict!.getStr(abs.strKey('writerows')) as PyBuiltinFunction).doc = "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\nelements will be converted to string.";
readonly(WriterType, 'dialect', (o) => newRef((o as PyWriter).dialect ?? None));

// ------------------------------------------------------------------ Dialect attributes
defGetter(DialectType, 'delimiter', (o) => charOrNone((o as PyDialect).delimiter));
defGetter(DialectType, 'escapechar', (o) => charOrNone((o as PyDialect).escapechar));
defGetter(DialectType, 'lineterminator', (o) => newRef((o as PyDialect).lineterminator ?? None));
defGetter(DialectType, 'quotechar', (o) => charOrNone((o as PyDialect).quotechar));
defGetter(DialectType, 'quoting', (o) => newInt((o as PyDialect).quoting));
readonly(DialectType, 'skipinitialspace', (o) => newBool((o as PyDialect).skipinitialspace));
readonly(DialectType, 'doublequote', (o) => newBool((o as PyDialect).doublequote));
readonly(DialectType, 'strict', (o) => newBool((o as PyDialect).strict));
DialectType.slots.new = dialectNew;

// ------------------------------------------------------------------ the module
const CSV_DOC = `CSV parsing and writing.

This module provides classes that assist in the reading and writing
of Comma Separated Value (CSV) files, and implements the interface
described by PEP 305.  Although many CSV files are simple to parse,
the format is not formally defined by a stable specification and
is subtle enough that parsing lines of a CSV file with something
like line.split(",") is bound to fail.  The module supports three
basic APIs: reading, writing, and registration of dialects.


DIALECT REGISTRATION:

Readers and writers support a dialect argument, which is a convenient
handle on a group of settings.  When the dialect argument is a string,
it identifies one of the dialects previously registered with the module.
If it is a class or instance, the attributes of the argument are used as
the settings for the reader or writer:

    class excel:
        delimiter = ','
        quotechar = '"'
        escapechar = None
        doublequote = True
        skipinitialspace = False
        lineterminator = '\\r\\n'
        quoting = QUOTE_MINIMAL

SETTINGS:

    * quotechar - specifies a one-character string to use as the
        quoting character.  It defaults to '"'.
    * delimiter - specifies a one-character string to use as the
        field separator.  It defaults to ','.
    * skipinitialspace - specifies how to interpret spaces which
        immediately follow a delimiter.  It defaults to False, which
        means that spaces immediately following a delimiter is part
        of the following field.
    * lineterminator -  specifies the character sequence which should
        terminate rows.
    * quoting - controls when quotes should be generated by the writer.
        It can take on any of the following module constants:

        csv.QUOTE_MINIMAL means only when required, for example, when a
            field contains either the quotechar or the delimiter
        csv.QUOTE_ALL means that quotes are always placed around fields.
        csv.QUOTE_NONNUMERIC means that quotes are always placed around
            fields which do not parse as integers or floating point
            numbers.
        csv.QUOTE_NONE means that quotes are never placed around fields.
    * escapechar - specifies a one-character string used to escape
        the delimiter when quoting is set to QUOTE_NONE.
    * doublequote - controls the handling of quotes inside fields.  When
        True, two consecutive quotes are interpreted as one during read,
        and when writing, each quote character embedded in the data is
        written as two quotes
`;

// the functions' docstrings
const FN_DOCS: Record<string, string> = {
  reader: "    csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n\nThe \"iterable\" argument can be any object that returns a line\nof input for each iteration, such as a file object or a list.  The\noptional \"dialect\" parameter is discussed below.  The function\nalso accepts optional keyword arguments which override settings\nprovided by the dialect.\n\nThe returned object is an iterator.  Each iteration returns a row\nof the CSV file (which can span multiple input lines).\n",
  writer: "    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n\n    [or]\n\n    csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    csv_writer.writerows(rows)\n\nThe \"fileobj\" argument can be any object that supports the file API.\n",
  register_dialect: "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])",
  unregister_dialect: "Delete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)",
  get_dialect: "Return the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)",
  list_dialects: "Return a list of all known dialect names.\n\n    names = csv.list_dialects()",
  field_size_limit: "Sets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned",
};

registerModule('_csv', (m: ModuleBuilder) => {
  m.own('__doc__', newStr(CSV_DOC));
  m.own('__version__', newStr('1.0'));
  m.own('QUOTE_MINIMAL', newInt(QUOTE_MINIMAL));
  m.own('QUOTE_ALL', newInt(QUOTE_ALL));
  m.own('QUOTE_NONNUMERIC', newInt(QUOTE_NONNUMERIC));
  m.own('QUOTE_NONE', newInt(QUOTE_NONE));
  m.set('Dialect', DialectType);
  m.set('Reader', ReaderType);
  m.set('Writer', WriterType);
  fieldLimit = 128 * 1024;
  // the registry (module state, also bound as _dialects)
  const reg = newDict();
  dialects = reg;
  m.own('_dialects', reg);
  // PyErr_NewException("_csv.Error", NULL, NULL)
  execSource(m, 'class Error(Exception):\n    pass\n', '<frozen _csv>');
  csvError = m.dict.getStr(abs.strKey('Error')) as PyType;

  m.fn('reader', (args, kw) =>
    varargsCall(args, kw, () => {
      const r = new PyReader(ReaderType);
      gcNewObject(r, false);
      try {
        parseReset(r);
        const [iterable, dialect] = unpack(args, kw, 1, 2);
        r.inputIter = abs.getIter(iterable);
        r.dialect = callDialect(dialect ?? null, args, kw);
      } catch (e) {
        decref(r);
        throw e;
      }
      gcTrackObject(r);
      return r;
    }),
  );
  m.fn('writer', (args, kw) =>
    varargsCall(args, kw, () => {
      const w = new PyWriter(WriterType);
      gcNewObject(w, false);
      try {
        const [file, dialect] = unpack(args, kw, 1, 2);
        const write = abs.lookupAttr(file, 'write');
        w.write = write;
        if (write === null || !abs.isCallable(write)) typeError('argument 1 must have a "write" method');
        w.dialect = callDialect(dialect ?? null, args, kw);
      } catch (e) {
        decref(w);
        throw e;
      }
      gcTrackObject(w);
      return w;
    }),
  );
  m.fn('register_dialect', (args, kw) =>
    varargsCall(args, kw, () => {
      const [name, dialect] = unpack(args, kw, 1, 2);
      if (!(name instanceof PyStr)) typeError('dialect name must be a string');
      const d = callDialect(dialect ?? null, args, kw);
      try {
        reg.setItem(name, d);
      } finally {
        decref(d);
      }
      return newRef(None);
    }),
  );
  m.fn('unregister_dialect', (args, kw) => {
    // (_PyArg_UnpackKeywords: a missing argument is named)
    if (args.length === 0) typeError("unregister_dialect() missing required argument 'name' (pos 1)");
    const [name] = parseArgs({ name: 'unregister_dialect', params: ['name'], required: 1, clinic: '_csv.unregister_dialect' }, args, kw);
    if (!reg.delItem(name!)) csvErr('unknown dialect');
    return newRef(None);
  });
  m.fn('get_dialect', (args, kw) => {
    // (_PyArg_UnpackKeywords: a missing argument is named)
    if (args.length === 0) typeError("get_dialect() missing required argument 'name' (pos 1)");
    const [name] = parseArgs({ name: 'get_dialect', params: ['name'], required: 1, clinic: '_csv.get_dialect' }, args, kw);
    return dialectFromRegistry(name!);
  });
  m.fn('list_dialects', (args, kw) => {
    if (kw && kw.length) typeError('_csv.list_dialects() takes no keyword arguments');
    if (args.length) typeError(`_csv.list_dialects() takes no arguments (${args.length} given)`);
    return newList(abs.toArray(reg));
  });
  m.fn('field_size_limit', (args, kw) => {
    const [limit] = parseArgs({ name: 'field_size_limit', params: ['new_limit'], required: 0, clinic: '_csv.field_size_limit' }, args, kw);
    const old = fieldLimit;
    if (limit !== undefined) {
      if (!(limit instanceof PyInt) || limit.type !== IntType) typeError('limit must be an integer');
      const b = BigInt(abs.index(limit));
      if (b > 9223372036854775807n || b < -9223372036854775808n) raise(E.OverflowError, 'Python int too large to convert to C ssize_t');
      fieldLimit = Number(b);
    }
    return newInt(old);
  });
  for (const [n, doc] of Object.entries(FN_DOCS)) (m.dict.getStr(abs.strKey(n)) as PyBuiltinFunction).doc = doc;
});

registerModule('csv', (m: ModuleBuilder) => {
  execStdlibSource(m, CSV_SRC, 'csv.py');
});

