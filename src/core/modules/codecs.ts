// The codecs module (Lib/codecs.py over Modules/_codecsmodule.c): lookup() and its CodecInfo
// (a tuple of the codec's encode, decode and stream classes, with attributes; RefScope's codecs
// have no stream or incremental classes, those fields are None), encode() and decode() through
// the codec registry (errors wrapped as wrap_codec_error does), getencoder() / getdecoder(),
// open() (a text file: codecs.open's StreamReaderWriter is not modelled; the file does no
// newline translation, as codecs.open's binary file does not) and the BOM constants.

import { registerModule, parseArgs, type ModuleBuilder } from '../runtime/define';
import { execStdlibSource } from './modutil';
import { PyObject } from '../runtime/object';
import * as abs from '../runtime/abstract';
import { typeError, newException, raise } from '../runtime/errors';
import * as E from '../runtime/objects/exception';
import { PyStr, newStr } from '../runtime/objects/str';
import { PyBytes, newBytes } from '../runtime/objects/bytes';
import { newTuple } from '../runtime/objects/tuple';
import { lookupCodec, requireImplemented, codecModule, codecName, normalizeEncoding, moduleEncode, moduleDecode, wrapCodecError } from '../runtime/objects/codec_registry';
import { decref } from '../runtime/object';
import { PyModule } from '../runtime/objects/instance';
import { internStr } from '../runtime/objects/str';
import { vmState } from '../runtime/vm/eval';
import { CJK_CODECS } from '../runtime/objects/codec_cjk';
import { isCharmap } from '../runtime/objects/codec_charmap';

/** the _codecs function behind an encodings module's encode (for its TypeError) */
function encodeFunction(m: string): string {
  if (isCharmap(m)) return 'charmap_encode';
  return (m === 'utf_8_sig' ? 'utf_8' : m) + '_encode';
}

function strArg(o: PyObject | undefined, fname: string, name: string, dflt: string): string {
  if (o === undefined) return dflt;
  if (!(o instanceof PyStr)) typeError(`${fname}() argument '${name}' must be str, not ${o.type.name}`);
  return o.v;
}

/** _PyCodec_Encode: the codec's encode function on obj, errors wrapped */
function codecEncode(obj: PyObject, encoding: string, errors: string): PyObject {
  if (codecModule(encoding) === 'rot_13') return rot13(obj, encoding, 'encoding');
  const m = lookupCodec(encoding, null);
  try {
    let s: string;
    if (obj instanceof PyStr) s = obj.v;
    // (MultibyteCodec.encode takes str() of anything else)
    else if (CJK_CODECS.includes(m)) s = abs.str(obj);
    else typeError(`${encodeFunction(m)}() argument 1 must be str, not ${obj.type.name}`);
    return newBytes(moduleEncode(m, s, errors));
  } catch (e) {
    throw wrapCodecError(e, 'encoding', encoding);
  }
}

/** Lib/encodings/rot_13.py: str to str (str.translate(input, rot13_map)) */
function rot13(obj: PyObject, encoding: string, op: string): PyObject {
  if (!(obj instanceof PyStr)) throw wrapCodecError(newException(E.TypeError, `descriptor 'translate' for 'str' objects doesn't apply to a '${obj.type.name}' object`), op, encoding);
  return newStr(obj.v.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) & 31) + 12) % 26 + (c.charCodeAt(0) & 96) + 1)));
}

function codecDecode(obj: PyObject, encoding: string, errors: string): PyObject {
  if (codecModule(encoding) === 'rot_13') return rot13(obj, encoding, 'decoding');
  const m = lookupCodec(encoding, null);
  try {
    if (!(obj instanceof PyBytes)) typeError(`a bytes-like object is required, not '${obj.type.name}'`);
    return newStr(moduleDecode(m, obj.v, errors));
  } catch (e) {
    throw wrapCodecError(e, 'decoding', encoding);
  }
}

