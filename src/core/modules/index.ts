// The native modules RefScope provides (registered once; created on import).

import './math';
import './cmath';
import './random';
import './itertools';
import './operator';
import './collections';
import './functools';
import './heapq';
import './bisect';
import './os';
import './string';
import './re';
import './json';
import './io';
import './time';
import './copy';
import './textwrap';
import './fractions';
import './typing';
import './types';
import './abc';
import './contextlib';
import './dataclasses';
import './enum';
import './decimal';
import './weakref';
import './psutil';
import './objgraph';
import './ctypes';
import './warnings';
import './datetime';
import './statistics';
import './timeit';
import './atexit';
import './future';
import './pprint';
import './numbers';
import './traceback';
import './calendar';
import './unicodedata';
import './codecs';
import './array';
import './struct';
import './stat';
import './shutil';
import './keyword';
import './csv';
import './base64';
import './hashlib';
import './pickle';

let done = false;
export function registerStdlib(): void {
  if (done) return;
  done = true;
}
