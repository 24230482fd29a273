// Generator methods (Objects/genobject.c: gen_send, gen_throw, gen_close, _PyGen_Finalize) and
// finalizers run at deallocation (typeobject.c slot_tp_finalize, PyErr_WriteUnraisable).

import { PyObject, PyType, heap, newRef, decref, incref } from '../object';
import { defMethod, defGetter, checkArgs } from '../define';
import { PyGenerator, GeneratorType } from '../objects/generator';
import { PyBaseException, BaseException } from '../objects/exception';
import * as E from '../objects/exception';
import { None } from '../objects/singletons';
import { newStr, PyStr } from '../objects/str';
import { newBool } from '../objects/int';
import * as abs from '../abstract';
import { genSend, genThrow, genClose, vmState } from './eval';
import { raise, typeError, newException } from '../errors';
import { materialize } from './frame';
import { writeUnraisable } from '../unraisable';
import { typeNew } from '../typeobject';
import { newDict } from '../objects/dict';
import { newTuple } from '../objects/tuple';
import { gcNewObject } from '../gc';

export function installGenerators(): void {
  defMethod(GeneratorType, 'send', (args, kw, self) => {
    checkArgs('send', args, kw, 1, 1);
    const r = genSend(self as PyGenerator, args[0]);
    if (r.done) stopIteration(r.value);
    return r.value;
  });
  defMethod(GeneratorType, 'throw', (args, kw, self) => {
    checkArgs('throw', args, kw, 1, 3);
    let exc: PyBaseException;
    const t = args[0];
    if (t instanceof PyType) {
      if (!t.isSubtype(BaseException)) typeError('exceptions must be classes or instances deriving from BaseException, not type');
      const v = args[1];
      if (v instanceof PyBaseException) exc = newRef(v);
      else {
        const e = abs.call(t, v && v !== None ? [v] : [], null);
        exc = e as PyBaseException;
      }
    } else if (t instanceof PyBaseException) {
      if (args.length > 1 && args[1] !== None) typeError('instance exception may not have a separate value');
      exc = newRef(t);
    } else typeError(`exceptions must be classes or instances deriving from BaseException, not ${t.type.name}`);
    const r = genThrow(self as PyGenerator, exc, args);
    if (r.done) stopIteration(r.value);
    return r.value;
  });
  defMethod(GeneratorType, 'close', (args, kw, self) => {
    checkArgs('close', args, kw, 0, 0);
    genClose(self as PyGenerator);
    return newRef(None);
  });
  defMethod(GeneratorType, '__next__', (args, kw, self) => {
    checkArgs('__next__', args, kw, 0, 0);
    const r = genSend(self as PyGenerator, None);
    if (r.done) stopIteration(r.value);
    return r.value;
  });
  defMethod(GeneratorType, '__iter__', (_a, _k, self) => newRef(self!));
  defGetter(GeneratorType, 'gi_running', (o) => newBool((o as PyGenerator).running));
  defGetter(GeneratorType, 'gi_frame', (o) => {
    const g = o as PyGenerator;
    return g.finished ? newRef(None) : materialize(g.frame);
  });
  defGetter(GeneratorType, 'gi_code', (o) => newRef((o as PyGenerator).frame.code));
  defGetter(GeneratorType, '__name__', (o) => newStr((o as PyGenerator).name));
  defGetter(GeneratorType, '__qualname__', (o) => newStr((o as PyGenerator).qualname));
  GeneratorType.hasFinalizer = true;

  heap.runFinalizer = (o) => {
    if (o instanceof PyGenerator) {
      if (o.finished || o.running) return;
      // (called from C, as __del__ through its call: the collector's temporary references to
      // the objects it finalizes are not the audit's to check)
      vmState.native++;
      try {
        genClose(o);
      } catch (e) {
        if (e instanceof PyBaseException) writeUnraisable(e, o, null);
        else throw e;
      } finally {
        vmState.native--;
      }
      return;
    }
    const del = abs.typeLookup(o.type, '__del__');
    if (!del) return;
    const savedExc = vmState.excInfo;
    try {
      const r = abs.callMethodObj(del, o, []);
      decref(r);
    } catch (e) {
      if (e instanceof PyBaseException) writeUnraisable(e, del, null);
      else throw e;
    } finally {
      vmState.excInfo = savedExc;
    }
  };
}

function stopIteration(value: PyObject): never {
  // (StopIteration_init: `value` holds the value too, None when there is none)
  const args = value === None ? newTuple([]) : newTuple([newRef(value)]);
  const e = new PyBaseException(E.StopIteration, args);
  e.extra = { value };
  gcNewObject(e, true);
  throw e;
}

void incref;
void raise;
void PyStr;
