// bytes_repr (Objects/bytesobject.c), pure: the runtime's bytes repr and the compiler's unparser use it.

/** bytes_repr; bytearray_repr (`bytearray` true) escapes a single quote inside double quotes too */
export function bytesRepr(v: Uint8Array, bytearray = false): string {
  let dq = false;
  let sq = false;
  for (const c of v) {
    if (c === 0x27) sq = true;
    else if (c === 0x22) dq = true;
  }
  const quote = sq && !dq ? '"' : "'";
  let s = 'b' + quote;
  for (const c of v) {
    if (c === quote.charCodeAt(0) || c === 0x5c || (bytearray && c === 0x27)) s += '\\' + String.fromCharCode(c);
    else if (c === 9) s += '\\t';
    else if (c === 10) s += '\\n';
    else if (c === 13) s += '\\r';
    else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0');
    else s += String.fromCharCode(c);
  }
  return s + quote;
}