const CODECS_SRC = `
import builtins as _builtins

#@44
BOM_UTF8 = b'\\xef\\xbb\\xbf'
#@47
BOM_LE = BOM_UTF16_LE = b'\\xff\\xfe'
#@50
BOM_BE = BOM_UTF16_BE = b'\\xfe\\xff'
#@53
BOM_UTF32_LE = b'\\xff\\xfe\\x00\\x00'
#@56
BOM_UTF32_BE = b'\\x00\\x00\\xfe\\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
#@75
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

#@83
class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""
#@92
    _is_text_encoding = True # Assume codecs are text encodings by default

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
        incrementalencoder=None, incrementaldecoder=None, name=None,
        *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \\
                (self.__class__.__module__, self.__class__.__qualname__,
                 self.name, id(self))

_cache = {}

def _codec_functions(module):
    def encode(input, errors='strict'):
        return (_encode(input, module, errors), len(input))
    def decode(input, errors='strict'):
        return (_decode(input, module, errors), len(input))
    return encode, decode

def lookup(encoding, /):
    key, module, name = _lookup(encoding)
    info = _cache.get(key)
    if info is None:
        encode, decode = _codec_functions(module)
        info = _cache[key] = CodecInfo(encode, decode, name=name)
    return info

#@970
def getencoder(encoding):
#@978
    return lookup(encoding).encode

def getdecoder(encoding):
#@988
    return lookup(encoding).decode

def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    if encoding is None:
        return _builtins.open(filename, mode, buffering)
    lookup(encoding)
    return _builtins.open(filename, mode.replace('b', ''), buffering, encoding, errors, '')
`;

// _codecs (Modules/_codecsmodule.c): encode and decode live there (codecs.encode.__module__ is
// '_codecs', which is how pickle names it)
registerModule('_codecs', (m: ModuleBuilder) => {
  m.fn('encode', (args, kw) => {
    const [obj, enc, err] = parseArgs({ name: 'encode', params: ['obj', 'encoding', 'errors'], required: 1 }, args, kw);
    return codecEncode(obj!, strArg(enc, 'encode', 'encoding', 'utf-8'), strArg(err, 'encode', 'errors', 'strict'));
  });
  m.fn('decode', (args, kw) => {
    const [obj, enc, err] = parseArgs({ name: 'decode', params: ['obj', 'encoding', 'errors'], required: 1 }, args, kw);
    return codecDecode(obj!, strArg(enc, 'decode', 'encoding', 'utf-8'), strArg(err, 'decode', 'errors', 'strict'));
  });
});

registerModule('codecs', (m: ModuleBuilder) => {
  // its functions are _codecs's in CPython (their __self__)
  m.functionsOf('_codecs');
  const cm = vmState.importModule!('_codecs', vmState.current!);
  try {
    for (const n of ['encode', 'decode']) m.set(n, (cm as PyModule).dict.getStr(internStr(n))!);
  } finally {
    decref(cm);
  }
  // (helpers of the Python part: the registry's answer for a name, and a codec's functions)
  m.fn('_lookup', (args, kw) => {
    const [enc] = parseArgs({ name: 'lookup', params: ['encoding', '/'], required: 1 }, args, kw);
    if (!(enc instanceof PyStr)) typeError(`lookup() argument must be str, not ${enc!.type.name}`);
    // (any codec CPython has: calling one RefScope lacks is not supported)
    const mod = codecModule(enc.v);
    if (mod === null) raise(E.LookupError, `unknown encoding: ${enc.v}`);
    return newTuple([newStr(normalizeEncoding(enc.v)), newStr(mod), newStr(codecName(mod))]);
  });
  m.fn('_encode', (args, kw) => {
    const [obj, mod, err] = parseArgs({ name: 'encode', params: ['input', 'module', 'errors'], required: 3 }, args, kw);
    const module = (mod as PyStr).v;
    requireImplemented(module);
    const errors = strArg(err, 'encode', 'errors', 'strict');
    if (obj instanceof PyStr) return newBytes(moduleEncode(module, obj.v, errors));
    if (CJK_CODECS.includes(module)) return newBytes(moduleEncode(module, abs.str(obj!), errors));
    typeError(`${encodeFunction(module)}() argument 1 must be str, not ${obj!.type.name}`);
  });
  m.fn('_decode', (args, kw) => {
    const [obj, mod, err] = parseArgs({ name: 'decode', params: ['input', 'module', 'errors'], required: 3 }, args, kw);
    requireImplemented((mod as PyStr).v);
    if (!(obj instanceof PyBytes)) typeError(`a bytes-like object is required, not '${obj!.type.name}'`);
    return newStr(moduleDecode((mod as PyStr).v, obj.v, strArg(err, 'decode', 'errors', 'strict')));
  });
  execStdlibSource(m, CODECS_SRC, 'codecs.py');
});
