// The textwrap module (Lib/textwrap.py behaviour: TextWrapper chunking with hyphen breaks,
// _wrap_chunks with drop_whitespace/break_long_words/max_lines, dedent/indent/shorten),
// written as Python source for the interpreter.

import { registerModule } from '../runtime/define';
import { execStdlibSource } from './modutil';

const TEXTWRAP_SRC = `
import re as _re

_WS = '\\t\\n\\x0b\\x0c\\r '

#@17
class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
#@126
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

#@143
    def _munge_whitespace(self, text):
#@150
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for ch in _WS:
                text = text.replace(ch, ' ')
        return text

    def _split(self, text):
        parts = [p for p in _re.split(r'([\\t\\n\\x0b\\x0c\\r ]+)', text) if p]
        if not self.break_on_hyphens:
            return parts
        out = []
        for p in parts:
            if p[0] in _WS:
                out.append(p)
            else:
                out.extend(q for q in _re.split(r'(?<=[^\\W\\d_]{2}-)(?=[^\\W\\d_])|(?<=[^\\W\\d_]-[^\\W\\d_]-)(?=[^\\W\\d_])', p) if q)
        return out

#@179
    def _fix_sentence_endings(self, chunks):
#@188
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _re.search(r'[a-z][\\.\\!\\?][\\"\\']?\\Z', chunks[i]):
                chunks[i + 1] = '  '
#@193
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
#@207
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
#@214
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
#@220
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
#@229
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

#@238
    def _wrap_chunks(self, chunks):
#@251
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
#@264
        chunks.reverse()
#@266
        while chunks:
#@270
            cur_line = []
            cur_len = 0
#@274
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
#@280
            width = self.width - len(indent)
#@284
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
#@287
            while chunks:
                l = len(chunks[-1])
#@291
                if cur_len + l <= width:
                    cur_line.append(chunks.pop())
                    cur_len += l
#@296
                else:
                    break
#@301
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
#@306
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
#@310
            if cur_line:
                if (self.max_lines is None or
                    len(lines) + 1 < self.max_lines or
                    (not chunks or
                     self.drop_whitespace and
                     len(chunks) == 1 and
                     not chunks[0].strip()) and cur_len <= width):
#@319
                    lines.append(indent + ''.join(cur_line))
                else:
                    while cur_line:
                        if (cur_line[-1].strip() and
                            cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if (len(prev_line) + len(self.placeholder) <=
                                    self.width):
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
#@339
        return lines

#@347
    def wrap(self, text):
        chunks = self._split(self._munge_whitespace(text))
#@357
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
#@368
        return "\\n".join(self.wrap(text))


#@373
def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)

#@386
def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)

#@398
def shorten(text, width, **kwargs):
#@410
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


#@419
def dedent(text):
    lines = text.split('\\n')
#@434
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(' \\t')
        if not stripped:
            lines[i] = ''
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
#@453
        else:
            n = 0
            while n < len(margin) and n < len(ind) and margin[n] == ind[n]:
                n += 1
            margin = margin[:n]
#@465
    if margin:
        lines = [l[len(margin):] if l else l for l in lines]
    return '\\n'.join(lines)


def indent(text, prefix, predicate=None):
#@478
    if predicate is None:
        def predicate(line):
            return line.strip()
    out = []
    for line in text.splitlines(True):
        out.append(prefix + line if predicate(line) else line)
    return ''.join(out)

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']
`;

registerModule('textwrap', (m) => {
  execStdlibSource(m, TEXTWRAP_SRC, 'textwrap.py');
});
