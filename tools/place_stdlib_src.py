#!/usr/bin/env python3
"""Places the lines of RefScope's trimmed copy of a Lib module on CPython's line numbers.

    python3 tools/place_stdlib_src.py FILE.ts CONST Lib/rel.py [--write]

FILE.ts holds `const CONST = String.raw`...`` (or a plain template): the Python source RefScope
runs for the module. Each of its lines that also appears in CPython 3.11.7's Lib/rel.py (same
text, same order: difflib's longest matching blocks) gets a `#@N` line before it when it would
otherwise not land on CPython's line N (modutil.placeLines turns `#@N` into blank lines). Lines
RefScope rewrote stay where they fall (a line inside a multi-line string is never moved); one that cannot fit before the next kept line pushes it
off its CPython line (reported). Existing `#@N` lines are recomputed. Prints the lines still off.
"""
import difflib
import json
import re
import subprocess
import sys

LIB = '/root/.pyenv/versions/3.11.7/lib/python3.11/'


def template_bounds(ts, const):
    m = re.search(r'const ' + re.escape(const) + r' = (String\.raw)?`', ts)
    if not m:
        sys.exit(f'no template const {const}')
    start = m.end()
    i = start
    while True:
        c = ts[i]
        if c == '\\':
            i += 2
        elif ts.startswith('${', i):
            i = ts.index('}', i + 2) + 1
        elif c == '`':
            return start, i, bool(m.group(1))
        else:
            i += 1


def evaluate(body, raw):
    js = ('String.raw`' if raw else '`') + body + '`'
    out = subprocess.run(['node', '-e', f'process.stdout.write(JSON.stringify({js}))'], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def indent(line):
    return line[:len(line) - len(line.lstrip())]


def norm(line):
    """the tokens of one whole line, comments dropped and strings by value (None: not one line)"""
    import ast
    import io
    import tokenize
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(line.strip() + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    out = []
    for t in toks:
        if t.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
            continue
        if t.type == tokenize.STRING:
            try:
                out.append(('S', repr(ast.literal_eval(t.string))))
                continue
            except Exception:
                pass
        out.append((t.type, t.string))
    return tuple(out) if out else None


def main():
    path, const, rel = sys.argv[1:4]
    write = '--write' in sys.argv
    ts = open(path, encoding='utf8').read()
    start, end, raw = template_bounds(ts, const)
    tlines = [l for l in ts[start:end].split('\n') if not re.fullmatch(r'#@\d+', l)]
    body = '\n'.join(tlines)
    src = evaluate(body, raw).split('\n')
    if len(src) != len(tlines):
        sys.exit(f'{const}: the template has escaped newlines ({len(src)} source lines, {len(tlines)} text lines)')
    cpy = open(LIB + rel, encoding='utf8').read().split('\n')
    key = lambda l: l.rstrip()
    sm = difflib.SequenceMatcher(None, [key(l) for l in src], [key(l) for l in cpy], autojunk=False)
    target = {}
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            if src[a + k].strip():
                target[a + k] = b + k + 1
    # a line RefScope wrote otherwise than CPython only in its quotes or a trailing comment (the
    # same tokens, strings of the same value) takes CPython's text
    retext = {}
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != 'replace':
            continue
        j = j1
        for i in range(i1, i2):
            for jj in range(j, j2):
                if indent(src[i]) == indent(cpy[jj]) and norm(src[i]) is not None and norm(src[i]) == norm(cpy[jj]):
                    retext[i] = cpy[jj]
                    target[i] = jj + 1
                    j = jj + 1
                    break
    # blank and comment-only lines outside strings: dropped where RefScope's extra lines would
    # push a kept line past its CPython line
    droppable = set(range(len(src)))
    import io
    import tokenize
    for tok in tokenize.generate_tokens(io.StringIO('\n'.join(src) + '\n').readline):
        # (a line inside a multi-line string gets no `#@N` line: that would change the string)
        for r in range(tok.start[0] + 1, tok.end[0] + 1):
            target.pop(r - 1, None)
            retext.pop(r - 1, None)
        if tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            for r in range(tok.start[0], tok.end[0] + 1):
                droppable.discard(r - 1)
    out = []  # (text line index or None for a marker, text)
    off = []
    line = 1  # the source line the next text line becomes
    since = 0  # out's length after the last kept line
    for i, t in enumerate(tlines):
        want = target.get(i)
        if want is not None:
            k = len(out) - 1
            while want < line and k >= since:
                if out[k][0] is not None and out[k][0] in droppable and out[k][0] not in target:
                    del out[k]
                    line -= 1
                k -= 1
            if want > line:
                out.append((None, f'#@{want}'))
                line = want
            elif want < line:
                off.append((i + 1, want, line, src[i]))
        if i in retext:
            if not raw:
                t = retext[i].replace('\\', '\\\\').replace('`', '\\`').replace('${', '\\${')
            elif '`' not in retext[i] and '${' not in retext[i]:
                t = retext[i]
        out.append((i, t))
        line += 1
        if want is not None:
            since = len(out)
    out = [t for _, t in out]
    for i, want, got, text in off:
        print(f'  off: {rel}:{want} lands on {got}: {text.strip()[:70]}')
    kept = sum(1 for i in target if all(i + 1 != o[0] for o in off))
    print(f'{const}: {kept} lines on their CPython line, {len(off)} off, {len(src) - len(target)} not in CPython\'s file')
    if write:
        open(path, 'w', encoding='utf8').write(ts[:start] + '\n'.join(out) + ts[end:])


main()
