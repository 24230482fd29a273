// SyntaxError values as CPython 3.11 builds them, and the text python3.11 prints for them.

export interface SyntaxErrorInfo {
  type: 'SyntaxError' | 'IndentationError' | 'TabError';
  msg: string;
  filename: string;
  lineno: number;
  /** 1-based, in code points of `text` (CPython's SyntaxError.offset) */
  offset: number;
  end_lineno: number;
  end_offset: number;
  /** SyntaxError.end_offset is None (PyErr_SyntaxLocationObject gives no end: future.c's
   * errors); `end_offset` then draws one caret */
  no_end?: boolean;
  /** the source line (with its newline when CPython keeps it) */
  text: string | null;
  /**
   * Set when python3.11 running a script would print with other offsets than `offset`/`end_offset`:
   * for errors raised by the parser (not the tokenizer) on a line holding non-ASCII characters,
   * pegen's file mode keeps the offsets in UTF-8 bytes, while compile()/exec() convert them to
   * code points (the values in `offset`/`end_offset`).
   */
  print_offset?: number;
  print_end_offset?: number;
  /** the text when the source is a string given to compile()/exec()/eval() (set by the parser) */
  string_text?: string | null;
  /** the offset there, when it differs from a file's */
  string_offset?: number;
}

function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * What python3.11 writes to stderr for an uncaught SyntaxError raised while compiling a script
 * (Python/pythonrun.c: print_exception_file_and_line + print_error_text).
 */
export function formatSyntaxError(err: SyntaxErrorInfo): string {
  let out = `  File "${err.filename}", line ${err.lineno}\n`;
  if (err.text !== null) {
    const offset = err.print_offset ?? err.offset;
    let endOffset = err.print_end_offset ?? err.end_offset;
    const text = err.text;
    const lineSize = utf8Len(text);
    // a multi-line error location: highlight to the end of the first line
    if (err.end_lineno > err.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    // python3.11 draws a range of carets only for SyntaxError itself, one caret for its subclasses
    if (err.type !== 'SyntaxError') endOffset = offset;
    out += errorText(offset, endOffset, text);
  }
  out += `${err.type}: ${err.msg}\n`;
  return out;
}

function errorText(offset: number, endOffset: number, textIn: string): string {
  const caretRepetitions = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  // work on code points (the C code mixes bytes and characters; for ASCII lines they agree)
  let text = Array.from(textIn);
  offset--;
  let k = 0;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\f')) {
    k++;
    offset--;
  }
  text = text.slice(k);
  // len = strlen(text): the clip and the newline skip count UTF-8 bytes, whatever unit the offset is in
  let len = utf8Len(text.join(''));
  if (len > 0 && text[text.length - 1] === '\n') len--;
  if (offset > len) offset = len;
  // skip past newlines embedded in the text
  for (;;) {
    const nl = text.indexOf('\n');
    if (nl < 0) break;
    const inl = utf8Len(text.slice(0, nl).join('')) + 1;
    if (inl - 1 >= offset) break;
    text = text.slice(nl + 1);
    len -= inl;
    offset -= inl;
  }
  let out = '    ' + text.join('');
  if (!(text.length > 0 && text[text.length - 1] === '\n')) out += '\n';
  if (offset < 0) return out;
  out += '    ' + ' '.repeat(offset) + '^'.repeat(caretRepetitions) + '\n';
  return out;
}

/** a column in UTF-8 bytes of `line` (the compiler's) as code points (SyntaxError.offset's) */
export function byteToCol(line: string, byteOff: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteOff) break;
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    chars++;
  }
  return chars;
}
